/**
 * Importing Keras HDF5 models (Sequential and functional, nested models flattened) through DL4J's
 * Keras import, with an allow-list of layer types: no code from the file runs.
 */
package org.aslwb.model.keras;
