/**
 * The architectures (simple CNN, DarkNet-53), the engine start-up, the {@link
 * org.aslwb.model.Classifier} seam and the model store.
 */
package org.aslwb.model;
