package org.aslwb.ui.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.aslwb.data.Augmentation;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.SplitMethod;
import org.aslwb.model.Architecture;
import org.aslwb.model.EpochMetrics;
import org.aslwb.model.ModelStore;
import org.aslwb.task.Cancellation;
import org.aslwb.task.JobService;
import org.aslwb.task.ProgressListener;
import org.aslwb.training.EarlyStopping;
import org.aslwb.training.LearningRateSchedule;
import org.aslwb.training.Trainer;
import org.aslwb.training.TrainingConfig;
import org.aslwb.training.TrainingListener;
import org.aslwb.ui.Workspace;

/**
 * The Train tab: a validated form, start / stop / resume, and live curves. Iteration losses are
 * buffered on the training thread and handed to the chart at most four times a second, and thinned
 * when long, so a 10,000-iteration run costs the UI no more than a short one.
 */
public final class TrainViewModel {
  static final long FLUSH_NANOS = 250_000_000L;
  static final int MAX_POINTS = 2000;

  private final Workspace workspace;
  private final ObjectProperty<Architecture> architecture =
      new SimpleObjectProperty<>(Architecture.CNN);
  private final StringProperty width = new SimpleStringProperty("1.0");
  private final StringProperty size = new SimpleStringProperty("64");
  private final StringProperty epochs = new SimpleStringProperty("30");
  private final StringProperty batch = new SimpleStringProperty("128");
  private final StringProperty learningRate = new SimpleStringProperty("0.001");
  private final StringProperty schedule = new SimpleStringProperty("plateau:0.5:2");
  // the early-stopping fields start from the defaults the CLI documents
  private final StringProperty monitor =
      new SimpleStringProperty(
          TrainingConfig.DEFAULT_EARLY_STOPPING.monitor().name().toLowerCase(Locale.ROOT));
  private final StringProperty patience =
      new SimpleStringProperty(Integer.toString(TrainingConfig.DEFAULT_EARLY_STOPPING.patience()));
  private final StringProperty minDelta = new SimpleStringProperty("0.001");
  private final StringProperty valFraction = new SimpleStringProperty("0.2");
  private final StringProperty split = new SimpleStringProperty(SplitMethod.AUTO.toString());
  private final StringProperty validationLabel = new SimpleStringProperty("val");
  private final StringProperty seed = new SimpleStringProperty("42");
  private final StringProperty labelSmoothing =
      new SimpleStringProperty(Double.toString(TrainingConfig.DEFAULT_LABEL_SMOOTHING));
  private final BooleanProperty augment = new SimpleBooleanProperty(true);
  private final BooleanProperty dropEmptyClasses = new SimpleBooleanProperty(false);
  private final StringProperty emptyClasses = new SimpleStringProperty("");
  private final AugmentationForm augmentationForm;
  private final StringProperty output =
      new SimpleStringProperty(defaultOutput(Architecture.CNN).toString());
  private final StringProperty formError = new SimpleStringProperty("");
  private final StringProperty invalidSetting = new SimpleStringProperty("");
  private final StringProperty speed = new SimpleStringProperty("");
  private final StringProperty eta = new SimpleStringProperty("");
  private final BooleanProperty running = new SimpleBooleanProperty(false);
  private final ObservableList<String> log = FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> iterationLoss =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> trainLoss =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> valLoss =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> trainAccuracy =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> valAccuracy =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> learningRates =
      FXCollections.observableArrayList();
  private Cancellation cancellation;
  // answers "replace these files?"; the controller shows a dialog, tests answer directly
  private Predicate<String> overwriteConfirmation = question -> false;

