package org.aslwb.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.aslwb.data.Corruption;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.Sample;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Accuracy under natural corruptions ({@link Corruption}, three severities each) next to the clean
 * accuracy: natural robustness beside the adversarial curve. Each corrupted image is quantised to 8
 * bits, as a photo would be, and its random draws come from a source seeded by the suite's seed,
 * the corruption, the severity and the sample, so a result is the same for a seed whatever the
 * order, thread count or subset of the work.
 */
public final class ShiftSuite {
  private final Evaluator evaluator = new Evaluator();

  /**
   * Runs every corruption at every severity over {@code indices} of {@code data}.
   *
   * @param seed the seed of every random draw of the corruptions
   * @param split the name of the split scored, for the report
   */
  public ShiftReport run(
      Classifier classifier,
      LoadedDataset data,
      int[] indices,
      String split,
      long seed,
      ProgressListener progress,
      Cancellation cancellation) {
    long started = System.nanoTime();
    Corruption[] corruptions = Corruption.values();
    int steps = 1 + corruptions.length * Corruption.SEVERITIES;
    LoadedDataset subset = subset(data, indices);
    int[] all = Evaluator.allIndices(subset);
    double clean =
        evaluator
            .evaluate(classifier, subset, all, split, ProgressListener.NONE, cancellation)
            .accuracy();
    progress.progress(1, steps, "shift suite: clean");
    List<ShiftReport.Score> scores = new ArrayList<>();
    int step = 1;
    for (Corruption corruption : corruptions) {
      for (int severity = 1; severity <= Corruption.SEVERITIES; severity++) {
        cancellation.check();
        LoadedDataset corrupted = corrupted(subset, corruption, severity, seed);
        double accuracy =
            evaluator
                .evaluate(classifier, corrupted, all, split, ProgressListener.NONE, cancellation)
                .accuracy();
        scores.add(
            new ShiftReport.Score(
                corruption.label(), severity, corruption.describe(severity), accuracy));
        progress.progress(++step, steps, "shift suite: " + corruption.label() + " " + severity);
      }
    }
    return new ShiftReport(
        split, indices.length, seed, clean, scores, (System.nanoTime() - started) / 1e9);
  }

  /**
   * The samples of {@code data} corrupted at {@code severity}; sample {@code i}'s draws come from a
   * source seeded by {@code seed}, the corruption, the severity and the sample's class and file
   * name.
   */
  public static LoadedDataset corrupted(
      LoadedDataset data, Corruption corruption, int severity, long seed) {
    List<Sample> samples =
        IntStream.range(0, data.size())
            .parallel()
            .mapToObj(
                i -> {
                  Sample s = data.samples().get(i);
                  var image =
                      corruption.apply(
                          data.image(i), severity, randomFor(seed, corruption, severity, s));
                  return new Sample(s.file(), s.label(), Sample.quantise(image));
                })
            .toList();
    return new LoadedDataset(
        data.index(), data.width(), data.height(), data.channels(), samples, data.unreadable());
  }

  /** The random source of one corrupted sample: independent of every other sample's. */
  static Random randomFor(long seed, Corruption corruption, int severity, Sample sample) {
    long h = seed;
    h = mix(h ^ corruption.ordinal());
    h = mix(h ^ severity);
    h = mix(h ^ sample.label());
    h = mix(h ^ sample.file().getFileName().toString().hashCode());
    return new Random(h);
  }

  private static LoadedDataset subset(LoadedDataset data, int[] indices) {
    List<Sample> samples = IntStream.of(indices).mapToObj(data.samples()::get).toList();
    return new LoadedDataset(
        data.index(), data.width(), data.height(), data.channels(), samples, data.unreadable());
  }

  // SplitMix64's finaliser: nearby inputs give unrelated seeds
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
