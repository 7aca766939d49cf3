package org.aslwb.data;

/**
 * Sample indices of a training and a validation split; no index is in both.
 *
 * @param train indices for training
 * @param validation indices held out
 * @param description how it was made (method, fraction, seed), for the model file
 */
public record Split(int[] train, int[] validation, String description) {}
