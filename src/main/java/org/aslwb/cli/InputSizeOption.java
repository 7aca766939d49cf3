package org.aslwb.cli;

import picocli.CommandLine.Option;

/** The benchmarks' {@code --size}: the side of the square model input, in pixels. */
final class InputSizeOption {
  @Option(
      names = "--size",
      defaultValue = "64",
      description = "input size in pixels (default: ${DEFAULT-VALUE})")
  int size;
}
