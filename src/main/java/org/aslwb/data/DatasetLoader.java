package org.aslwb.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Decodes and resizes every image of a data set once, in parallel, and keeps the result in a {@link
 * TensorCache} so that the next load of the same files at the same size is a file read.
 *
 * <p>A data set whose 8-bit tensors fit the {@link MemoryBudget}'s share for tensors is held on the
 * heap; a larger one is streamed: decoded images go straight to the cache file and the samples read
 * them from its memory-mapped pixels, so the heap never holds the set. With the cache disabled, a
 * temporary file (deleted once mapped) takes its place.
 */
public final class DatasetLoader {
  private final ImageDecoder decoder;
  private final TensorCache cache;
  private final int threads;
  private final MemoryBudget budget;

  /**
   * A loader with the default decoder, the user's cache folder, one thread per core and the
   * configured memory budget.
   */
  public DatasetLoader() {
    this(
        new ImageDecoder(),
        TensorCache.userDefault(),
        Runtime.getRuntime().availableProcessors(),
        MemoryBudget.configured());
  }

  /** A loader with explicit parts (tests pass a temporary cache) and the configured budget. */
  public DatasetLoader(ImageDecoder decoder, TensorCache cache, int threads) {
    this(decoder, cache, threads, MemoryBudget.configured());
  }

  /** A loader with explicit parts, the memory budget included. */
  public DatasetLoader(ImageDecoder decoder, TensorCache cache, int threads, MemoryBudget budget) {
    this.decoder = decoder;
    this.cache = cache;
    this.threads = Math.max(1, threads);
    this.budget = budget;
  }

  /** Bytes of 8-bit tensors a data set of {@code images} at this geometry takes. */
  static long tensorBytes(int images, int width, int height, int channels) {
    return (long) images * width * height * channels;
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
    int total = index.files().size();
    boolean stream = tensorBytes(total, width, height, channels) > budget.tensorBytes();
    TensorCache.Lookup cached = cache.read(index, geometry);
    Pixels pixels;
    if (cached.tensors() != null) {
      progress.progress(total, total, "loaded from cache");
      pixels = stream ? Pixels.mapped(cached.tensors()) : Pixels.heap(cached.tensors());
    } else {
      if (cached.damage() != null) {
        progress.progress(0, total, cached.damage() + ": rebuilding it");
      }
      pixels =
          stream
              ? decodeToFile(index, geometry, progress, cancellation)
              : decodeToHeap(index, geometry, progress, cancellation);
    }
    if (stream) {
      progress.progress(
          total,
          total,
          String.format(
              Locale.ROOT,
              "streaming %d MB of tensors from the disk cache (more than the %d MB the memory"
                  + " budget gives tensors on the heap)",
              tensorBytes(total, width, height, channels) >> 20,
              budget.tensorBytes() >> 20));
    }
    List<Sample> samples = new ArrayList<>();
    List<UnreadableFile> unreadable = new ArrayList<>(index.problems());
    for (int i = 0; i < total; i++) {
      LabeledFile f = index.files().get(i);
      if (pixels.reasons()[i] != null) {
        unreadable.add(new UnreadableFile(f.file(), pixels.reasons()[i]));
      } else if (pixels.heap() != null) {
        samples.add(new Sample(f.file(), f.label(), pixels.heap()[i]));
      } else {
        samples.add(Sample.mapped(f.file(), f.label(), pixels.mapped(), i));
      }
    }
    return new LoadedDataset(
        index, width, height, channels, List.copyOf(samples), List.copyOf(unreadable));
  }

  /**
   * Decoded entries: pixels on the heap or mapped, and one reason per unreadable entry (null for
   * usable ones).
   */
  private record Pixels(byte[][] heap, MappedPixels mapped, String[] reasons) {
    static Pixels heap(CachedTensors tensors) throws IOException {
      return new Pixels(tensors.readAll().toArray(new byte[0][]), null, reasons(tensors));
    }

    static Pixels mapped(CachedTensors tensors) throws IOException {
      return new Pixels(null, tensors.map(), reasons(tensors));
    }

    private static String[] reasons(CachedTensors tensors) {
      String[] reasons = new String[tensors.count()];
      Arrays.setAll(reasons, tensors::reason);
      return reasons;
    }
  }

  /**
   * Decodes onto the heap, then writes the cache file (a failure to write only costs the cache).
   */
  private Pixels decodeToHeap(
      DatasetIndex index,
      Preprocessing geometry,
      ProgressListener progress,
      Cancellation cancellation)
      throws IOException {
    int total = index.files().size();
    byte[][] heap = new byte[total][];
    String[] reasons = new String[total];
    decodeAll(
        index,
        geometry,
        progress,
        cancellation,
        (i, entry) -> {
          heap[i] = entry.pixels();
          reasons[i] = entry.reason();
        });
    try (TensorCacheWriter writer = cache.writer(index, geometry)) {
      if (writer != null) {
        for (int i = 0; i < total; i++) {
          writer.put(i, new TensorCache.Entry(heap[i], reasons[i]));
        }
        writer.commit();
      }
    } catch (IOException | RuntimeException e) {
      // caching is an optimisation here: the data set is on the heap
    }
    return new Pixels(heap, null, reasons);
  }

  /**
   * Decodes straight into a tensor file and maps it: the cache's, or a temporary one (deleted once
   * mapped) when caching is off. Here the file is needed, so a failure to write it is an error.
   */
  private Pixels decodeToFile(
      DatasetIndex index,
      Preprocessing geometry,
      ProgressListener progress,
      Cancellation cancellation)
      throws IOException {
    Path spill = cache.enabled() ? null : Files.createTempDirectory("aslwb-tensors");
    TensorCache target = spill == null ? cache : new TensorCache(spill);
    try (TensorCacheWriter writer = target.writer(index, geometry)) {
      decodeAll(index, geometry, progress, cancellation, writer::put);
      return Pixels.mapped(writer.commit());
    } catch (IOException e) {
      throw new IOException(
          "cannot write the tensor file that streams "
              + index.root()
              + " (larger than the memory budget gives tensors on the heap; set "
              + MemoryBudget.ENV
              + " or free disk space in the cache folder): "
              + e.getMessage(),
          e);
    } finally {
      if (spill != null) {
        // the mapping outlives the file: nothing is left behind
        try (Stream<Path> files = Files.list(spill)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(spill);
      }
    }
  }

  /** Where decoded entries go, in index order. */
  private interface EntrySink {
    void put(int index, TensorCache.Entry entry) throws IOException;
  }

  private void decodeAll(
      DatasetIndex index,
      Preprocessing geometry,
      ProgressListener progress,
      Cancellation cancellation,
      EntrySink sink)
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
      for (int i = 0; i < total; i++) {
        sink.put(i, futures.get(i).get());
        futures.set(i, null); // a consumed image must not stay reachable
      }
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
      PackedRgb rgb = decoder.decodeAtLeast(file, geometry.width(), geometry.height());
      return new TensorCache.Entry(geometry.toLevels(rgb), null);
    } catch (UnreadableImageException e) {
      return new TensorCache.Entry(null, e.reason());
    } catch (RuntimeException | OutOfMemoryError e) {
      // a codec bug on one file must not end the whole load
      return new TensorCache.Entry(null, "cannot decode (" + e + ")");
    }
  }

  private static float[] ones(int n) {
    float[] a = new float[n];
    Arrays.fill(a, 1f);
    return a;
  }
}
