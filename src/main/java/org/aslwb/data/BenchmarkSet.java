package org.aslwb.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.aslwb.task.SettingChecks;

/**
 * A large folder-per-class data set for scale benchmarks, built once: a base set (the synthetic
 * generator's images at 200x200, or a folder of real photos) repeated under new file names until it
 * holds the asked number of images. The repeats are symbolic links (copies where links are not
 * possible), so 87,000 images cost the disk no more than the base; every name is still a file of
 * its own to the loader, which decodes and caches each one.
 */
public final class BenchmarkSet {
  /** Side of the synthetic base images, the Kaggle photos' size. */
  public static final int SYNTHETIC_SIDE = 200;

  /** Distinct synthetic images per class in the base set. */
  public static final int SYNTHETIC_PER_CLASS = 100;

  private static final String COMPLETE = ".complete";

  private BenchmarkSet() {}

  /**
   * The benchmark set of {@code images} images under {@code work}, built now unless an earlier call
   * completed it.
   *
   * @param photos a folder-per-class set to repeat, or null for the synthetic generator's images
   */
  public static Path build(
      Path work, int images, Path photos, ProgressListener progress, Cancellation cancellation)
      throws IOException {
    SettingChecks.atLeast("images", images, 29);
    Path base;
    String name;
    if (photos == null) {
      base = work.resolve("synthetic-base-" + SYNTHETIC_SIDE + "-" + SYNTHETIC_PER_CLASS);
      if (!Files.isRegularFile(base.resolve(COMPLETE))) {
        SyntheticDataset.write(
            base,
            SYNTHETIC_PER_CLASS,
            SYNTHETIC_SIDE,
            SyntheticDataset.DEFAULT_SEED,
            progress,
            cancellation);
        Files.writeString(base.resolve(COMPLETE), "synthetic\n");
      }
      name = "synthetic-" + images;
    } else {
      base = photos.toAbsolutePath().normalize();
      name = "photos-" + shortHash(base.toString()) + "-" + images;
    }
    Path set = work.resolve(name);
    if (Files.isRegularFile(set.resolve(COMPLETE))) {
      return set;
    }
    DatasetIndex index = DatasetScanner.scan(base);
    List<List<Path>> perClass = new ArrayList<>();
    for (int c = 0; c < index.classNames().size(); c++) {
      perClass.add(new ArrayList<>());
    }
    for (LabeledFile f : index.files()) {
      perClass.get(f.label()).add(f.file().toAbsolutePath());
    }
    if (perClass.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException(base + ": every class folder needs at least one image");
    }
    int classes = perClass.size();
    for (int i = 0; i < images; i++) {
      cancellation.check();
      int c = i % classes;
      int k = i / classes;
      List<Path> files = perClass.get(c);
      Path original = files.get(k % files.size());
      String className = index.classNames().get(c);
      Path dir = set.resolve(className);
      Files.createDirectories(dir);
      // the repeat number first, so that no two names collide and none looks like a frame number
      Path link = dir.resolve(className + "_r" + k / files.size() + "_" + original.getFileName());
      linkOrCopy(link, original);
      if ((i + 1) % 2048 == 0 || i + 1 == images) {
        progress.progress(i + 1, images, "naming benchmark images");
      }
    }
    Files.writeString(set.resolve(COMPLETE), images + "\n");
    return set;
  }

  private static void linkOrCopy(Path link, Path original) throws IOException {
    try {
      Files.createSymbolicLink(link, original);
    } catch (FileAlreadyExistsException e) {
      // an interrupted earlier build made it already
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(original, link);
    }
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 10);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
