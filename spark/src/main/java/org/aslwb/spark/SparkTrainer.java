package org.aslwb.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.aslwb.data.LoadedDataset;
import org.aslwb.model.EpochMetrics;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.training.TrainingConfig;
import org.aslwb.training.TrainingStart;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains a workbench model data-parallel on Spark with DL4J's parameter averaging: the driver
 * splits the data and builds the fresh model exactly as the desktop trainer does ({@link
 * TrainingStart}), hands each epoch's batches to the executors a part at a time (so the driver
 * never holds an epoch of float batches), the executors train copies of the network and the driver
 * averages their parameters. The result is the desktop's model file: history, temperature and all.
 */
public final class SparkTrainer {
  /**
   * Where and how Spark trains.
   *
   * @param master the Spark master: {@code local[2]}, {@code spark://host:7077}, {@code yarn}
   * @param workers partitions per part of an epoch (one per executor core is usual)
   * @param averagingFrequency batches each worker trains between two parameter averagings
   * @param batchesPerPart batches handed to Spark in one go
   */
  public record Settings(String master, int workers, int averagingFrequency, int batchesPerPart) {
    /** Checks the settings. */
    public Settings {
      if (master == null || master.isBlank()) {
        throw new IllegalArgumentException("--master: a Spark master is needed, e.g. local[2]");
      }
      if (workers < 1 || averagingFrequency < 1 || batchesPerPart < 1) {
        throw new IllegalArgumentException(
            "--workers, --averaging-frequency and --batches-per-part are at least 1");
      }
    }
  }

  private SparkTrainer() {}

  /**
   * Trains {@code config.epochs()} epochs on {@code data} and writes the model file {@code out}.
   *
   * @return the history, one entry per epoch
   */
  public static List<EpochMetrics> train(
      LoadedDataset data, TrainingConfig config, Settings settings, Path out, Consumer<String> log)
      throws IOException {
    TrainingStart start = TrainingStart.of(data, config);
    SparkConf conf = new SparkConf().setMaster(settings.master()).setAppName("aslwb-spark train");
    List<EpochMetrics> history = new ArrayList<>();
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      sc.setLogLevel("WARN");
      ParameterAveragingTrainingMaster master =
          new ParameterAveragingTrainingMaster.Builder(config.batchSize())
              .batchSizePerWorker(config.batchSize())
              .averagingFrequency(settings.averagingFrequency())
              .workerPrefetchNumBatches(0)
              .saveUpdater(true)
              .build();
      SparkComputationGraph net = new SparkComputationGraph(sc, start.initial().network(), master);
      int batches = start.batchesPerEpoch();
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long started = System.nanoTime();
        double lossSum = 0;
        int parts = 0;
        for (int from = 0; from < batches; from += settings.batchesPerPart()) {
          List<DataSet> part = start.epochBatches(epoch, from, from + settings.batchesPerPart());
          net.fit(sc.parallelize(part, Math.min(settings.workers(), part.size())));
          lossSum += net.getScore();
          parts++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        EpochMetrics m = start.score(net.getNetwork(), epoch, lossSum / parts, seconds);
        history.add(m);
        log.accept(
            String.format(
                Locale.ROOT,
                "epoch %d: loss %.4f, val_loss %.4f, val_acc %.4f, %.1f img/s on %s",
                epoch,
                m.trainLoss(),
                m.valLoss(),
                m.valAccuracy(),
                m.imagesPerSecond(),
                settings.master()));
      }
      TrainedModel trained = start.finish(net.getNetwork(), history);
      ModelStore.save(trained, out);
    }
    return history;
  }
}
