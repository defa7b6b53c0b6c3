package srro.cli.check;

import picocli.CommandLine.Model.CommandSpec;
import srro.cli.FieldRef;
import srro.cli.Io;
import srro.cli.Specs;
import srro.os.Host;

/**
 * {@code srro check}'s picocli model built with picocli's programmatic API, as {@code FstabSpec} is for fstab:
 * the annotations on {@link CheckCommand} stay the reference, and ProgrammaticSpecTest checks that this model
 * is the one picocli builds from them. Reading them by reflection took about 50 ms of a check's 230
 * (docs/benchmarks.md).
 */
public final class CheckSpec {
  private CheckSpec() {}

  /** The model of a new {@code srro check} command on {@code host}. */
  public static CommandSpec of(Io io, Host host) {
    CheckCommand c = new CheckCommand(io, host);
    CommandSpec s = Specs.command(c, "check",
        "Are read-only volumes mounted read-only, with fs_passno 0 in fstab?",
        "Compares fstab, the mount table and the volumes as far as this machine and",
        "user allow, and says what it could not check.",
        "Exit 0 when no error was found, 1 when one was.");
    s.addOption(FieldRef.option(c, "fstab", "--fstab", "Check this fstab instead of /etc/fstab.")
        .paramLabel("FILE")
        .build());
    s.addOption(FieldRef.option(c, "mounts", "--mounts",
            "Check this mount table (a copy of /proc/self/mountinfo or of mount(8) output, detected) instead of"
                + " this machine's; the volumes of this machine are then not compared.")
        .paramLabel("FILE")
        .build());
    s.addOption(FieldRef.option(c, "dialect", "--dialect", "Read fstab as this dialect.")
        .paramLabel("openbsd|linux")
        .build());
    s.addOption(FieldRef.option(c, "fix", "--fix",
            "Set fs_passno to 0 in the fstab where a rule says so (as srro fstab --fix).")
        .build());
    s.addOption(FieldRef.option(c, "json", "--json", "Print one JSON document (schema srro-check/2) for fleets.")
        .build());
    s.addOption(FieldRef.option(c, "prometheus", "--prometheus",
            "Write the verdict as node_exporter textfile metrics to FILE (atomically; a symlink is refused), or"
                + " to standard output without FILE or with -.")
        .arity("0..1")
        .paramLabel("FILE")
        .fallbackValue("-")
        .build());
    return s;
  }
}
