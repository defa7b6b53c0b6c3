package srro.cli.kit;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import srro.cli.ExitCode;
import srro.cli.Io;

/**
 * {@code srro kit}: the softraid read-only kits built into srro, one per supported OpenBSD release and one for
 * -current. The kit is picked from the tree's sys/conf/newvers.sh ({@link srro.kit.ReleaseGuard}); building
 * signs it with srro.signify, applying verifies it and hands it to srro.patch, directly.
 */
@Command(
    name = "kit",
    description = "Build, verify and apply the OpenBSD softraid read-only patch kits; check and roll back.",
    subcommands = {
      KitBuildCommand.class,
      KitApplyCommand.class,
      KitStatusCommand.class,
      KitRollbackCommand.class,
      KitRebuildStepsCommand.class
    })
public final class KitCommand implements Callable<Integer> {
  private final Io io;

  @Spec CommandSpec spec;

  KitCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(io.out());
    return ExitCode.USAGE.status();
  }

  /** For tests that build one subcommand with their own collaborators. */
  static CommandLine commandLine(Object subcommand, Io io) {
    CommandLine cl = new CommandLine(subcommand);
    cl.setOut(new java.io.PrintWriter(io.out(), true));
    cl.setErr(new java.io.PrintWriter(io.err(), true));
    return cl;
  }
}
