package dev.mercury.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mercury} command. */
@Command(
    name = "mercury",
    mixinStandardHelpOptions = true,
    version = "mercury 0.1.0",
    description = "Runs Amazon States Language workflows anywhere.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      GraphCommand.class,
      ServerCommand.class,
      WorkerCommand.class,
      BridgeCommand.class
    })
public final class Mercury {
  /** Exit status for an execution that did not succeed. */
  static final int EXIT_FAILED = 1;

  /** Exit status for an invalid definition or invalid arguments. */
  static final int EXIT_INVALID = 2;

  public static void main(String[] args) {
    quietUnlessServing(args);
    System.exit(commandLine().execute(args));
  }

  /**
   * Long-running commands log lifecycle lines at INFO; one-shot commands print their own report and
   * log only warnings. MERCURY_LOG_LEVEL overrides both.
   */
  private static void quietUnlessServing(String[] args) {
    String level = System.getenv("MERCURY_LOG_LEVEL");
    if (level == null) {
      boolean serving = args.length > 0 && (args[0].equals("server") || args[0].equals("worker"));
      level = serving ? "info" : "warn";
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
  }

  static CommandLine commandLine() {
    // picocli already exits with 2 (EXIT_INVALID) on invalid arguments.
    return new CommandLine(new Mercury())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(Mercury::invalidArguments);
  }

  /**
   * Says what is wrong and where the options are, without the whole usage text, which would push
   * the one line that matters off the screen.
   */
  private static int invalidArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    java.io.PrintWriter err = command.getErr();
    err.println(command.getColorScheme().errorText(e.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.printf("Run '%s --help' for its options.%n", command.getCommandSpec().qualifiedName());
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}
