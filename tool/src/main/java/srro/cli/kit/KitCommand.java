package srro.cli.kit;

import picocli.CommandLine.Command;
import srro.cli.CommandGroup;
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
public final class KitCommand extends CommandGroup {
  KitCommand(Io io) {
    super(io);
  }
}
