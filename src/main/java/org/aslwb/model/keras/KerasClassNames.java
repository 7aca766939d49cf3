package org.aslwb.model.keras;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The class names of an imported model, in output order: from the command line ({@code A,B,C}) or a
 * labels file with one name a line, as Teachable Machine writes it ({@code labels.txt}, lines like
 * {@code 0 A} or just {@code A}).
 */
public final class KerasClassNames {
  private static final int MAX_FILE_BYTES = 1 << 20;
  private static final int MAX_NAME_LENGTH = 100;
  private static final Pattern INDEX_PREFIX = Pattern.compile("^\\d+\\s+");

  private KerasClassNames() {}

  /** Parses "A,B,C" (names trimmed). */
  public static List<String> parse(String commaSeparated) {
    List<String> names = new ArrayList<>();
    for (String name : commaSeparated.split(",", -1)) {
      names.add(name.trim());
    }
    return validated(names, "--classes");
  }

  /** Reads a labels file (at most 1 MB, UTF-8). */
  public static List<String> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          file + ": " + (Files.isDirectory(file) ? "is a folder" : "does not exist"));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(file + ": larger than 1 MB, not a labels file");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text");
    }
    List<String> names = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String name = INDEX_PREFIX.matcher(line.strip()).replaceFirst("");
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return validated(names, file.toString());
  }

  private static List<String> validated(List<String> names, String source) {
    if (names.size() < 2) {
      throw new IllegalArgumentException(source + ": need at least 2 class names");
    }
    HashSet<String> seen = new HashSet<>();
    for (String name : names) {
      if (name.isEmpty()
          || name.length() > MAX_NAME_LENGTH
          || name.codePoints().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            source
                + ": class name '"
                + name.codePoints()
                    .limit(40)
                    .collect(
                        StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + "' is empty, too long or has control characters");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException(source + ": class name '" + name + "' appears twice");
      }
    }
    return List.copyOf(names);
  }
}
