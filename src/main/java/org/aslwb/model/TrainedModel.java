package org.aslwb.model;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A network with its metadata: what the model store reads and writes.
 *
 * @param network the DL4J network
 * @param metadata classes, preprocessing, history and provenance
 */
public record TrainedModel(ComputationGraph network, ModelMetadata metadata) {
  /** The model's architecture. */
  public Architecture architecture() {
    return Architecture.parse(metadata.architecture());
  }

  /** A classifier over this network (do not keep training the network while it is in use). */
  public Classifier classifier() {
    return new NetworkClassifier(
        network, architecture(), metadata.shape(), metadata.classNames(), metadata.preprocessing());
  }

  /** A short description for status bars: "Simple CNN, 29 classes, 64x64". */
  public String describe() {
    var p = metadata.preprocessing();
    return architecture().displayName()
        + (architecture() == Architecture.DARKNET53 ? " x" + metadata.widthMultiplier() : "")
        + ", "
        + metadata.classNames().size()
        + " classes, "
        + p.width()
        + "x"
        + p.height();
  }
}
