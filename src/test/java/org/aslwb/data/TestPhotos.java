package org.aslwb.data;

/** A small photo-like image for the image-operation tests: a lit wall with a skin-coloured hand. */
final class TestPhotos {
  private TestPhotos() {}

  /** 48x48 RGB: a vertical light gradient on a grey-blue wall and a textured disc in the middle. */
  static PixelImage hand() {
    int w = 48;
    int h = 48;
    int plane = w * h;
    float[] d = new float[3 * plane];
    float[] wall = {0.72f, 0.74f, 0.80f};
    float[] skin = {0.80f, 0.55f, 0.45f};
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double r = Math.hypot(x - 24, y - 26);
        boolean inHand = r < 12 || (Math.abs(x - 20) < 3 && y > 6 && y < 26);
        float light = 0.85f + 0.15f * y / h;
        float grain = ((x * 7 + y * 13) % 5) / 50f;
        for (int c = 0; c < 3; c++) {
          float v = (inHand ? skin[c] - grain : wall[c]) * light;
          d[c * plane + y * w + x] = Math.min(1, v);
        }
      }
    }
    return new PixelImage(w, h, 3, d);
  }
}
