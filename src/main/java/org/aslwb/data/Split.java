package org.aslwb.data;

/**
 * Sample indices of a training and a validation split; no index is in both.
 *
 * @param train indices for training
 * @param validation indices held out
 * @param method how validation was held out ("frames", "random" or "blocks:N"; never "auto")
 * @param description how it was made (method, fraction, seed), for the model file
 * @param reason why this method was used, in words (the auto-detection's answer), for logs
 */
public record Split(
    int[] train, int[] validation, SplitMethod method, String description, String reason) {}
