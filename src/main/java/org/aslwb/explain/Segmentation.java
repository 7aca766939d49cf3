package org.aslwb.explain;

/**
 * A superpixel label map.
 *
 * @param width image width
 * @param height image height
 * @param labels one label per pixel, row-major, 0..count-1
 * @param count number of superpixels
 */
public record Segmentation(int width, int height, int[] labels, int count) {
  /** The superpixel at column x, row y. */
  public int at(int x, int y) {
    return labels[y * width + x];
  }

  /** Pixels per superpixel. */
  public int[] sizes() {
    int[] sizes = new int[count];
    for (int l : labels) {
      sizes[l]++;
    }
    return sizes;
  }

  /**
   * Whether the pixel lies on a boundary between superpixels (right or lower neighbour differs).
   */
  public boolean isBoundary(int x, int y) {
    int l = at(x, y);
    return (x + 1 < width && at(x + 1, y) != l) || (y + 1 < height && at(x, y + 1) != l);
  }
}
