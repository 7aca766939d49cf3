package org.aslwb.model;

/**
 * What one training epoch measured; the model file keeps the whole history.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over the epoch
 * @param trainAccuracy training accuracy over the epoch (with augmentation and dropout active)
 * @param valLoss validation loss in inference mode (NaN without a validation split)
 * @param valAccuracy validation accuracy (NaN without a validation split)
 * @param learningRate learning rate used in the epoch
 * @param imagesPerSecond training throughput
 * @param seconds wall time of the epoch
 */
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double valLoss,
    double valAccuracy,
    double learningRate,
    double imagesPerSecond,
    double seconds) {}