  /** A view model over the shared workspace. */
  public TrainViewModel(Workspace workspace) {
    this.workspace = workspace;
    this.augmentationForm = new AugmentationForm(workspace);
    architecture.addListener(
        (o, a, b) -> {
          width.set(Double.toString(TrainingConfig.defaults(b).widthMultiplier()));
          output.set(defaultOutput(b).toString());
        });
    workspace.datasetProperty().addListener((o, a, b) -> showEmptyClasses(b));
    showEmptyClasses(workspace.datasetProperty().get());
    // each field is checked as it is typed, so a wrong value shows before Start
    for (StringProperty field :
        List.of(
            width,
            size,
            epochs,
            batch,
            learningRate,
            schedule,
            patience,
            minDelta,
            valFraction,
            labelSmoothing,
            seed)) {
      field.addListener((o, a, b) -> config());
    }
  }

  private void showEmptyClasses(LoadedDataset data) {
    List<String> empty = data == null ? List.of() : data.emptyClasses();
    emptyClasses.set(
        empty.isEmpty()
            ? ""
            : "No usable images in " + String.join(", ", empty) + " (every file is unreadable)");
  }

  private static Path defaultOutput(Architecture a) {
    return Workspace.modelsFolder().resolve(a.id() + ".aslwb");
  }

  /**
   * Sets how the user is asked before a run replaces an existing model or checkpoint: the question
   * in, true to go ahead. Until set, such runs are refused.
   */
  public void setOverwriteConfirmation(Predicate<String> confirmation) {
    this.overwriteConfirmation = confirmation;
  }

  /** Parses the form; sets {@link #formErrorProperty()} and returns null when invalid. */
  public TrainingConfig config() {
    try {
      Architecture a = architecture.get();
      TrainingConfig c =
          new TrainingConfig(
              a,
              number("width", width),
              (int) whole("size", size),
              (int) whole("epochs", epochs),
              (int) whole("batch", batch),
              number("lr", learningRate),
              LearningRateSchedule.parse(schedule.get()),
              new EarlyStopping(
                  EarlyStopping.Monitor.parse(monitor.get()),
                  number("min-delta", minDelta),
                  (int) whole("patience", patience)),
              number("val-fraction", valFraction),
              SplitMethod.parse(split.get()),
              augment.get() ? augmentationForm.parse() : Augmentation.none(),
              number("label-smoothing", labelSmoothing),
              whole("seed", seed),
              0);
      formError.set("");
      invalidSetting.set("");
      return c;
    } catch (IllegalArgumentException e) {
      formError.set(e.getMessage());
      String m = String.valueOf(e.getMessage());
      invalidSetting.set(
          SETTINGS.stream()
              .filter(k -> m.startsWith(k + " ") || m.startsWith(k + ":"))
              .findFirst()
              .orElse(
                  m.toLowerCase(java.util.Locale.ROOT).contains("schedule") ? "schedule" : "?"));
    }
    return null;
  }

  /** The form's settings by their CLI names, as the messages of a wrong value begin. */
  private static final List<String> SETTINGS =
      List.of(
          "width",
          "size",
          "epochs",
          "batch",
          "lr",
          "min-delta",
          "patience",
          "val-fraction",
          "label-smoothing",
          "seed");

