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
      ServerCommand.class,
      WorkerCommand.class
    })
public final class Mercury {
  /** Exit status for an execution that did not succeed. */
  static final int EXIT_FAILED = 1;

  /** Exit status for an invalid definition or invalid arguments. */
  static final int EXIT_INVALID = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    // picocli already exits with 2 (EXIT_INVALID) on invalid arguments.
    return new CommandLine(new Mercury()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
