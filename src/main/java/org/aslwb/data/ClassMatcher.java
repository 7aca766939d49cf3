package org.aslwb.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches a data set's class folders to a model's classes by name, ignoring case ({@code a} is
 * class {@code A}). Photos collected elsewhere often come with other folders too (digits, other
 * gestures): those are left out and listed, not refused, so the letters can still be scored.
 */
public final class ClassMatcher {
  private ClassMatcher() {}

  /**
   * The part of a data set whose classes the model knows.
   *
   * @param index the matched classes, named as the model names them, with their files
   * @param skipped one line per folder left out, with the reason
   */
  public record Selection(DatasetIndex index, List<String> skipped) {
    /** Whether nothing was left out or renamed. */
    public boolean unchanged(DatasetIndex original) {
      return skipped.isEmpty() && index.classNames().equals(original.classNames());
    }
  }

  /**
   * Selects the classes of {@code index} that are model classes.
   *
   * @throws IllegalArgumentException when none is, naming the folder and the model's classes
   */
  public static Selection select(DatasetIndex index, List<String> modelClasses) {
    Map<String, String> byLowerCase = new TreeMap<>();
    for (String c : modelClasses) {
      byLowerCase.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
    }
    List<String> names = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int[] newLabel = new int[index.classNames().size()];
    for (int label = 0; label < newLabel.length; label++) {
      String folder = index.classNames().get(label);
      String modelName =
          modelClasses.contains(folder) ? folder : byLowerCase.get(folder.toLowerCase(Locale.ROOT));
      if (modelName == null) {
        skipped.add(folder + ": not a model class, skipped");
        newLabel[label] = -1;
      } else if (names.contains(modelName)) {
        skipped.add(folder + ": a second folder for class " + modelName + ", skipped");
        newLabel[label] = -1;
      } else {
        newLabel[label] = names.size();
        names.add(modelName);
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          index.root()
              + ": none of its classes "
              + index.classNames()
              + " is a model class (model classes: "
              + String.join(", ", modelClasses)
              + ")");
    }
    List<LabeledFile> files = new ArrayList<>();
    for (LabeledFile f : index.files()) {
      if (newLabel[f.label()] >= 0) {
        files.add(new LabeledFile(f.file(), newLabel[f.label()]));
      }
    }
    return new Selection(
        new DatasetIndex(index.root(), index.layout(), List.copyOf(names), files, index.problems()),
        List.copyOf(skipped));
  }
}
