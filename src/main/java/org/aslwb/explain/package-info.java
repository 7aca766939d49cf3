/**
 * Quickshift segmentation and LIME explanations, through the {@link org.aslwb.model.Classifier}
 * seam.
 */
package org.aslwb.explain;
