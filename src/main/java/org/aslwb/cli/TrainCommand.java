package org.aslwb.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aslwb.data.Augmentation;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.DatasetScanner;
import org.aslwb.data.LoadedDataset;
import org.aslwb.model.Architecture;
import org.aslwb.model.Engine;
import org.aslwb.model.EpochMetrics;
import org.aslwb.task.Cancellation;
import org.aslwb.training.EarlyStopping;
import org.aslwb.training.LearningRateSchedule;
import org.aslwb.training.Trainer;
import org.aslwb.training.TrainingConfig;
import org.aslwb.training.TrainingListener;
import org.aslwb.training.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aslwb train}. */
@Command(name = "train", description = "Train a model; a checkpoint is written after every epoch.")
final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      required = true,
      description = "data set folder (one sub-folder per class)")
  Path data;

  @Option(
      names = "--model",
      defaultValue = "cnn",
      description = "cnn or darknet53 (default ${DEFAULT-VALUE})")
  String model;

  @Option(
      names = "--width",
      description = "width multiplier (default 1.0 for cnn, 0.25 for darknet53)")
  Double width;

  @Option(
      names = "--size",
      defaultValue = "64",
      description = "input size (default ${DEFAULT-VALUE})")
  int size;

  @Option(
      names = "--epochs",
      defaultValue = "30",
      description = "epochs to train at most (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(
      names = "--batch",
      defaultValue = "128",
      description = "images per batch (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(
      names = "--lr",
      defaultValue = "0.001",
      description = "Adam learning rate (default: ${DEFAULT-VALUE})")
  double lr;

  @Option(
      names = "--schedule",
      defaultValue = "plateau:0.5:2",
      description =
          "constant | step:FACTOR:EPOCHS | exp:FACTOR | plateau:FACTOR:PATIENCE (default ${DEFAULT-VALUE})")
  String schedule;

  @Option(names = "--monitor", defaultValue = "val_loss", description = "val_loss or val_accuracy")
  String monitor;

  @Option(
      names = "--patience",
      defaultValue = "5",
      description =
          "early stopping: epochs without improvement before stopping, 0 never stops (default: ${DEFAULT-VALUE})")
  int patience;

  @Option(
      names = "--min-delta",
      defaultValue = "0.001",
      description =
          "early stopping: smallest change that counts as an improvement (default: ${DEFAULT-VALUE})")
  double minDelta;

  @Option(
      names = "--val-fraction",
      defaultValue = "0.2",
      description = "share of the images held out for validation (default: ${DEFAULT-VALUE})")
  double valFraction;

  @Option(
      names = "--block-split",
      defaultValue = "0",
      description = "hold out whole blocks of N consecutive frames instead of a random split")
  int blockSplit;

  @Option(names = "--no-augment", description = "train without augmentation")
  boolean noAugment;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description =
          "seed of every random draw: split, initial weights, augmentation, order (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--max-batches",
      defaultValue = "0",
      description = "cut each epoch after N batches (0: full)")
  int maxBatches;

  @Option(names = "--out", required = true, description = "model file to write")
  Path out;

  @Option(names = "--resume", description = "continue from OUT.checkpoint")
  boolean resume;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Architecture architecture = Architecture.parse(model);
    TrainingConfig config =
        new TrainingConfig(
            architecture,
            width != null ? width : TrainingConfig.defaults(architecture).widthMultiplier(),
            size,
            epochs,
            batch,
            lr,
            LearningRateSchedule.parse(schedule),
            new EarlyStopping(EarlyStopping.Monitor.parse(monitor), minDelta, patience),
            valFraction,
            blockSplit,
            noAugment ? Augmentation.none() : Augmentation.standard(),
            seed,
            maxBatches);
    Output.say("engine: %s", Engine.start().describe());
    LoadedDataset loaded =
        new DatasetLoader()
            .load(DatasetScanner.scan(data), size, size, 3, Output.progress(), Cancellation.none());
    Output.say(
        "%s: %d images in %d classes (%d unreadable skipped)",
        data, loaded.size(), loaded.classNames().size(), loaded.unreadable().size());
    Cancellation cancellation = new Cancellation();
    Runtime.getRuntime().addShutdownHook(new Thread(cancellation::cancel));
    TrainingResult result =
        new Trainer()
            .train(loaded, config, out, resume, new ConsoleTrainingListener(), cancellation);
    Output.say(
        "%s after %d epochs; best epoch %d: val_accuracy %.4f, val_loss %.4f; %.1f train images/s; saved %s",
        result.stopReason(),
        result.epochsRun(),
        result.bestEpoch(),
        result.valAccuracy(),
        result.valLoss(),
        result.trainImagesPerSecond(),
        out);
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("model", out.toString());
      o.put("val_accuracy", result.valAccuracy());
      o.put("val_loss", result.valLoss());
      o.put("epochs_run", result.epochsRun());
      o.put("best_epoch", result.bestEpoch());
      o.put("train_images_per_s", result.trainImagesPerSecond());
      o.put("stop_reason", result.stopReason().name().toLowerCase(java.util.Locale.ROOT));
      o.put("history", result.history());
      Output.json(o);
    }
    return result.stopReason() == TrainingResult.StopReason.DIVERGED ? 1 : 0;
  }

  /** Per-epoch lines on stderr. */
  private static final class ConsoleTrainingListener implements TrainingListener {
    @Override
    public void onStart(int trainImages, int validationImages, int firstEpoch) {
      Output.say(
          "training on %d images, validating on %d, from epoch %d",
          trainImages, validationImages, firstEpoch);
    }

    @Override
    public void onEpoch(EpochMetrics m, boolean improved) {
      Output.say(
          "epoch %3d  loss %.4f  acc %.4f  val_loss %.4f  val_acc %.4f  lr %.2e  %.0f img/s  %.1f s%s",
          m.epoch(),
          m.trainLoss(),
          m.trainAccuracy(),
          m.valLoss(),
          m.valAccuracy(),
          m.learningRate(),
          m.imagesPerSecond(),
          m.seconds(),
          improved ? "  *best" : "");
    }

    @Override
    public void onMessage(String message) {
      Output.say("%s", message);
    }
  }
}
