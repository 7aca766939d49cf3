/**
 * The one class kept under ND4J's old package name so that DL4J 1.0.0-M2.1 finds its oneDNN switch;
 * see {@link org.nd4j.nativeblas.Nd4jCpu}.
 */
package org.nd4j.nativeblas;
