package org.aslwb.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of the data a model saw: class names, the files' names relative to the data set
 * folder with their pixel content, and the split. Independent of where the folder lies, so the same
 * data set on another machine gives the same fingerprint. Evaluation compares it with a model's to
 * know whether the model's validation split exists in the data at hand.
 */
public final class DataFingerprint {
  private DataFingerprint() {}

  /** The fingerprint of {@code data} split by {@code split}. */
  public static String of(LoadedDataset data, Split split) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(String.join("\n", data.classNames()).getBytes(StandardCharsets.UTF_8));
      for (Sample s : data.samples()) {
        sha.update(
            data.index().root().relativize(s.file()).toString().getBytes(StandardCharsets.UTF_8));
        sha.update(s.pixels());
      }
      sha.update(split.description().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
