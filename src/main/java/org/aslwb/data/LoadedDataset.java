package org.aslwb.data;

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
}
