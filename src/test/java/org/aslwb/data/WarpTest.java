package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.aslwb.data.ImageOps.Affine;
import org.junit.jupiter.api.Test;

/**
 * The bilinear warp: maps composed with {@link Affine#after} and sampled once give what sampling
 * step by step gives, a frame fills what it leaves uncovered, a mirror is exact.
 */
class WarpTest {
  private static final int W = 40;
  private static final int H = 30;

  // a picture that is linear in x and y on every channel: bilinear sampling reproduces it exactly
  // (up to float rounding), so one resampling and several agree wherever no edge is clamped
  private static PixelImage ramp() {
    float[] d = new float[3 * W * H];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          d[(c * H + y) * W + x] = 0.2f + 0.01f * x + 0.005f * y + 0.05f * c;
        }
      }
    }
    return new PixelImage(W, H, 3, d);
  }

  @Test
  void composedMapsSampledOnceEqualTheStepsOneByOne() {
    Affine rotate = rotation(8, 0.9, 1.5, -2);
    Affine shrink = Affine.scaleAndShift(W, H, 0.8, 1.2, -0.7);
    PixelImage stepwise = ImageOps.warp(ImageOps.warp(ramp(), rotate), shrink);
    PixelImage once = ImageOps.warp(ramp(), rotate.after(shrink));
    // compare inside a margin, where neither step reached past the picture's edge
    for (int c = 0; c < 3; c++) {
      for (int y = 8; y < H - 8; y++) {
        for (int x = 8; x < W - 8; x++) {
          assertEquals(stepwise.get(c, y, x), once.get(c, y, x), 1e-5, "at " + x + "," + y);
        }
      }
    }
  }

  @Test
  void aFrameFillsWhatTheZoomedOutPictureLeavesUncovered() {
    Affine shrink = Affine.scaleAndShift(W, H, 0.5, 0, 0);
    float[] fill = {0.1f, 0.2f, 0.3f};
    PixelImage out = ImageOps.warp(ramp(), shrink, shrink, fill);
    // the corners lie outside the half-size picture in the middle; the centre inside
    for (int c = 0; c < 3; c++) {
      assertEquals(fill[c], out.get(c, 0, 0));
      assertEquals(fill[c], out.get(c, H - 1, W - 1));
      assertEquals(ramp().get(c, H / 2, W / 2), out.get(c, H / 2, W / 2), 0.02);
    }
    // a picture that stays where it is keeps every pixel
    PixelImage same = ImageOps.warp(ramp(), Affine.IDENTITY, Affine.IDENTITY, fill);
    assertArrayEquals(ramp().data(), same.data(), 0f);
  }

  @Test
  void theFrameEndsHalfAPixelOutsideThePicture() {
    float[] fill = {0.1f, 0.2f, 0.3f};
    // moved right by 2.6 pixels: column 2 samples at -0.6 (filled), column 3 at 0.4 (the picture)
    Affine moved = Affine.scaleAndShift(W, H, 1, 2.6, 0);
    PixelImage out = ImageOps.warp(ramp(), moved, moved, fill);
    for (int c = 0; c < 3; c++) {
      assertEquals(fill[c], out.get(c, 10, 2));
      assertEquals(ramp().get(c, 10, 0) + 0.4f * 0.01f, out.get(c, 10, 3), 1e-6);
    }
  }

  @Test
  void theMirrorSwapsLeftAndRightExactly() {
    float[] d = new float[3 * W * H];
    Random random = new Random(2);
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextFloat();
    }
    PixelImage image = new PixelImage(W, H, 3, d);
    PixelImage mirrored = ImageOps.warp(image, Affine.mirror(W));
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          assertEquals(image.get(c, y, W - 1 - x), mirrored.get(c, y, x));
        }
      }
    }
  }

  @Test
  void selectionFindsWhatSortingPutsAtEachIndex() {
    Random random = new Random(6);
    for (int n : new int[] {1, 2, 3, 10, 57, 232}) {
      float[] values = new float[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(7) / 7f; // many ties
      }
      float[] sorted = values.clone();
      Arrays.sort(sorted);
      for (int k = 0; k < n; k++) {
        assertEquals(sorted[k], ImageOps.select(values.clone(), n, k), "n=" + n + " k=" + k);
      }
    }
  }

  private static Affine rotation(double degrees, double scale, double tx, double ty) {
    double a = Math.toRadians(degrees);
    double cx = (W - 1) / 2.0;
    double cy = (H - 1) / 2.0;
    double cos = Math.cos(a) * scale;
    double sin = Math.sin(a) * scale;
    return new Affine(
        cos, sin, cx - cos * cx - sin * cy + tx, -sin, cos, cy + sin * cx - cos * cy + ty);
  }
}