  private static double number(String setting, StringProperty field) {
    try {
      return Double.parseDouble(field.get().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(setting + ": not a number: \"" + field.get() + "\"");
    }
  }

  private static long whole(String setting, StringProperty field) {
    try {
      return Long.parseLong(field.get().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(setting + ": not a whole number: \"" + field.get() + "\"");
    }
  }

  /**
   * The CLI name of the setting whose field is wrong ("epochs", "lr", "schedule"...), "?" for
   * another problem, "" when the form is valid; checked as the user types, before Start.
   */
  public StringProperty invalidSettingProperty() {
    return invalidSetting;
  }

  /** Starts training from scratch. */
  public void start() {
    run(false);
  }

  /** Continues from the output's checkpoint. */
  public void resume() {
    run(true);
  }

  /** Stops after the current batch; the last checkpoint allows resuming. */
  public void stop() {
    if (cancellation != null && running.get() && !cancellation.isCancelled()) {
      cancellation.cancel();
      // DL4J cannot interrupt a batch: the run stops when the one in progress is done
      log.add("stopping after the current batch...");
    }
  }

  private void run(boolean resume) {
    TrainingConfig config = config();
    LoadedDataset shown = workspace.datasetProperty().get();
    if (config == null) {
      return;
    }
    if (shown == null) {
      formError.set("Open a data set in the Data tab first.");
      return;
    }
    boolean drop = dropEmptyClasses.get();
    if (!drop && !shown.emptyClasses().isEmpty()) {
      formError.set(Trainer.emptyClassesMessage(shown.index().root(), shown.emptyClasses()));
      return;
    }
    Path out;
    try {
      out = Path.of(output.get());
      Trainer.checkOutputs(out);
    } catch (IllegalArgumentException e) {
      formError.set(e.getMessage());
      return;
    }
    List<Path> replaced = Trainer.filesReplacedBy(out, resume);
    if (!replaced.isEmpty() && !overwriteConfirmation.test(overwriteQuestion(replaced, resume))) {
      log.add("not started: " + out + " is kept");
      return;
    }
    if (!resume) {
      iterationLoss.clear();
      epochSeries().forEach(List::clear);
    }
    running.set(true);
    log.add(
        (resume ? "resuming " : "training ") + config.architecture().displayName() + " -> " + out);
    ChartFeed feed = new ChartFeed(config.batchSize());
    cancellation = new Cancellation();
    workspace
        .tasks()
        .run(
            JobService.Lane.TRAINING,
            "training " + config.architecture().displayName(),
            cancellation,
            (progress, cancel) -> {
              feed.reportTo(progress, config.epochs());
              LoadedDataset data =
                  new DatasetLoader()
                      .atSize(shown, config.inputSize(), config.inputSize(), progress, cancel);
              return new Trainer()
                  .train(
                      drop ? data.withoutEmptyClasses() : data, config, out, resume, feed, cancel);
            },
            result -> {
              feed.flush();
              log.add(
                  String.format(
                      "%s after %d epochs; best epoch %d, val accuracy %.4f (%s split)%s",
                      result.stopReason(),
                      result.epochsRun(),
                      result.bestEpoch(),
                      result.valAccuracy(),
                      result.splitMethod(),
                      result.calibration() == null
                          ? ""
                          : String.format(
                              "; temperature %.2f, val ECE %.4f -> %.4f",
                              result.calibration().temperature(),
                              result.calibration().eceBefore(),
                              result.calibration().eceAfter())));
              if (result.bestEpoch() > 0) {
                workspace
                    .tasks()
                    .run(
                        "loading trained model",
                        (p, c) -> ModelStore.load(out).warmedUp(),
                        m -> {
                          workspace.modelFileProperty().set(out);
                          workspace.modelProperty().set(m);
                        },
                        e -> log.add(e.getMessage()));
              }
            },
            e -> log.add("Training failed: " + e.getMessage()),
            () -> running.set(false));
  }

  private static String overwriteQuestion(List<Path> replaced, boolean resume) {
    String files =
        String.join(" and ", replaced.stream().map(p -> p.getFileName().toString()).toList());
    return (resume
            ? "There is no checkpoint to resume from: training starts from epoch 1 and replaces "
            : "Training afresh replaces ")
        + files
        + " in "
        + replaced.get(0).toAbsolutePath().getParent()
        + ". Overwrite?";
  }

  /** Receives training events on the training thread; hands them to the UI in coalesced batches. */
  private final class ChartFeed implements TrainingListener {
    private final List<XYChart.Data<Number, Number>> pending = new ArrayList<>();
    private final int batchSize;
    private long lastFlush;
    private int iteration;
    // the loss chart's x axis counts batches; epoch losses sit at their epoch's last batch
    private volatile int batchesPerEpoch = 1;

    private volatile ProgressListener job = ProgressListener.NONE;
    private volatile int epochs = 1;

    ChartFeed(int batchSize) {
      this.batchSize = batchSize;
    }

    /** Batches done of all epochs' batches also go to the job, for the jobs panel's bar and ETA. */
    void reportTo(ProgressListener listener, int totalEpochs) {
      job = listener;
      epochs = totalEpochs;
    }

    @Override
    public void onSplit(String method, String reason) {
      workspace.tasks().onUi(() -> validationLabel.set("val, " + method + " split"));
    }

    @Override
    public void onStart(int trainImages, int validationImages, int firstEpoch) {
      batchesPerEpoch = Math.max(1, (trainImages + batchSize - 1) / batchSize);
      iteration = (firstEpoch - 1) * batchesPerEpoch;
    }

    @Override
    public void onIteration(IterationProgress p) {
      iteration++;
      job.progress(
          (long) (p.epoch() - 1) * p.batches() + p.batch(),
          (long) epochs * p.batches(),
          "epoch " + p.epoch() + ", batch " + p.batch() + "/" + p.batches());
      synchronized (pending) {
        pending.add(new XYChart.Data<>(iteration, p.loss()));
      }
      long now = System.nanoTime();
      if (now - lastFlush > FLUSH_NANOS) {
        lastFlush = now;
        String s = String.format("%.0f images/s", p.imagesPerSecond());
        String e =
            String.format(
                "ETA %s (epoch %d, batch %d/%d)",
                duration(p.etaSeconds()), p.epoch(), p.batch(), p.batches());
        workspace
            .tasks()
            .onUi(
                () -> {
                  speed.set(s);
                  eta.set(e);
                  flush();
                });
      }
    }

    void flush() {
      List<XYChart.Data<Number, Number>> batch;
      synchronized (pending) {
        batch = new ArrayList<>(pending);
        pending.clear();
      }
      workspace
          .tasks()
          .onUi(
              () -> {
                iterationLoss.addAll(batch);
                if (iterationLoss.size() > MAX_POINTS) {
                  List<XYChart.Data<Number, Number>> thinned = new ArrayList<>();
                  for (int i = 0; i < iterationLoss.size(); i += 2) {
                    thinned.add(iterationLoss.get(i));
                  }
                  iterationLoss.setAll(thinned);
                }
              });
    }

    @Override
    public void onResumed(List<EpochMetrics> history) {
      // the checkpoint's epochs, so the curves continue where they stopped even after a restart
      workspace
          .tasks()
          .onUi(
              () -> {
                epochSeries().forEach(List::clear);
                history.forEach(m -> plot(m, batchesPerEpoch));
              });
    }

    @Override
    public void onEpoch(EpochMetrics m, boolean improved) {
      workspace
          .tasks()
          .onUi(
              () -> {
                plot(m, batchesPerEpoch);
                log.add(
                    String.format(
                        "epoch %d: loss %.4f, val loss %.4f, val acc %.4f (%s), %.0f img/s%s",
                        m.epoch(),
                        m.trainLoss(),
                        m.valLoss(),
                        m.valAccuracy(),
                        validationLabel.get(),
                        m.imagesPerSecond(),
                        improved ? " (best, saved)" : ""));
              });
    }

    @Override
    public void onMessage(String message) {
      workspace.tasks().onUi(() -> log.add(message));
    }
  }

  private List<ObservableList<XYChart.Data<Number, Number>>> epochSeries() {
    return List.of(trainLoss, valLoss, trainAccuracy, valAccuracy, learningRates);
  }

  private void plot(EpochMetrics m, int batchesPerEpoch) {
    int lastBatch = m.epoch() * batchesPerEpoch;
    trainLoss.add(new XYChart.Data<>(lastBatch, m.trainLoss()));
    valLoss.add(new XYChart.Data<>(lastBatch, m.valLoss()));
    trainAccuracy.add(new XYChart.Data<>(m.epoch(), m.trainAccuracy()));
    valAccuracy.add(new XYChart.Data<>(m.epoch(), m.valAccuracy()));
    learningRates.add(new XYChart.Data<>(m.epoch(), m.learningRate()));
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
        : String.format("%dm%02ds", s / 60, s % 60);
  }

  // properties for binding
  /** Model choice. */
  public ObjectProperty<Architecture> architectureProperty() {
    return architecture;
  }

  /** Width multiplier. */
  public StringProperty widthProperty() {
    return width;
  }

  /** Input size. */
  public StringProperty sizeProperty() {
    return size;
  }

  /** Epochs. */
  public StringProperty epochsProperty() {
    return epochs;
  }

  /** Batch size. */
  public StringProperty batchProperty() {
    return batch;
  }

  /** Learning rate. */
  public StringProperty learningRateProperty() {
    return learningRate;
  }

  /** Schedule text. */
  public StringProperty scheduleProperty() {
    return schedule;
  }

  /** Early-stopping monitor. */
  public StringProperty monitorProperty() {
    return monitor;
  }

  /** Patience. */
  public StringProperty patienceProperty() {
    return patience;
  }

  /** Min delta. */
  public StringProperty minDeltaProperty() {
    return minDelta;
  }

  /** How validation images are held out: "auto", "frames", "random" or "blocks:N". */
  public StringProperty splitProperty() {
    return split;
  }

  /** The choices offered for {@link #splitProperty()}. */
  public List<String> splitChoices() {
    return List.of("auto", "frames", "random", "blocks:50");
  }

  /** "val, frames split" once a run has made its split: names the validation curves. */
  public StringProperty validationLabelProperty() {
    return validationLabel;
  }

  /** Validation fraction. */
  public StringProperty valFractionProperty() {
    return valFraction;
  }

  /** Seed. */
  public StringProperty seedProperty() {
    return seed;
  }

  /** Label smoothing, 0..0.5. */
  public StringProperty labelSmoothingProperty() {
    return labelSmoothing;
  }

  /** The augmentation switches and their strengths. */
  public AugmentationForm augmentationForm() {
    return augmentationForm;
  }

  /** Augmentation on/off. */
  public BooleanProperty augmentProperty() {
    return augment;
  }

  /** Whether classes whose files are all unreadable are left out of training. */
  public BooleanProperty dropEmptyClassesProperty() {
    return dropEmptyClasses;
  }

  /** Which classes of the open data set have no usable image; empty when none. */
  public StringProperty emptyClassesProperty() {
    return emptyClasses;
  }

  /** Output model file. */
  public StringProperty outputProperty() {
    return output;
  }

  /** Form validation message. */
  public StringProperty formErrorProperty() {
    return formError;
  }

  /** Images/s. */
  public StringProperty speedProperty() {
    return speed;
  }

  /** ETA. */
  public StringProperty etaProperty() {
    return eta;
  }

  /** Whether training runs. */
  public BooleanProperty runningProperty() {
    return running;
  }

  /** Log lines. */
  public ObservableList<String> log() {
    return log;
  }

  /** Per-iteration loss. */
  public ObservableList<XYChart.Data<Number, Number>> iterationLoss() {
    return iterationLoss;
  }

  /** Per-epoch training loss. */
  public ObservableList<XYChart.Data<Number, Number>> trainLoss() {
    return trainLoss;
  }

  /** Per-epoch validation loss. */
  public ObservableList<XYChart.Data<Number, Number>> valLoss() {
    return valLoss;
  }

  /** Per-epoch training accuracy. */
  public ObservableList<XYChart.Data<Number, Number>> trainAccuracy() {
    return trainAccuracy;
  }

  /** Per-epoch validation accuracy. */
  public ObservableList<XYChart.Data<Number, Number>> valAccuracy() {
    return valAccuracy;
  }

  /** Per-epoch learning rate. */
  public ObservableList<XYChart.Data<Number, Number>> learningRates() {
    return learningRates;
  }
}
