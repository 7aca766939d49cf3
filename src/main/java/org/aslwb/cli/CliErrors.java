package org.aslwb.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aslwb.data.UnreadableImageException;
import org.aslwb.model.ModelFileException;
import picocli.CommandLine;

/**
 * Maps failures to the CLI contract: one line on stderr, exit 2 for bad input, 1 otherwise; with
 * {@code --json} also one JSON object {@code {"error": ..., "exit_code": ...}} on stdout, so that
 * scripts reading stdout see the failure too.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
  private static final String JSON_OPTION = "--json";

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    String message;
    int code;
    if (isBadInput(e)) {
      message = e.getMessage();
      code = Aslwb.BAD_INPUT;
      System.err.println("aslwb: " + message);
    } else {
      message = "failed: " + e;
      code = 1;
      System.err.println("aslwb: " + message);
      if (System.getenv("ASLWB_DEBUG") != null) {
        e.printStackTrace();
      }
    }
    if (asksForJson(parsed)) {
      printJson(message, code);
    }
    return code;
  }

  static int onBadArguments(CommandLine.ParameterException e, String[] args) {
    System.err.println("aslwb: " + e.getMessage());
    e.getCommandLine().usage(System.err);
    // the parse failed, so the words on the command line are all there is to go by
    if (Arrays.asList(args).contains(JSON_OPTION)) {
      printJson(e.getMessage(), Aslwb.BAD_INPUT);
    }
    return Aslwb.BAD_INPUT;
  }

  private static boolean asksForJson(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(JSON_OPTION)) {
        return true;
      }
    }
    return false;
  }

  private static void printJson(String message, int code) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("error", message);
    error.put("exit_code", code);
    Output.json(error);
  }

  private static boolean isBadInput(Exception e) {
    return e instanceof IllegalArgumentException
        || e instanceof UnreadableImageException
        || e instanceof ModelFileException
        || e instanceof org.aslwb.model.keras.KerasImportException
        || e instanceof java.nio.file.NoSuchFileException;
  }
}
