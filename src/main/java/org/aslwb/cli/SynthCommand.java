package org.aslwb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.task.Cancellation;
import org.aslwb.task.OutputLocations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aslwb synth}: the synthetic demo data set. */
@Command(name = "synth", description = "Write the synthetic hand-sign demo data set (29 classes).")
final class SynthCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(
      names = "--per-class",
      defaultValue = "60",
      description = "images per class (default ${DEFAULT-VALUE})")
  int perClass;

  @Option(
      names = "--size",
      defaultValue = "96",
      description = "image side in pixels (default ${DEFAULT-VALUE})")
  int size;

  @Option(names = "--seed", defaultValue = "7", description = "seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--force",
      description = "write into a folder that is not empty (same-named images are replaced)")
  boolean force;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
    SyntheticDataset.checkSettings(perClass, size);
    if (!force && isNonEmptyFolder(out)) {
      // images of another seed or size would be silently replaced or mixed with the new ones
      throw new IllegalArgumentException(
          "--out "
              + out
              + " is not empty: choose an empty folder, or add --force to write into it");
    }
    OutputLocations.checkFolder(out);
    int n =
        SyntheticDataset.write(out, perClass, size, seed, Output.progress(), Cancellation.none());
    Output.say("wrote %d synthetic images to %s", n, out);
    if (json) {
      Output.json(
          Map.of(
              "out",
              out.toString(),
              "images",
              n,
              "per_class",
              perClass,
              "size",
              size,
              "seed",
              seed));
    }
    return 0;
  }

  private static boolean isNonEmptyFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isPresent();
    }
  }
}
