package org.aslwb.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What a data set folder holds, before any pixel is decoded.
 *
 * @param root the folder
 * @param layout how classes are encoded in it
 * @param classNames class names in label order (sorted, as Keras' {@code flow_from_directory})
 * @param files image files with their labels, in class order and natural name order within a class
 * @param problems folders or files that were skipped, with reasons (empty class folders, ...)
 */
public record DatasetIndex(
    Path root,
    Layout layout,
    List<String> classNames,
    List<LabeledFile> files,
    List<UnreadableFile> problems) {

  /** How a folder encodes classes. */
  public enum Layout {
    /** One sub-folder per class (the Kaggle training layout). */
    FOLDER_PER_CLASS,
    /** Flat files named {@code CLASS_test.jpg} (the Kaggle test layout). */
    FLAT_TEST
  }

  /** Number of files of each class, in label order. */
  public int[] countsPerClass() {
    int[] counts = new int[classNames.size()];
    for (LabeledFile f : files) {
      counts[f.label()]++;
    }
    return counts;
  }

  /** The labels of all files, in file order. */
  public int[] labels() {
    return files.stream().mapToInt(LabeledFile::label).toArray();
  }
}
