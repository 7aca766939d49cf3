package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The resize walks memory in whatever order is fastest, but every output value must be the
 * per-pixel definition's float to the bit: the tensor cache, the GUI and the CLI must agree on
 * every pixel of every photo.
 */
class ResamplerExactnessTest {
  @ParameterizedTest
  @CsvSource({"100,100,64,64", "200,150,64,48", "97,61,64,64", "13,9,40,31", "64,64,17,80"})
  void everyOutputIsThePerPixelSumOfItsTapsToTheBit(int sw, int sh, int dw, int dh) {
    PixelImage source = randomImage(sw, sh, 3, new Random(sw * 131 + dh));
    PixelImage fast = Resampler.resize(source, dw, dh);
    assertArrayEquals(perPixel(source, dw, dh).data(), fast.data());
  }

  @ParameterizedTest
  @CsvSource({"20,16,7,5", "1,1,5,3", "7,1,1,1", "5,4,1,1", "6,6,13,2"})
  void signedValuesZerosOfBothSignsAndNansComeOutAsThePerPixelSumsGiveThem(
      int sw, int sh, int dw, int dh) {
    // LIME resizes signed contributions; -0 must stay what a sum from zero makes of it
    Random random = new Random(sw * 7L + dh);
    float[] special = {-0f, 0f, Float.NaN, -1f, 1e-40f, -1e-40f};
    float[] d = new float[3 * sw * sh];
    for (int i = 0; i < d.length; i++) {
      d[i] =
          random.nextInt(4) == 0
              ? special[random.nextInt(special.length)]
              : random.nextFloat() - 0.5f;
    }
    PixelImage source = new PixelImage(sw, sh, 3, d);
    assertArrayEquals(perPixel(source, dw, dh).data(), Resampler.resize(source, dw, dh).data());
    float[] negativeZeros = new float[3 * sw * sh];
    java.util.Arrays.fill(negativeZeros, -0f);
    PixelImage zeros = new PixelImage(sw, sh, 3, negativeZeros);
    assertArrayEquals(perPixel(zeros, dw, dh).data(), Resampler.resize(zeros, dw, dh).data());
  }

  @ParameterizedTest
  @CsvSource({"100,100,64,64", "200,150,64,48", "37,50,64,64"})
  void theLevelsPathIsTheQuantisedFloatImageToTheByte(int sw, int sh, int dw, int dh) {
    int[] rgb = randomRgb(sw * sh, new Random(sw + 7L * dh));
    for (int channels : new int[] {3, 1}) {
      byte[] expected =
          Sample.quantise(perPixel(PixelImage.fromArgb(rgb, sw, sh, 3), dw, dh, channels == 1));
      assertArrayEquals(expected, Resampler.resizeToLevels(rgb, sw, sh, dw, dh, channels));
    }
  }

  @Test
  void levelsRoundHalvesUpAndClampLikeMathRound() {
    Random random = new Random(5);
    List<Float> values = new ArrayList<>(List.of(-1f, -0f, 0f, 1f, 2f, Float.NaN, 1e30f, -1e30f));
    for (int b = 0; b < 256; b++) {
      float half = (b + 0.5f) / 255f;
      values.addAll(List.of(half, Math.nextUp(half), Math.nextDown(half), b / 255f));
    }
    for (int i = 0; i < 100_000; i++) {
      values.add(random.nextFloat() * 1.2f - 0.1f);
    }
    for (float v : values) {
      assertEquals(Math.max(0, Math.min(255, Math.round(v * 255f))), Levels.of(v), "at " + v);
    }
  }

  @Test
  void threadsResizingDifferentSizesAtOnceEachGetTheirOwnAnswer() throws Exception {
    int[][] sizes = {{100, 100, 64, 64}, {80, 120, 32, 32}, {50, 50, 100, 75}, {200, 150, 64, 48}};
    List<Callable<Boolean>> jobs = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int[] s = sizes[t % sizes.length];
      PixelImage source = randomImage(s[0], s[1], 3, new Random(t));
      float[] expected = perPixel(source, s[2], s[3]).data();
      jobs.add(
          () -> {
            for (int i = 0; i < 200; i++) {
              int[] other = sizes[(i + 1) % sizes.length]; // switch sizes between calls
              Resampler.resize(randomImage(other[0], other[1], 1, new Random(i)), 9, 7);
              if (!java.util.Arrays.equals(expected, Resampler.resize(source, s[2], s[3]).data())) {
                return false;
              }
            }
            return true;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<Boolean> result : pool.invokeAll(jobs)) {
        assertEquals(true, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static PixelImage perPixel(PixelImage source, int dw, int dh) {
    return perPixel(source, dw, dh, false);
  }

  /** The definition: per output pixel, horizontal taps summed from zero, then vertical ones. */
  private static PixelImage perPixel(PixelImage source, int dw, int dh, boolean gray) {
    int sw = source.width();
    int sh = source.height();
    // the weights are the resize's own (ResamplerAreaTest checks them); the order of the sums is
    // what this test is about
    SeparableResize.Taps xs = SeparableResize.Taps.of(sw, dw);
    SeparableResize.Taps ys = SeparableResize.Taps.of(sh, dh);
    int[] x0 = xs.start();
    float[][] wx = xs.weights();
    int[] y0 = ys.start();
    float[][] wy = ys.weights();
    float[] out = new float[source.channels() * dw * dh];
    for (int c = 0; c < source.channels(); c++) {
      float[] rows = new float[sh * dw];
      for (int y = 0; y < sh; y++) {
        for (int x = 0; x < dw; x++) {
          float sum = 0;
          for (int k = 0; k < wx[x].length; k++) {
            sum += wx[x][k] * source.get(c, y, x0[x] + k);
          }
          rows[y * dw + x] = sum;
        }
      }
      for (int y = 0; y < dh; y++) {
        for (int x = 0; x < dw; x++) {
          float sum = 0;
          for (int k = 0; k < wy[y].length; k++) {
            sum += wy[y][k] * rows[(y0[y] + k) * dw + x];
          }
          out[(c * dh + y) * dw + x] = sum;
        }
      }
    }
    if (!gray) {
      return new PixelImage(dw, dh, source.channels(), out);
    }
    int plane = dw * dh;
    float[] g = new float[plane];
    for (int i = 0; i < plane; i++) {
      g[i] = 0.299f * out[i] + 0.587f * out[plane + i] + 0.114f * out[2 * plane + i];
    }
    return new PixelImage(dw, dh, 1, g);
  }

  private static PixelImage randomImage(int w, int h, int channels, Random random) {
    float[] d = new float[w * h * channels];
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextFloat();
    }
    return new PixelImage(w, h, channels, d);
  }

  private static int[] randomRgb(int n, Random random) {
    int[] rgb = new int[n];
    for (int i = 0; i < n; i++) {
      rgb[i] = random.nextInt(1 << 24);
    }
    return rgb;
  }
}
