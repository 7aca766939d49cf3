package org.aslwb.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.aslwb.data.Augmentation;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.DatasetScanner;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.SplitMethod;
import org.aslwb.model.Architecture;
import org.aslwb.model.Engine;
import org.aslwb.model.EpochMetrics;
import org.aslwb.task.Cancellation;
import org.aslwb.task.SettingChecks;
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

  @Option(
      names = "--monitor",
      defaultValue = TrainingConfig.DefaultEarlyStopping.MONITOR,
      description = "early stopping's metric, val_loss or val_accuracy (default: ${DEFAULT-VALUE})")
  String monitor;

  @Option(
      names = "--patience",
      defaultValue = "" + TrainingConfig.DefaultEarlyStopping.PATIENCE,
      description =
          "early stopping: epochs without improvement before stopping, 0 never stops (default: ${DEFAULT-VALUE})")
  int patience;

  @Option(
      names = "--min-delta",
      defaultValue = "" + TrainingConfig.DefaultEarlyStopping.MIN_DELTA,
      description =
          "early stopping: smallest change that counts as an improvement (default: ${DEFAULT-VALUE})")
  double minDelta;

  @Option(
      names = "--val-fraction",
      defaultValue = "0.2",
      description = "share of the images held out for validation (default: ${DEFAULT-VALUE})")
  double valFraction;

  @Option(
      names = "--split",
      defaultValue = "auto",
      description =
          "how validation images are held out: frames (whole runs of consecutive frame numbers"
              + " per class), random, blocks:N, or auto (default: frames when every file name"
              + " carries a frame number, as A1008.jpg, else random)")
  String split;

  @Option(
      names = "--block-split",
      defaultValue = "0",
      description = "the same as --split blocks:N (older option)")
  int blockSplit;

  @Option(names = "--no-augment", description = "train without augmentation")
  boolean noAugment;

  @picocli.CommandLine.Mixin AugmentationOptions augmentOptions = new AugmentationOptions();

  @Option(
      names = "--label-smoothing",
      defaultValue = "" + TrainingConfig.DEFAULT_LABEL_SMOOTHING,
      description =
          "share of each training label spread over all classes, 0..0.5 (default: ${DEFAULT-VALUE})")
  double labelSmoothing;

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

  @Option(
      names = "--robust-eps",
      description =
          "after each epoch also measure the validation accuracy under FGSM at this epsilon, in"
              + " [0,1] on the pixel scale (one backward pass per validation image and epoch)")
  Double robustEps;

  @Option(names = "--out", required = true, description = "model file to write")
  Path out;

  @Option(names = "--resume", description = "continue from OUT.checkpoint")
  boolean resume;

  @Option(
      names = "--drop-empty-classes",
      description = "train without classes whose files are all unreadable (else refused)")
  boolean dropEmptyClasses;

  @Option(names = "--force", description = "overwrite a model and checkpoint already at OUT")
  boolean force;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Architecture architecture = Architecture.parse(model);
    SplitMethod splitMethod = SplitMethod.parse(split);
    if (blockSplit > 0) {
      if (!splitMethod.equals(SplitMethod.AUTO)) {
        throw new IllegalArgumentException("give --split or --block-split, not both");
      }
      splitMethod = SplitMethod.blocks(blockSplit);
    }
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
            splitMethod,
            noAugment ? Augmentation.none() : augmentOptions.augmentation(),
            labelSmoothing,
            seed,
            maxBatches,
            robustEpsilon());
    refuseUnwritableOrOccupied();
    Output.say("engine: %s", Engine.start().describe());
    LoadedDataset loaded =
        new DatasetLoader()
            .load(DatasetScanner.scan(data), size, size, 3, Output.progress(), Cancellation.none());
    Output.say(
        "%s: %d images in %d classes (%d unreadable skipped)",
        data, loaded.size(), loaded.classNames().size(), loaded.unreadable().size());
    Output.warnEmptyClasses(loaded);
    if (dropEmptyClasses && !loaded.emptyClasses().isEmpty()) {
      Output.say("dropped classes %s: training on the other classes", loaded.emptyClasses());
      loaded = loaded.withoutEmptyClasses();
    }
    Cancellation cancellation = new Cancellation();
    Runtime.getRuntime().addShutdownHook(new Thread(cancellation::cancel));
    TrainingResult result =
        new Trainer()
            .train(loaded, config, out, resume, new ConsoleTrainingListener(), cancellation);
    Output.say(
        "%s after %d epochs; best epoch %d: val_accuracy %.4f, val_loss %.4f (%s split);"
            + " %.1f train images/s; saved %s",
        result.stopReason(),
        result.epochsRun(),
        result.bestEpoch(),
        result.valAccuracy(),
        result.valLoss(),
        result.splitMethod(),
        result.trainImagesPerSecond(),
        out);
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("model", out.toString());
      o.put("val_accuracy", result.valAccuracy());
      o.put("val_loss", result.valLoss());
      o.put("split", "val");
      o.put("split_method", result.splitMethod());
      if (config.measuresRobustAccuracy()) {
        o.put("robust_eps", config.robustEpsilon());
        o.put("robust_attack", "fgsm");
      }
      if (result.calibration() != null) {
        o.put("temperature", result.calibration().temperature());
        o.put("val_ece", result.calibration().eceBefore());
        o.put("val_ece_calibrated", result.calibration().eceAfter());
        o.put("val_nll", result.calibration().nllBefore());
        o.put("val_nll_calibrated", result.calibration().nllAfter());
      }
      o.put("epochs_run", result.epochsRun());
      o.put("best_epoch", result.bestEpoch());
      o.put("train_images_per_s", result.trainImagesPerSecond());
      o.put("stop_reason", result.stopReason().name().toLowerCase(java.util.Locale.ROOT));
      o.put("history", result.history());
      Output.json(o);
    }
    return result.stopReason() == TrainingResult.StopReason.DIVERGED ? 1 : 0;
  }

  /**
   * The option's epsilon, checked (NaN would otherwise mean "not measured"), or NaN when absent.
   */
  private double robustEpsilon() {
    return robustEps == null
        ? TrainingConfig.NO_ROBUST_EPSILON
        : SettingChecks.between("robust-eps", robustEps, 0, true, 1, true);
  }

  /** Before any work: an output that cannot be written, or would silently replace a model. */
  private void refuseUnwritableOrOccupied() {
    Trainer.checkOutputs(out);
    List<Path> replaced = Trainer.filesReplacedBy(out, resume);
    if (replaced.isEmpty() || force) {
      return;
    }
    String files =
        replaced.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" and "));
    throw new IllegalArgumentException(
        resume
            ? "--out "
                + out
                + ": no checkpoint to resume from, but "
                + files
                + " would be replaced by a run from epoch 1; add --force to train afresh over it"
                + " (--resume alone continues only from a checkpoint)"
            : "--out "
                + out
                + " already holds "
                + files
                + ": add --resume to continue from its checkpoint, or --force to overwrite");
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
          "epoch %3d  loss %.4f  acc %.4f  val_loss %.4f  val_acc %.4f%s  lr %.2e  %.0f img/s"
              + "  %.1f s%s",
          m.epoch(),
          m.trainLoss(),
          m.trainAccuracy(),
          m.valLoss(),
          m.valAccuracy(),
          m.hasRobustAccuracy()
              ? String.format(
                  java.util.Locale.ROOT,
                  "  val_robust_acc %.4f (fgsm eps %s)",
                  m.robustAccuracy(),
                  m.robustEpsilon())
              : "",
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
