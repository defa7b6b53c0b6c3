package srro.cli.fstab;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import srro.check.Report;
import srro.check.Skipped;
import srro.cli.ExitCode;
import srro.cli.FstabFile;
import srro.cli.Io;
import srro.cli.Json;
import srro.cli.check.CheckCommand;
import srro.cli.check.CheckJson;
import srro.cli.check.CheckText;
import srro.findings.Finding;
import srro.fstab.Dialect;
import srro.fstab.FstabLint;
import srro.fstab.MachineFacts;
import srro.fstab.VolumeFacts;
import srro.os.Host;

/**
 * {@code srro fstab [--fix] [--offline] [FILE]}: lints an fstab(5) file, looks its names up on this machine as
 * findmnt --verify does (unless --offline), and optionally sets fs_passno to 0.
 */
@Command(
    name = "fstab",
    sortOptions = false,
    description = {
      "Check an fstab(5) file (OpenBSD or Linux); --fix sets fs_passno 0.",
      "The fix is atomic, keeps FILE" + srro.patch.DurableFiles.BACKUP_SUFFIX + " and changes no other byte.",
      "Exit 0 when no error remains, 1 when one does."
    })
public final class FstabCommand implements Callable<Integer> {
  static final String SCHEMA = "srro-fstab/1";

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "The fstab file (default /etc/fstab).")
  Path file = FstabFile.DEFAULT;

  @Option(names = "--fix", description = "Set fs_passno to 0 on the lines a rule flags; write atomically.")
  boolean fix;

  @Option(
      names = "--dialect",
      paramLabel = "openbsd|linux",
      description = "Read the file as this dialect instead of detecting it.")
  Dialect dialect;

  @Option(names = "--json", description = "Print one JSON document (schema srro-fstab/1).")
  boolean json;

  @Option(
      names = "--offline",
      description =
          "Do not look the file's names up on this machine (sources, mount points, file system types), for a"
              + " copy of another machine's fstab.")
  boolean offline;

  private final Io io;
  private final Host host;

  FstabCommand(Io io, Host host) {
    this.io = io;
    this.host = host;
  }

  @Override
  public Integer call() throws Exception {
    FstabFile f = FstabFile.read(file, dialect, host.fstabDialect());
    MachineFacts names = offline ? MachineFacts.NONE : host.fstabNames();
    List<Finding> findings = FstabLint.lint(f.fstab(), VolumeFacts.NONE, names);
    FstabFile.Fixed fixed = null;
    if (fix) {
      fixed = f.fix(findings);
      f = fixed.after();
      findings = FstabLint.lint(f.fstab(), VolumeFacts.NONE, names);
    }
    List<Skipped> skipped = names == MachineFacts.NONE
        ? List.of(new Skipped("names", offline ? "--offline: sources, mount points and types not looked up"
            : "no lookups on " + host.osName()))
        : List.of();
    Report report = new Report(CheckCommand.thisHost(), List.of("fstab"), skipped, findings);
    if (json) {
      Json.Obj o = CheckJson.json(SCHEMA, report).put("file", file.toString())
          .put("dialect", f.fstab().dialect().cliName());
      o.put("fix", fixed == null ? null : FstabFile.json(fixed));
      io.out().println(o);
    } else {
      io.out().println(file + ": " + f.fstab().dialect().cliName() + " fstab");
      CheckText.text(io.out(), report, f.targets(), "fstab");
      if (fixed != null) {
        FstabFile.text(io.out(), fixed);
      }
    }
    return report.ok() ? ExitCode.OK.status() : ExitCode.NO.status();
  }
}
