package org.aslwb.model;

import java.util.List;
import java.util.Map;
import org.aslwb.data.Preprocessing;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A network with its metadata: what the model store reads and writes. It keeps one classifier, so
 * that the gradient twin behind {@link Classifier#lossGradients} is built once per model, not once
 * per caller.
 */
public final class TrainedModel {
  private final ComputationGraph network;
  private final ModelMetadata metadata;
  private Classifier raw;
  private Classifier classifier;

  /** Pairs {@code network} with its {@code metadata}. */
  public TrainedModel(ComputationGraph network, ModelMetadata metadata) {
    this.network = network;
    this.metadata = metadata;
  }

  /**
   * A freshly initialised network of {@code architecture} (seeded), for benchmarks and tests that
   * need the cost of a real network but not its accuracy.
   */
  public static TrainedModel untrained(
      Architecture architecture, NetworkShape shape, List<String> classNames, long seed) {
    if (classNames.size() != shape.classes()) {
      throw new IllegalArgumentException(
          classNames.size() + " class names for " + shape.classes() + " classes");
    }
    ModelMetadata metadata =
        new ModelMetadata(
            ModelMetadata.FORMAT,
            ModelMetadata.VERSION,
            architecture.id(),
            shape.widthMultiplier(),
            classNames,
            new Preprocessing(
                shape.width(),
                shape.height(),
                shape.channels(),
                new float[shape.channels()],
                filled(shape.channels(), 1f)),
            List.of(),
            0,
            seed,
            Map.of("untrained", "true"),
            "untrained",
            "",
            null,
            null);
    return new TrainedModel(architecture.create(shape, seed, 1e-3), metadata);
  }

  private static float[] filled(int n, float v) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** The DL4J network. */
  public ComputationGraph network() {
    return network;
  }

  /** Classes, preprocessing, history and provenance. */
  public ModelMetadata metadata() {
    return metadata;
  }

  /** The model's architecture; imported models have none of ours (see {@link #isImported()}). */
  public Architecture architecture() {
    if (isImported()) {
      throw new IllegalStateException("an imported model has no workbench architecture");
    }
    return Architecture.parse(metadata.architecture());
  }

  /** Whether the network was imported (from Keras) rather than built and trained here. */
  public boolean isImported() {
    return metadata.isImported();
  }

  /**
   * The classifier over this network, its probabilities scaled by the model's fitted temperature
   * when it has one (do not keep training the network while it is in use).
   */
  public synchronized Classifier classifier() {
    if (classifier == null) {
      double t = metadata.temperatureOrOne();
      classifier = t == 1 ? rawClassifier() : new TemperatureScaledClassifier(rawClassifier(), t);
    }
    return classifier;
  }

  /** The network's own probabilities, without temperature scaling (to measure calibration). */
  public synchronized Classifier rawClassifier() {
    if (raw == null && isImported()) {
      raw =
          new NetworkClassifier(
              network,
              ImportedGraphTwin::of,
              InputLayout.CHANNELS_LAST,
              metadata.classNames(),
              metadata.preprocessing());
    } else if (raw == null) {
      raw =
          new NetworkClassifier(
              network,
              architecture(),
              metadata.shape(),
              metadata.classNames(),
              metadata.preprocessing());
    }
    return raw;
  }

  /**
   * This model after one throw-away prediction (see {@link Classifier#warmUp()}); call off the UI.
   */
  public TrainedModel warmedUp() {
    classifier().warmUp();
    return this;
  }

  /** A short description for status bars: "Simple CNN, 29 classes, 64x64". */
  public String describe() {
    var p = metadata.preprocessing();
    String name =
        isImported()
            ? "Keras model imported from "
                + metadata.settings().getOrDefault(ModelMetadata.SOURCE, "?")
            : architecture().displayName();
    return name
        + (!isImported() && architecture() == Architecture.DARKNET53
            ? " x" + metadata.widthMultiplier()
            : "")
        + ", "
        + metadata.classNames().size()
        + " classes, "
        + p.width()
        + "x"
        + p.height();
  }
}
