package org.aslwb.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A data set decoded and resized to one input geometry, ready for training and evaluation.
 *
 * @param index the scanned folder it came from
 * @param width image width
 * @param height image height
 * @param channels image channels
 * @param samples the usable images, in index order
 * @param unreadable files that could not be used, with reasons
 */
public record LoadedDataset(
    DatasetIndex index,
    int width,
    int height,
    int channels,
    List<Sample> samples,
    List<UnreadableFile> unreadable) {

  /** Class names in label order. */
  public List<String> classNames() {
    return index.classNames();
  }

  /** The i-th sample as a [0,1] image. */
  public PixelImage image(int i) {
    return samples.get(i).toImage(width, height, channels);
  }

  /** The label of the i-th sample. */
  public int label(int i) {
    return samples.get(i).label();
  }

  /** All labels in sample order. */
  public int[] labels() {
    return samples.stream().mapToInt(Sample::label).toArray();
  }

  /** Number of usable samples. */
  public int size() {
    return samples.size();
  }

  /**
   * Classes of the index with no usable image: every file of theirs was unreadable. A classifier
   * cannot learn them, and a model that lists them has outputs no image ever trained.
   */
  public List<String> emptyClasses() {
    int[] counts = new int[classNames().size()];
    for (Sample s : samples) {
      counts[s.label()]++;
    }
    List<String> empty = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] == 0) {
        empty.add(classNames().get(c));
      }
    }
    return empty;
  }

  /**
   * The same data without its {@link #emptyClasses()}: the remaining classes keep their order and
   * are numbered anew, so the class list and the labels (and a model trained on them) agree.
   */
  public LoadedDataset withoutEmptyClasses() {
    List<String> empty = emptyClasses();
    if (empty.isEmpty()) {
      return this;
    }
    int[] newLabel = new int[classNames().size()];
    List<String> kept = new ArrayList<>();
    for (int c = 0; c < newLabel.length; c++) {
      String name = classNames().get(c);
      newLabel[c] = empty.contains(name) ? -1 : kept.size();
      if (newLabel[c] >= 0) {
        kept.add(name);
      }
    }
    List<LabeledFile> files = new ArrayList<>();
    List<UnreadableFile> problems = new ArrayList<>(index.problems());
    for (LabeledFile f : index.files()) {
      if (newLabel[f.label()] >= 0) {
        files.add(new LabeledFile(f.file(), newLabel[f.label()]));
      }
    }
    DatasetIndex keptIndex =
        new DatasetIndex(
            index.root(), index.layout(), List.copyOf(kept), List.copyOf(files), problems);
    List<Sample> relabelled = samples.stream().map(s -> s.withLabel(newLabel[s.label()])).toList();
    return new LoadedDataset(keptIndex, width, height, channels, relabelled, unreadable);
  }
}
