package org.aslwb.cli;

import org.aslwb.model.Backend;
import org.aslwb.trust.SerialisationGuard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

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
      CalibrateCommand.class,
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

  /** Chooses the engine's backend before any command starts it (every command takes it). */
  @Option(
      names = "--backend",
      scope = ScopeType.INHERIT,
      paramLabel = "cpu|cuda",
      description =
          "where ND4J computes: cpu (default) or cuda (a build made with mvn -Pcuda, on an NVIDIA"
              + " GPU); also ASLWB_BACKEND")
  void backend(Backend backend) {
    System.setProperty(Backend.PROPERTY, backend.id());
  }

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

  private static Integer count(String text) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
    }
    if (value < 0) {
      throw new CommandLine.TypeConversionException("'" + text + "' is negative");
    }
    return value;
  }

  private static Double finiteNumber(String text) {
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a finite number");
    }
    return value;
  }

  /**
   * The command tree, every command and subcommand with picocli's standard {@code --help} and
   * {@code --version} (so a command's help works without its required options).
   */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Aslwb());
    withStandardHelp(cli);
    // NaN and the infinities parse as doubles but are never a valid setting of any command, and
    // every int option is a count or a size; the settings records check the ranges themselves
    cli.registerConverter(Double.class, Aslwb::finiteNumber);
    cli.registerConverter(Double.TYPE, Aslwb::finiteNumber);
    cli.registerConverter(Integer.class, Aslwb::count);
    cli.registerConverter(Integer.TYPE, Aslwb::count);
    cli.registerConverter(
        Backend.class,
        text -> {
          try {
            return Backend.parse(text, "--backend");
          } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not cpu or cuda");
          }
        });
    return cli;
  }

  private static void withStandardHelp(CommandLine command) {
    command.getCommandSpec().mixinStandardHelpOptions(true);
    command.getCommandSpec().versionProvider(new VersionProvider());
    command.getSubcommands().values().forEach(Aslwb::withStandardHelp);
  }
}
