package org.aslwb.cli;

import org.aslwb.model.Versions;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the workbench, DL4J, the native backend and Java (starts the engine). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "ASL Workbench " + Versions.workbench(),
      "Deeplearning4j " + Versions.dl4j(),
      "native backend " + Versions.nativeBackend(),
      "Java " + Versions.java()
    };
  }
}
