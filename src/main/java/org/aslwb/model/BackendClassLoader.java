package org.aslwb.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader ND4J finds its backends with, showing only the chosen one. ND4J picks the
 * available backend of highest priority (CUDA over CPU) and its priorities are environment
 * variables only, so with both builds on the class path this is how a process chooses: the service
 * files that name another backend are hidden; every class and other resource comes from the parent.
 */
final class BackendClassLoader extends ClassLoader {
  static final String SERVICE_FILE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";

  private final String keep;

  BackendClassLoader(ClassLoader parent, Backend keep) {
    super(parent);
    this.keep = keep.providerClass();
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    Enumeration<URL> all = super.getResources(name);
    if (!SERVICE_FILE.equals(name)) {
      return all;
    }
    List<URL> kept = new ArrayList<>();
    for (URL url : Collections.list(all)) {
      try (InputStream in = url.openStream()) {
        String providers = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (providers.lines().map(String::trim).anyMatch(keep::equals)) {
          kept.add(url);
        }
      }
    }
    return Collections.enumeration(kept);
  }
}
