package org.aslwb.report;

import java.util.List;

/**
 * Builds HTML text. Every string that reaches the page through {@link #text} or an attribute is
 * escaped by {@link #escape}, the one escaping function of the report: file and folder names, class
 * names and model settings come from other people's files.
 */
final class Html {
  private final StringBuilder out = new StringBuilder();

  /** {@code s} with {@code & < > " '} replaced by entities (null as the empty string). */
  static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Appends markup written by this package (never user text). */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends escaped text. */
  Html text(Object value) {
    out.append(escape(value));
    return this;
  }

  /** {@code <tag>escaped text</tag>}. */
  Html element(String tag, Object value) {
    return raw("<" + tag + ">").text(value).raw("</" + tag + ">\n");
  }

  /** A two-column table of names and values. */
  Html keyValues(List<String[]> rows) {
    raw("<table class=\"kv\">\n");
    for (String[] row : rows) {
      raw("<tr><th>").text(row[0]).raw("</th><td>").text(row[1]).raw("</td></tr>\n");
    }
    return raw("</table>\n");
  }

  /** A table with a header row; cells are escaped text. */
  Html table(List<String> header, List<List<String>> rows) {
    raw("<table>\n<tr>");
    header.forEach(h -> raw("<th>").text(h).raw("</th>"));
    raw("</tr>\n");
    for (List<String> row : rows) {
      raw("<tr>");
      row.forEach(cell -> raw("<td>").text(cell).raw("</td>"));
      raw("</tr>\n");
    }
    return raw("</table>\n");
  }

  /** An embedded PNG figure with its caption and the command that reproduces it. */
  Html figure(String dataUri, String alt, String caption, String command) {
    raw("<figure>\n<img src=\"")
        .text(dataUri)
        .raw("\" alt=\"")
        .text(alt)
        .raw("\">\n<figcaption>")
        .text(caption);
    return raw("</figcaption>\n").command(command).raw("</figure>\n");
  }

  /** A "reproduce with" command line. */
  Html command(String commandLine) {
    return raw("<p class=\"cmd\">Reproduce: <code>").text(commandLine).raw("</code></p>\n");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
