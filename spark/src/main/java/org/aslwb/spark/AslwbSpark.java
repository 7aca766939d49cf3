package org.aslwb.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.SplitMethod;
import org.aslwb.model.Architecture;
import org.aslwb.model.EpochMetrics;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.aslwb.training.EarlyStopping;
import org.aslwb.training.LearningRateSchedule;
import org.aslwb.training.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aslwb-spark}: the workbench's training on a Spark cluster. */
@Command(
    name = "aslwb-spark",
    mixinStandardHelpOptions = true,
    description = "Data-parallel training on Apache Spark; writes the desktop app's model file.",
    subcommands = {AslwbSpark.Train.class})
public final class AslwbSpark {
  private AslwbSpark() {}

  /** Runs the command line and exits with its code (2: bad input). */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new AslwbSpark());
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof IllegalArgumentException) {
            System.err.println("aslwb-spark: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cli.execute(args);
  }

  /** {@code aslwb-spark train}. */
  @Command(name = "train", mixinStandardHelpOptions = true, description = "Trains a model.")
  static final class Train implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "folder-per-class data set")
    Path data;

    @Option(names = "--model", defaultValue = "cnn", description = "cnn or darknet53")
    String model;

    @Option(names = "--width", defaultValue = "-1", description = "DarkNet-53 width multiplier")
    double width;

    @Option(names = "--size", defaultValue = "64", description = "input size in pixels")
    int size;

    @Option(names = "--epochs", defaultValue = "10", description = "epochs")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "batch size per worker")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "learning rate")
    double lr;

    @Option(names = "--val-fraction", defaultValue = "0.2", description = "validation share")
    double valFraction;

    @Option(names = "--split", defaultValue = "auto", description = "frames, random, blocks:N")
    String split;

    @Option(names = "--seed", defaultValue = "42", description = "seed of every random draw")
    long seed;

    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master URL")
    String master;

    @Option(names = "--workers", defaultValue = "2", description = "partitions (executor cores)")
    int workers;

    @Option(
        names = "--averaging-frequency",
        defaultValue = "5",
        description = "batches per worker between parameter averagings")
    int averagingFrequency;

    @Option(
        names = "--batches-per-part",
        defaultValue = "64",
        description = "batches handed to Spark at a time")
    int batchesPerPart;

    @Option(names = "--out", required = true, description = "model file to write")
    Path out;

    @Option(names = "--force", description = "replace an existing model file")
    boolean force;

    @Override
    public Integer call() throws Exception {
      if (Files.exists(out) && !force) {
        throw new IllegalArgumentException("--out " + out + " exists (--force replaces it)");
      }
      Architecture architecture = Architecture.parse(model);
      TrainingConfig defaults = TrainingConfig.defaults(architecture);
      TrainingConfig config =
          new TrainingConfig(
              architecture,
              width > 0 ? width : defaults.widthMultiplier(),
              size,
              epochs,
              batch,
              lr,
              // what the Spark loop does, so the model file records it: a constant rate, every
              // epoch
              LearningRateSchedule.constant(),
              new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0, 0),
              valFraction,
              SplitMethod.parse(split),
              defaults.augmentation(),
              defaults.labelSmoothing(),
              seed,
              0);
      SparkTrainer.Settings settings =
          new SparkTrainer.Settings(master, workers, averagingFrequency, batchesPerPart);
      LoadedDataset loaded =
          new DatasetLoader()
              .load(
                  org.aslwb.data.DatasetScanner.scan(data),
                  size,
                  size,
                  3,
                  ProgressListener.NONE,
                  Cancellation.none());
      List<EpochMetrics> history =
          SparkTrainer.train(loaded, config, settings, out, System.err::println);
      EpochMetrics last = history.get(history.size() - 1);
      System.out.printf(
          java.util.Locale.ROOT,
          "{\"model\": \"%s\", \"epochs_run\": %d, \"val_accuracy\": %.4f, \"val_loss\": %.4f}%n",
          out.toString().replace("\\", "\\\\").replace("\"", "\\\""),
          history.size(),
          last.valAccuracy(),
          last.valLoss());
      return 0;
    }
  }
}
