package org.aslwb.cli;

import java.io.IOException;
import org.aslwb.data.UnreadableImageException;
import org.aslwb.model.ModelFileException;
import picocli.CommandLine;

/** Maps failures to the CLI contract: one line on stderr, exit 2 for bad input, 1 otherwise. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (isBadInput(e)) {
      System.err.println("aslwb: " + e.getMessage());
      return Aslwb.BAD_INPUT;
    }
    System.err.println("aslwb: failed: " + e);
    if (System.getenv("ASLWB_DEBUG") != null) {
      e.printStackTrace();
    }
    return 1;
  }

  static int onBadArguments(CommandLine.ParameterException e, String[] args) {
    System.err.println("aslwb: " + e.getMessage());
    e.getCommandLine().usage(System.err);
    return Aslwb.BAD_INPUT;
  }

  private static boolean isBadInput(Exception e) {
    return e instanceof IllegalArgumentException
        || e instanceof UnreadableImageException
        || e instanceof ModelFileException
        || e instanceof org.aslwb.model.keras.KerasImportException
        || e instanceof java.nio.file.NoSuchFileException
        || (e instanceof IOException
            && e.getMessage() != null
            && e.getMessage().contains("not a folder"));
  }
}
