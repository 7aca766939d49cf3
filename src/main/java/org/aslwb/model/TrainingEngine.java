package org.aslwb.model;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fits a network batch by batch: Adam on the softmax cross-entropy, batch norm with the batch's
 * statistics, dropout. Between {@link #startEpoch} and {@link #finishEpoch} the engine may keep the
 * weights and the optimiser state to itself; after {@code finishEpoch} the network holds them
 * (weights, Adam's moments, batch-norm statistics, iteration count), so that it can be scored,
 * saved and resumed as one DL4J trained.
 */
public interface TrainingEngine extends AutoCloseable {
  /**
   * The engine for {@code net}: oneDNN directly for our two architectures where this machine runs
   * it ({@code ASLWB_ONEDNN=off} keeps DL4J), DL4J's own {@code fit} otherwise.
   */
  static TrainingEngine of(ComputationGraph net, ModelMetadata metadata) {
    return metadata.isImported()
        ? new Dl4j(net)
        : of(net, Architecture.parse(metadata.architecture()), metadata.shape());
  }

  /** The engine for {@code net}, a network of {@code architecture} and {@code shape}. */
  static TrainingEngine of(ComputationGraph net, Architecture architecture, NetworkShape shape) {
    if (OnednnNetwork.wanted()) {
      TrainingEngine direct = OnednnTraining.of(net, architecture, shape);
      if (direct != null) {
        return direct;
      }
    }
    return new Dl4j(net);
  }

  /**
   * Starts an epoch at learning rate {@code learningRate}; its dropout masks are drawn from {@code
   * seed}.
   */
  void startEpoch(double learningRate, long seed);

  /** One step of Adam on {@code batch}; returns the batch's mean loss before the step. */
  double fit(DataSet batch);

  /** Writes the weights and the optimiser state into the network. */
  void finishEpoch();

  /** What computes ("oneDNN directly" or "DL4J"), for the log. */
  String describe();

  @Override
  void close();

  /** DL4J's {@code ComputationGraph.fit}. */
  final class Dl4j implements TrainingEngine {
    private final ComputationGraph net;

    Dl4j(ComputationGraph net) {
      this.net = net;
    }

    @Override
    public void startEpoch(double learningRate, long seed) {
      net.setLearningRate(learningRate);
      // dropout draws from ND4J's (per-thread) random source
      Nd4j.getRandom().setSeed(seed);
    }

    @Override
    public double fit(DataSet batch) {
      net.fit(batch);
      return net.score();
    }

    @Override
    public void finishEpoch() {
      // DL4J trains the network in place
    }

    @Override
    public String describe() {
      return "DL4J";
    }

    @Override
    public void close() {
      // nothing of its own
    }
  }
}
