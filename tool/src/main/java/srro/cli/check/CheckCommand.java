package srro.cli.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import srro.check.CrossCheck;
import srro.check.DeviceRefusal;
import srro.check.Report;
import srro.check.Skipped;
import srro.cli.BoundedInput;
import srro.cli.ExitCode;
import srro.cli.FstabFile;
import srro.cli.Io;
import srro.cli.Json;
import srro.cli.UsageException;
import srro.fstab.Dialect;
import srro.fstab.Entry;
import srro.fstab.MachineFacts;
import srro.mounts.Mount;
import srro.mounts.MountTable;
import srro.os.Host;
import srro.os.SpecResolver;
import srro.os.VolumeSource;
import srro.patch.DurableFiles;

/**
 * {@code srro check}: the operator's verdict for this machine (or for copies of another machine's fstab and
 * mount table). Reads fstab, the mount table and the volumes' read-only state, runs {@link CrossCheck}, and says
 * what it could not check. Native code (JNR) is loaded only to ask disks for MODE SENSE and, on OpenBSD, for
 * getfsstat(2), sysctl(2) and the bio(4) ioctls.
 */
@Command(
    name = "check",
    sortOptions = false,
    description = {
      "Are read-only volumes mounted read-only, with fs_passno 0 in fstab?",
      "Compares fstab, the mount table and the volumes as far as this machine and",
      "user allow, and says what it could not check.",
      "Exit 0 when no error was found, 1 when one was."
    })
public final class CheckCommand implements Callable<Integer> {
  @Option(names = "--fstab", paramLabel = "FILE", description = "Check this fstab instead of /etc/fstab.")
  Path fstab;

  @Option(
      names = "--mounts",
      paramLabel = "FILE",
      description =
          "Check this mount table (a copy of /proc/self/mountinfo or of mount(8) output, detected) instead of"
              + " this machine's; the volumes of this machine are then not compared.")
  Path mounts;

  @Option(names = "--dialect", paramLabel = "openbsd|linux", description = "Read fstab as this dialect.")
  Dialect dialect;

  @Option(
      names = "--fix",
      description = "Set fs_passno to 0 in the fstab where a rule says so (as srro fstab --fix).")
  boolean fix;

  @Option(names = "--json", description = "Print one JSON document (schema srro-check/2) for fleets.")
  boolean json;

  @Option(
      names = "--prometheus",
      arity = "0..1",
      paramLabel = "FILE",
      fallbackValue = "-",
      description =
          "Write the verdict as node_exporter textfile metrics to FILE (atomically; a symlink is refused), or"
              + " to standard output without FILE or with -.")
  String prometheus;

  private final Io io;
  private final Host host;

  /** Checks {@code host}: the machine srro runs on, or one a test hands in. */
  public CheckCommand(Io io, Host host) {
    this.io = io;
    this.host = host;
  }

