/**
 * The files the workbench writes, one writer per artefact ({@code curve.csv}, {@code
 * confusion.csv}, {@code per_class.csv}, {@code weights.json} and the PNG figures), shared by the
 * CLI, the GUI and the HTML report so that the three never write different layouts.
 */
package org.aslwb.export;
