package org.aslwb.data;

import java.nio.file.Path;

/**
 * One image file of a data set and its class.
 *
 * @param file the image file
 * @param label index into the data set's class names
 */
public record LabeledFile(Path file, int label) {}