  @Override
  public Integer call() throws Exception {
    if ("-".equals(prometheus) && json) {
      throw new UsageException("--prometheus without FILE prints to standard output, and so does --json: give"
          + " --prometheus a FILE");
    }
    List<Skipped> skipped = new ArrayList<>();
    FstabFile f = readFstab(skipped);
    MountTable table = mounts != null ? MountTable.parse(mounts.toString(), readLimited(mounts))
        : host.mounts(skipped);
    List<srro.mounts.Volume> volumes = null;
    List<DeviceRefusal> refused = List.of();
    if (mounts != null) {
      skipped.add(new Skipped("volumes", "--mounts names a copy of another machine's table; volumes not compared"));
    } else {
      VolumeSource.Reading r = host.volumes(skipped);
      volumes = r == null ? null : r.volumes();
      refused = r == null ? List.of() : r.refused();
    }
    SpecResolver resolver = host.resolver();
    if (f != null && volumes != null && !resolver.resolvesTags() && hasTags(f)) {
      skipped.add(
          new Skipped(
              "spec-resolution",
              "/dev/disk/by-* is missing (no udev): UUID=/LABEL= entries are not resolved or matched with"
                  + " volumes"));
    }
    MachineFacts names = MachineFacts.NONE;
    if (mounts != null) {
      skipped.add(new Skipped("names", "--mounts names another machine's table; fstab's names are not looked up"
          + " here"));
    } else {
      names = host.fstabNames();
    }
    // Hints name this system's commands; for another machine's copies, the commands of the fstab's system.
    Dialect system = mounts != null ? null : host.os() == Host.Os.OPENBSD ? Dialect.OPENBSD : Dialect.LINUX;
    String host = thisHost();
    Report report =
        CrossCheck.run(
            host,
            new CrossCheck.Views(f == null ? null : f.fstab(), table, volumes, resolver, names, system, refused),
            skipped);
    FstabFile.Fixed fixed = null;
    if (fix && f != null) {
      fixed = f.fix(report.findings());
      f = fixed.after();
      report = CrossCheck.run(
          host, new CrossCheck.Views(f.fstab(), table, volumes, resolver, names, system, refused), skipped);
    } else if (fix) {
      throw new UsageException("--fix needs an fstab, and none was read");
    }
    if (prometheus != null) {
      String metrics = CheckMetrics.render(report, volumes);
      if (prometheus.equals("-")) {
        io.out().print(metrics);
        io.out().flush();
        return report.ok() ? ExitCode.OK.status() : ExitCode.NO.status();
      }
      // node_exporter runs as another user: a new file is 0644; an existing one keeps its mode
      try (DurableFiles.Output out = DurableFiles.create(Path.of(prometheus), false,
          PosixFilePermissions.fromString("rw-r--r--"))) {
        out.stream().write(metrics.getBytes(StandardCharsets.UTF_8));
        out.commit();
      }
    }
    if (json) {
      Json.Obj o = CheckJson.json(report).put("fstab", f == null ? null : f.path().toString());
      o.put("mounts", table == null ? null : table.source());
      o.put("fix", fixed == null ? null : FstabFile.json(fixed));
      o.put("volumes", volumes == null ? null : CheckJson.volumes(volumes));
      io.out().println(o);
    } else {
      if (volumes != null) {
        CheckText.readOnlyVolumes(io.out(), volumes);
        CheckText.stacks(io.out(), volumes);
      }
      CheckText.text(io.out(), report, targets(f, table), f == null ? "fstab" : f.path().toString());
      if (fixed != null) {
        FstabFile.text(io.out(), fixed);
      }
    }
    return report.ok() ? ExitCode.OK.status() : ExitCode.NO.status();
  }

  private FstabFile readFstab(List<Skipped> skipped) throws Exception {
    Path p = fstab == null ? FstabFile.DEFAULT : fstab;
    try {
      return FstabFile.read(p, dialect, host.fstabDialect());
    } catch (NoSuchFileException | AccessDeniedException e) {
      if (fstab != null) {
        throw e;
      }
      String why = e instanceof NoSuchFileException ? "not found" : "permission denied";
      skipped.add(new Skipped("fstab", p + ": " + why));
      return null;
    }
  }

  private static byte[] readLimited(Path p) throws IOException {
    try (InputStream in = BoundedInput.open(p)) {
      return in.readNBytes(MountTable.MAX_BYTES + 1);
    }
  }

  private static boolean hasTags(FstabFile f) {
    for (Entry e : f.fstab().entries()) {
      if (SpecResolver.isTag(e.spec())) {
        return true;
      }
    }
    return false;
  }

  /** The fstab entries, then every mounted block device, in order: the report lists each with its verdict. */
  private static List<String> targets(FstabFile f, MountTable table) {
    LinkedHashSet<String> t = new LinkedHashSet<>();
    if (f != null) {
      t.addAll(f.targets());
    }
    if (table != null) {
      for (Mount m : table.mounts()) {
        if (m.device().startsWith("/dev/")) {
          t.add(m.mountPoint());
        }
      }
    }
    return new ArrayList<>(t);
  }

  /** The name of the machine srro runs on, for the report's {@code host}. */
  public static String thisHost() {
    try {
      Path p = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(p)) {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).strip();
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
