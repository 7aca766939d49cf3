package org.aslwb.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds a class a person named: the exact name, else the one name equal to it ignoring case ("a"
 * for "A", "SPACE" for "space"). An unknown or ambiguous name is refused with the list of classes,
 * so the next try can be right.
 */
public final class ClassNames {
  private ClassNames() {}

  /**
   * The index of {@code given} in {@code classNames}.
   *
   * @param setting what the name was given as ("targeted"), for the message
   * @throws IllegalArgumentException when no class, or more than one ignoring case, matches
   */
  public static int resolve(String setting, String given, List<String> classNames) {
    int exact = classNames.indexOf(given);
    if (exact >= 0) {
      return exact;
    }
    String wanted = given.trim().toLowerCase(Locale.ROOT);
    List<Integer> matches = new ArrayList<>();
    for (int i = 0; i < classNames.size(); i++) {
      if (classNames.get(i).toLowerCase(Locale.ROOT).equals(wanted)) {
        matches.add(i);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String problem =
        matches.isEmpty()
            ? "is not a class of the model"
            : "matches "
                + matches.stream().map(classNames::get).toList()
                + " ignoring case; give the exact name";
    throw new IllegalArgumentException(
        setting
            + " '"
            + given
            + "' "
            + problem
            + "; the classes are: "
            + String.join(", ", classNames));
  }
}
