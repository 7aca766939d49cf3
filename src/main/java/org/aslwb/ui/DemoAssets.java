package org.aslwb.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * The bundled demo: the small model in {@code demo/} (trained on synthetic data by the documented
 * command) and the synthetic data set, regenerated from its seed on first launch.
 */
public final class DemoAssets {
  /** Images per class of the demo data (as in the README's command). */
  public static final int PER_CLASS = 40;

  /**
   * The demo image the tabs open on (also {@code sample-images/B/B_synthetic_1.png}): the bundled
   * model's LIME explanation of it is informative, its top superpixel weighing 98% of the
   * probability's range, where the first image, A_synthetic_1, gets 1.3% (README, "Reproducing the
   * bundled demo").
   */
  public static final Path EXPLAIN_SAMPLE = Path.of("B", "B_synthetic_1.png");

  private DemoAssets() {}

  /** The project folder ({@code -Daslwb.home}, set by bin/aslwb, else the working folder). */
  public static Path home() {
    return Path.of(System.getProperty("aslwb.home", ".")).toAbsolutePath().normalize();
  }

  /** The bundled demo model. */
  public static Path model() {
    return home().resolve("demo").resolve("demo-cnn.aslwb");
  }

  /** The sample gallery folder. */
  public static Path sampleImages() {
    return home().resolve("sample-images");
  }

  /** The sample gallery's images, by name. */
  public static java.util.List<Path> gallery() {
    if (!Files.isDirectory(sampleImages())) {
      return java.util.List.of();
    }
    try (var files = Files.walk(sampleImages(), 2)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
    } catch (IOException e) {
      return java.util.List.of();
    }
  }

  /** The demo data folder, generated if missing. */
  public static Path data(ProgressListener progress, Cancellation cancellation) throws IOException {
    Path dir =
        Path.of(
            System.getProperty("user.home"),
            ".cache",
            "aslwb",
            "demo-data-" + SyntheticDataset.DEFAULT_SEED);
    Path done = dir.resolve(".complete");
    if (!Files.exists(done)) {
      SyntheticDataset.write(
          dir,
          PER_CLASS,
          SyntheticDataset.DEFAULT_SIZE,
          SyntheticDataset.DEFAULT_SEED,
          progress,
          cancellation);
      Files.writeString(done, "synthetic demo data\n");
    }
    return dir;
  }
}
