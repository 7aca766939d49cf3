package org.aslwb.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a data set's classes map onto a model's outputs, by name. A data set whose classes are a
 * subset of the model's (say the 26 letters photographed elsewhere) is accepted and scored over
 * those classes; a data set with a class the model does not know is refused, never mis-scored.
 */
public final class ClassMapping {
  private final int[] modelIndexOfDataLabel;

  private ClassMapping(int[] modelIndexOfDataLabel) {
    this.modelIndexOfDataLabel = modelIndexOfDataLabel;
  }

  /**
   * Maps {@code dataClasses} onto {@code modelClasses}.
   *
   * @throws IllegalArgumentException listing the unknown classes
   */
  public static ClassMapping of(List<String> modelClasses, List<String> dataClasses) {
    int[] map = new int[dataClasses.size()];
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < dataClasses.size(); i++) {
      map[i] = modelClasses.indexOf(dataClasses.get(i));
      if (map[i] < 0) {
        unknown.add(dataClasses.get(i));
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "the model does not know the data set's classes "
              + unknown
              + " (model classes: "
              + String.join(", ", modelClasses)
              + ")");
    }
    return new ClassMapping(map);
  }

  /** The model output index of data label {@code label}. */
  public int modelIndex(int label) {
    return modelIndexOfDataLabel[label];
  }

  /** Model indices of all data labels. */
  public int[] modelIndices(int[] labels) {
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = modelIndexOfDataLabel[labels[i]];
    }
    return out;
  }
}
