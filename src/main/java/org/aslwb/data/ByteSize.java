package org.aslwb.data;

import java.util.Locale;
import java.util.OptionalLong;

/** Sizes as users type them in settings: {@code 6g}, {@code 6144m}, {@code 512k} or bytes. */
public final class ByteSize {
  private ByteSize() {}

  /** The number of bytes {@code text} names, or empty when it is not a size. */
  public static OptionalLong tryParse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit =
        switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
          case 'k' -> 1L << 10;
          case 'm' -> 1L << 20;
          case 'g' -> 1L << 30;
          case 't' -> 1L << 40;
          default -> 1;
        };
    String number = unit == 1 ? t : t.substring(0, t.length() - 1);
    try {
      long bytes = Math.multiplyExact(Long.parseLong(number.trim()), unit);
      return bytes < 0 ? OptionalLong.empty() : OptionalLong.of(bytes);
    } catch (NumberFormatException | ArithmeticException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * The number of bytes {@code text} names.
   *
   * @param setting where the text came from, for the message
   * @throws IllegalArgumentException naming the setting when the text is not a size
   */
  public static long parse(String text, String setting) {
    return tryParse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    setting + "=" + text + ": not a size (examples: 6g, 6144m, 512k)"));
  }
}
