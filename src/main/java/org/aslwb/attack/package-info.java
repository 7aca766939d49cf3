/**
 * FGSM and the iterative attacks (BIM, PGD) and robustness sweeps, all through the {@link
 * org.aslwb.model.Classifier} seam.
 */
package org.aslwb.attack;
