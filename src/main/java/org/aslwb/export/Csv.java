package org.aslwb.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one CSV writer (RFC 4180): a field with a comma, a quote, a line break or surrounding spaces
 * is quoted, quotes doubled; numbers use the root locale; records end with {@code \n}.
 */
public final class Csv {
  private final StringBuilder text = new StringBuilder();

  /** Appends one record. */
  public Csv row(List<?> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(field(fields.get(i)));
    }
    text.append('\n');
    return this;
  }

  /** Appends one record. */
  public Csv row(Object... fields) {
    return row(Arrays.asList(fields));
  }

  /** The records so far. */
  @Override
  public String toString() {
    return text.toString();
  }

  /** One field as written: doubles with six decimals, text quoted where it must be. */
  static String field(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float) {
      return String.format(Locale.ROOT, "%.6f", ((Number) value).doubleValue());
    }
    return quote(value.toString());
  }

  /** {@code s} as a CSV field. */
  public static String quote(String s) {
    boolean needsQuotes =
        s.indexOf(',') >= 0
            || s.indexOf('"') >= 0
            || s.indexOf('\n') >= 0
            || s.indexOf('\r') >= 0
            || (!s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' '));
    return needsQuotes ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
