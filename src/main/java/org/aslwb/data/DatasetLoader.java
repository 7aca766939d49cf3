package org.aslwb.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Decodes and resizes every image of a data set once, in parallel, and keeps the result in a {@link
 * TensorCache} so that the next load of the same files at the same size is a file read.
 */
public final class DatasetLoader {
  private final ImageDecoder decoder;
  private final TensorCache cache;
  private final int threads;

  /** A loader with the default decoder, the user's cache folder and one thread per core. */
  public DatasetLoader() {
    this(new ImageDecoder(), TensorCache.userDefault(), Runtime.getRuntime().availableProcessors());
  }

  /** A loader with explicit parts (tests pass a temporary cache). */
  public DatasetLoader(ImageDecoder decoder, TensorCache cache, int threads) {
    this.decoder = decoder;
    this.cache = cache;
    this.threads = Math.max(1, threads);
  }

  /** Scans and loads {@code root} at the given geometry. */
  public LoadedDataset load(Path root, int width, int height, int channels) throws IOException {
    return load(
        DatasetScanner.scan(root),
        width,
        height,
        channels,
        ProgressListener.NONE,
        Cancellation.none());
  }

  /** Scans {@code root} and loads it at a model's input geometry. */
  public LoadedDataset load(
      Path root, Preprocessing geometry, ProgressListener progress, Cancellation cancellation)
      throws IOException {
    return load(
        DatasetScanner.scan(root),
        geometry.width(),
        geometry.height(),
        geometry.channels(),
        progress,
        cancellation);
  }

  /**
   * {@code data} itself when its images are {@code width x height} already, else the same files (no
   * rescan of the folder) loaded at that size: a data set opened for one model, used by another.
   */
  public LoadedDataset atSize(
      LoadedDataset data,
      int width,
      int height,
      ProgressListener progress,
      Cancellation cancellation)
      throws IOException {
    return data.width() == width && data.height() == height
        ? data
        : load(data.index(), width, height, data.channels(), progress, cancellation);
  }

  /**
   * Loads the files of {@code index}, reporting progress per image; unreadable files are listed in
   * the result, never thrown.
   */
  public LoadedDataset load(
      DatasetIndex index,
      int width,
      int height,
      int channels,
      ProgressListener progress,
      Cancellation cancellation)
      throws IOException {
    Preprocessing geometry =
        new Preprocessing(width, height, channels, new float[channels], ones(channels));
    TensorCache.Lookup cached = cache.read(index, geometry);
    List<TensorCache.Entry> entries = cached.entries();
    if (entries == null) {
      if (cached.damage() != null) {
        progress.progress(0, index.files().size(), cached.damage() + ": rebuilding it");
      }
      entries = decodeAll(index, geometry, progress, cancellation);
      cache.write(index, geometry, entries);
    } else {
      progress.progress(index.files().size(), index.files().size(), "loaded from cache");
    }
    List<Sample> samples = new ArrayList<>();
    List<UnreadableFile> unreadable = new ArrayList<>(index.problems());
    for (int i = 0; i < entries.size(); i++) {
      TensorCache.Entry e = entries.get(i);
      LabeledFile f = index.files().get(i);
      if (e.pixels() != null) {
        samples.add(new Sample(f.file(), f.label(), e.pixels()));
      } else {
        unreadable.add(new UnreadableFile(f.file(), e.reason()));
      }
    }
    return new LoadedDataset(
        index, width, height, channels, List.copyOf(samples), List.copyOf(unreadable));
  }

  private List<TensorCache.Entry> decodeAll(
      DatasetIndex index,
      Preprocessing geometry,
      ProgressListener progress,
      Cancellation cancellation)
      throws IOException {
    List<LabeledFile> files = index.files();
    int total = files.size();
    AtomicLong done = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("decode"));
    try {
      List<Future<TensorCache.Entry>> futures = new ArrayList<>(total);
      for (LabeledFile f : files) {
        futures.add(
            pool.submit(
                () -> {
                  cancellation.check();
                  TensorCache.Entry entry = decodeOne(f.file(), geometry);
                  long n = done.incrementAndGet();
                  if (n % 64 == 0 || n == total) {
                    progress.progress(n, total, "decoding images");
                  }
                  return entry;
                }));
      }
      List<TensorCache.Entry> entries = new ArrayList<>(total);
      for (Future<TensorCache.Entry> future : futures) {
        entries.add(future.get());
      }
      return entries;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while loading " + index.root(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private TensorCache.Entry decodeOne(Path file, Preprocessing geometry) {
    try {
      BufferedImage rgb = decoder.decodeAtLeast(file, geometry.width(), geometry.height());
      return new TensorCache.Entry(Sample.quantise(geometry.toPixels(rgb)), null);
    } catch (UnreadableImageException e) {
      return new TensorCache.Entry(null, e.reason());
    } catch (RuntimeException | OutOfMemoryError e) {
      // a codec bug on one file must not end the whole load
      return new TensorCache.Entry(null, "cannot decode (" + e + ")");
    }
  }

  private static float[] ones(int n) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, 1f);
    return a;
  }
}
