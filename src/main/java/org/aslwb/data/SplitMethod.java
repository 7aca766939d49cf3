package org.aslwb.data;

import java.util.Locale;

/**
 * How a training run holds out its validation images.
 *
 * @param kind the method
 * @param blockSize images per block for {@link Kind#BLOCKS}, else 0
 */
public record SplitMethod(Kind kind, int blockSize) {
  /** The methods. */
  public enum Kind {
    /** {@link #FRAMES} when every file name carries a frame number, else {@link #RANDOM}. */
    AUTO,
    /** Whole runs of consecutive frame numbers within each class. */
    FRAMES,
    /** Stratified random. */
    RANDOM,
    /** Whole blocks of consecutive files (in name order) within each class. */
    BLOCKS
  }

  /** The default: frame runs when the names allow, random otherwise. */
  public static final SplitMethod AUTO = new SplitMethod(Kind.AUTO, 0);

  /** Frame runs. */
  public static final SplitMethod FRAMES = new SplitMethod(Kind.FRAMES, 0);

  /** Stratified random. */
  public static final SplitMethod RANDOM = new SplitMethod(Kind.RANDOM, 0);

  /** Checks that a block split has a block size and no other kind has one. */
  public SplitMethod {
    if (kind == Kind.BLOCKS ? blockSize < 1 : blockSize != 0) {
      throw new IllegalArgumentException("blocks:N needs a block size N of at least 1");
    }
  }

  /** Blocks of {@code n} consecutive files. */
  public static SplitMethod blocks(int n) {
    return new SplitMethod(Kind.BLOCKS, n);
  }

  /**
   * Parses {@code auto}, {@code frames}, {@code random}, {@code blocks:N}, and the names older
   * model files record ({@code stratified}, {@code blocks of N}).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static SplitMethod parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("blocks:")) {
        return blocks(Integer.parseInt(t.substring("blocks:".length()).trim()));
      }
      if (t.startsWith("blocks of ")) {
        return blocks(Integer.parseInt(t.substring("blocks of ".length()).trim()));
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    return switch (t) {
      case "auto" -> AUTO;
      case "frames" -> FRAMES;
      case "random", "stratified" -> RANDOM;
      default ->
          throw new IllegalArgumentException(
              "split '" + text + "': expected frames, random, blocks:N or auto");
    };
  }

  /** The form {@link #parse} reads: "frames", "random", "blocks:50", "auto". */
  @Override
  public String toString() {
    return kind == Kind.BLOCKS ? "blocks:" + blockSize : kind.name().toLowerCase(Locale.ROOT);
  }
}
