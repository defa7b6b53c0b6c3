package srro.cli.fstab;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import srro.cli.FieldRef;
import srro.cli.Io;
import srro.cli.Specs;
import srro.os.Host;

/**
 * {@code srro fstab}'s picocli model built with picocli's programmatic API: the annotations on
 * {@link FstabCommand} stay the reference, and ProgrammaticSpecTest checks that this model is the one picocli
 * builds from them (names, arity, labels, descriptions, usage help). Reading them on every run cost more than
 * the lint (docs/benchmarks.md).
 */
public final class FstabSpec {
  private FstabSpec() {}

  /** The model of a new {@code srro fstab} command on {@code host}. */
  public static CommandSpec of(Io io, Host host) {
    FstabCommand c = new FstabCommand(io, host);
    CommandSpec s = Specs.command(c, "fstab",
        "Check an fstab(5) file (OpenBSD or Linux); --fix sets fs_passno 0.",
        "The fix is atomic, keeps FILE" + srro.patch.DurableFiles.BACKUP_SUFFIX + " and changes no other byte.",
        "Exit 0 when no error remains, 1 when one does.");
    s.addPositional(FieldRef.bind(PositionalParamSpec.builder(), c, "file")
        .arity("0..1")
        .paramLabel("FILE")
        .description("The fstab file (default /etc/fstab).")
        .build());
    s.addOption(FieldRef.option(c, "fix", "--fix", "Set fs_passno to 0 on the lines a rule flags; write atomically.")
        .build());
    s.addOption(FieldRef.option(c, "dialect", "--dialect", "Read the file as this dialect instead of detecting it.")
        .paramLabel("openbsd|linux")
        .build());
    s.addOption(FieldRef.option(c, "json", "--json", "Print one JSON document (schema srro-fstab/1).").build());
    s.addOption(FieldRef.option(c, "offline", "--offline",
            "Do not look the file's names up on this machine (sources, mount points, file system types), for a"
                + " copy of another machine's fstab.")
        .build());
    return s;
  }
}
