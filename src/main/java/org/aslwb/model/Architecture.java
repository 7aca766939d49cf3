package org.aslwb.model;

import java.util.Locale;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/** The networks the workbench can train. */
public enum Architecture {
  /** The reference study's simple CNN. */
  CNN("cnn", "Simple CNN"),
  /** DarkNet-53 with a width multiplier. */
  DARKNET53("darknet53", "DarkNet-53");

  private final String id;
  private final String displayName;

  Architecture(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** The CLI and file name ("cnn", "darknet53"). */
  public String id() {
    return id;
  }

  /** The name shown to users. */
  public String displayName() {
    return displayName;
  }

  /** Parses "cnn" or "darknet53" (case-insensitive). */
  public static Architecture parse(String id) {
    for (Architecture a : values()) {
      if (a.id.equalsIgnoreCase(id) || a.name().equalsIgnoreCase(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown model '" + id + "' (use cnn or darknet53)");
  }

  /**
   * The vertex whose output Grad-CAM explains: the simple CNN's third convolution (after its ReLU,
   * before pooling), DarkNet-53's last residual stage (the sum closing its last block).
   */
  public String lastConvBlock() {
    return switch (this) {
      case CNN -> "conv3";
      case DARKNET53 ->
          "s"
              + DarkNet53.BLOCKS.length
              + "_b"
              + DarkNet53.BLOCKS[DarkNet53.BLOCKS.length - 1]
              + "_add";
    };
  }

  /**
   * Keep each convolution's output from the forward pass for the backward pass: DL4J's default
   * ({@code NONE}) runs every convolution a second time during backpropagation.
   */
  private static final CacheMode TRAINING_CACHE = CacheMode.DEVICE;

  /**
   * Makes a network that is about to be trained keep its forward results for the backward pass, as
   * networks built by {@link #create} do; for a checkpoint written by an earlier version, whose
   * stored configuration recomputes them. Outputs and gradients are unchanged.
   */
  public static void cacheForTraining(ComputationGraph net) {
    net.getConfiguration().setCacheMode(TRAINING_CACHE);
    net.setCacheMode(TRAINING_CACHE);
  }

  /** Builds and initialises the trainable network, Adam with the given learning rate. */
  public ComputationGraph create(NetworkShape shape, long seed, double learningRate) {
    ComputationGraph net = new ComputationGraph(configure(shape, seed, learningRate, false));
    net.init();
    return net;
  }

  /**
   * Builds the inference twin (see {@link GraphLayers}): no batch norm, no dropout, no workspaces,
   * so that input gradients can be read after a backward pass.
   */
  ComputationGraph createTwin(NetworkShape shape) {
    ComputationGraph net = new ComputationGraph(configure(shape, 0, 1e-3, true));
    net.init();
    return net;
  }

  /** The trainable network's configuration, to check a stored network against. */
  ComputationGraphConfiguration configuration(NetworkShape shape) {
    return configure(shape, 0, 1e-3, false);
  }

  private ComputationGraphConfiguration configure(
      NetworkShape shape, long seed, double lr, boolean twin) {
    var graph =
        new NeuralNetConfiguration.Builder()
            .seed(seed)
            .dataType(DataType.FLOAT)
            .weightInit(WeightInit.RELU)
            .updater(new Adam(lr))
            .trainingWorkspaceMode(twin ? WorkspaceMode.NONE : WorkspaceMode.ENABLED)
            .inferenceWorkspaceMode(twin ? WorkspaceMode.NONE : WorkspaceMode.ENABLED)
            .cacheMode(twin ? CacheMode.NONE : TRAINING_CACHE)
            .graphBuilder();
    GraphLayers layers = new GraphLayers(graph, twin);
    switch (this) {
      case CNN -> SimpleCnn.build(layers, shape);
      case DARKNET53 -> DarkNet53.build(layers, shape);
      default -> throw new IllegalStateException(name());
    }
    return graph.build();
  }

  @Override
  public String toString() {
    return displayName.toLowerCase(Locale.ROOT);
  }
}
