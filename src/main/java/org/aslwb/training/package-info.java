/** The training service: configuration, schedules, early stopping, checkpoints and progress. */
package org.aslwb.training;
