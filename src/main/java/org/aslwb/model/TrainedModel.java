package org.aslwb.model;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A network with its metadata: what the model store reads and writes. It keeps one classifier, so
 * that the gradient twin behind {@link Classifier#lossGradients} is built once per model, not once
 * per caller.
 */
public final class TrainedModel {
  private final ComputationGraph network;
  private final ModelMetadata metadata;
  private Classifier classifier;

  /** Pairs {@code network} with its {@code metadata}. */
  public TrainedModel(ComputationGraph network, ModelMetadata metadata) {
    this.network = network;
    this.metadata = metadata;
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

  /** The classifier over this network (do not keep training the network while it is in use). */
  public synchronized Classifier classifier() {
    if (classifier == null && isImported()) {
      classifier =
          new NetworkClassifier(
              network,
              ImportedGraphTwin::of,
              InputLayout.CHANNELS_LAST,
              metadata.classNames(),
              metadata.preprocessing());
    } else if (classifier == null) {
      classifier =
          new NetworkClassifier(
              network,
              architecture(),
              metadata.shape(),
              metadata.classNames(),
              metadata.preprocessing());
    }
    return classifier;
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
