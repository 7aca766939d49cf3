/** Predictions, confusion matrices and per-class metrics. */
package org.aslwb.evaluation;
