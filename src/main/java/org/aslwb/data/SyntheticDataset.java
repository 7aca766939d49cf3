package org.aslwb.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.aslwb.task.SettingChecks;

/**
 * Writes the synthetic demo data set: one folder per class (the Kaggle layout), PNG files named
 * {@code CLASS_synthetic_N.png}. Image {@code i} of class {@code c} depends only on (seed, c, i),
 * so any subset can be regenerated identically.
 */
public final class SyntheticDataset {
  /** Default images per class. */
  public static final int DEFAULT_PER_CLASS = 60;

  /** Default image side in pixels. */
  public static final int DEFAULT_SIZE = 96;

  /** Default seed of the bundled demo. */
  public static final long DEFAULT_SEED = 7;

  private SyntheticDataset() {}

  /** Refuses a count or size that cannot make a data set (before any folder is made). */
  public static void checkSettings(int perClass, int size) {
    SettingChecks.atLeast("per-class", perClass, 1);
    SettingChecks.between("size", size, ImageDecoder.MIN_SIDE, 4096);
  }

  /**
   * Writes {@code perClass} images of each of the 29 classes into {@code out}.
   *
   * @return the number of files written
   */
  public static int write(
      Path out,
      int perClass,
      int size,
      long seed,
      ProgressListener progress,
      Cancellation cancellation)
      throws IOException {
    checkSettings(perClass, size);
    SyntheticHandRenderer renderer = new SyntheticHandRenderer(size);
    List<HandPose> poses = HandPose.alphabet();
    int total = poses.size() * perClass;
    int written = 0;
    for (int c = 0; c < poses.size(); c++) {
      HandPose pose = poses.get(c);
      Path dir = Files.createDirectories(out.resolve(pose.className()));
      for (int i = 0; i < perClass; i++) {
        cancellation.check();
        Path file = dir.resolve(pose.className() + "_synthetic_" + (i + 1) + ".png");
        ImageIO.write(renderer.render(pose, randomFor(seed, c, i)), "png", file.toFile());
        written++;
      }
      progress.progress(written, total, "drew class " + pose.className());
    }
    return written;
  }

  /** The random source of image {@code index} of class {@code classIndex}. */
  public static Random randomFor(long seed, int classIndex, int index) {
    return new Random(seed * 1_000_003L + classIndex * 100_003L + index);
  }
}
