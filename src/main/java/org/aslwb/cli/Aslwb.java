package org.aslwb.cli;

import org.aslwb.trust.SerialisationGuard;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aslwb}: the workbench's command line, the same services as the GUI. */
@Command(
    name = "aslwb",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Train, evaluate, attack and explain an image classifier (ASL alphabet).",
    subcommands = {
      DatasetCommand.class,
      SynthCommand.class,
      TrainCommand.class,
      ImportCommand.class,
      PredictCommand.class,
      EvaluateCommand.class,
      AttackCommand.class,
      ExplainCommand.class,
      ReportCommand.class,
      BenchCommand.class,
      GuiCommand.class,
      CompletionCommand.class
    })
public final class Aslwb {
  /** Exit code for bad arguments or unusable input. */
  public static final int BAD_INPUT = 2;

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns the exit code (tests call this). */
  public static int run(String... args) {
    SerialisationGuard.install();
    CommandLine cli = commandLine();
    cli.setExecutionExceptionHandler(new CliErrors());
    cli.setParameterExceptionHandler(CliErrors::onBadArguments);
    return cli.execute(args);
  }

  /**
   * The command tree, every command and subcommand with picocli's standard {@code --help} and
   * {@code --version} (so a command's help works without its required options).
   */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Aslwb());
    withStandardHelp(cli);
    return cli;
  }

  private static void withStandardHelp(CommandLine command) {
    command.getCommandSpec().mixinStandardHelpOptions(true);
    command.getCommandSpec().versionProvider(new VersionProvider());
    command.getSubcommands().values().forEach(Aslwb::withStandardHelp);
  }
}
