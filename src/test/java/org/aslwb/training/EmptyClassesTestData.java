package org.aslwb.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/** A small data set whose class B has files that are all unreadable. */
public final class EmptyClassesTestData {
  private EmptyClassesTestData() {}

  /**
   * Writes classes A, B and C (4 images each) under {@code dir}/data; every file of B is broken.
   */
  public static Path write(Path dir) throws Exception {
    Path data = dir.resolve("data");
    SyntheticDataset.write(data, 4, 32, 1, ProgressListener.NONE, Cancellation.none());
    try (Stream<Path> classes = Files.list(data)) {
      for (Path c : classes.toList()) {
        String name = c.getFileName().toString();
        try (Stream<Path> files = Files.list(c)) {
          for (Path f : files.toList()) {
            if (name.equals("B")) {
              Files.writeString(f, "not a png");
            } else if (!name.equals("A") && !name.equals("C")) {
              Files.delete(f);
            }
          }
        }
        if (!List.of("A", "B", "C").contains(name)) {
          Files.delete(c);
        }
      }
    }
    return data;
  }
}
