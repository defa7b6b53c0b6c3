package srro.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import srro.kit.Kit;
import srro.kit.KitStatus;
import srro.kit.Release;
import srro.patch.Patchset;
import srro.patch.Plan;
import srro.patch.Transaction;
import srro.patch.Tree;

/**
 * {@code srro kit}: the OpenBSD 7.7 softraid read-only kit. Building is {@code srro signify -S -e} over the
 * kit's diffs concatenated in order; applying is the release guard followed by {@code srro patch apply -k}
 * (verify, plan, all-or-nothing apply); rolling back is {@code srro patch rollback}. Only the release guard,
 * the tree status and the rebuild steps are the kit's own.
 */
@Command(
    name = "kit",
    description = "Build, verify and apply the OpenBSD 7.7 softraid read-only patch kit; check and roll back.",
    subcommands = {
      KitCommand.Build.class,
      KitCommand.Apply.class,
      KitCommand.Status.class,
      KitCommand.Rollback.class,
      KitCommand.RebuildSteps.class
    })
final class KitCommand implements Callable<Integer> {
  /** The release the kit is written for. */
  static final String RELEASE = "7.7";

  /** Set by the srro launcher to the checkout it runs from; the kit is under patches/openbsd-7.7 there. */
  static final String HOME_ENV = "SRRO_HOME";

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

  /** The kit directory: --kit, else $SRRO_HOME/patches/openbsd-7.7, else ./patches/openbsd-7.7. */
  static Path kitDir(Io io, Path given) {
    if (given != null) {
      return given;
    }
    String home = io.env().get(HOME_ENV);
    Path rel = Path.of("patches", "openbsd-" + RELEASE);
    return home == null || home.isEmpty() ? rel : Path.of(home).resolve(rel);
  }

  /** Runs another srro command line on the same streams, with -v carried over. */
  static int delegate(Io io, CommandSpec spec, byte[] stdin, List<String> args) {
    List<String> all = new ArrayList<>();
    if (spec.root().userObject() instanceof Main m && m.verbose) {
      all.add("-v");
    }
    all.addAll(args);
    Io sub = stdin == null ? io : new Io(new ByteArrayInputStream(stdin), io.out(), io.err(), io.env());
    return Main.run(all.toArray(String[]::new), sub);
  }

  /** Refuses a tree that is not {@link #RELEASE} (by sys/conf/newvers.sh) unless forced. */
  static void requireRelease(Path src, boolean force) throws IOException, UsageException, srro.MalformedInputException {
    if (force) {
      return;
    }
    Path newvers = src.resolve("sys/conf/newvers.sh");
    if (!Files.isRegularFile(newvers)) {
      throw new UsageException(newvers + ": missing, cannot tell the release; is " + src
          + " an OpenBSD source tree? (--force to apply anyway)");
    }
    if (Files.size(newvers) > Release.MAX_BYTES) {
      throw new UsageException(newvers + ": too large to be newvers.sh (--force to apply anyway)");
    }
    Release r = Release.parse(newvers.toString(), Files.readAllBytes(newvers));
    if (!r.name().equals(RELEASE)) {
      throw new UsageException(src + " is OpenBSD " + r.name() + ", the kit is for " + RELEASE
          + " (--force to apply anyway)");
    }
  }

  @Command(name = "build", description = "Sign the kit's diffs, in order, into one signify -e patchset.")
  static final class Build implements Callable<Integer> {
    private final Io io;

    @Spec CommandSpec spec;

    @Option(names = {"-s", "--key"}, paramLabel = "SECKEY", required = true, description = "signify secret key.")
    String secretKey;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        required = true,
        description = "The signed patchset, e.g. softraid_read_only_patchset_7.7.sig.")
    String output;

    @Option(names = "--kit", paramLabel = "DIR", description = "The kit directory (default: patches/openbsd-7.7).")
    Path kit;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the key's passphrase from FILE.")
    Path passphraseFile;

    Build(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() throws Exception {
      Kit k = Kit.load(kitDir(io, kit));
      byte[] patchset = k.patchset();
      Patchset.parse(k.source(), patchset);
      List<String> args = new ArrayList<>(List.of("signify", "-S", "-e", "-s", secretKey, "-m", "-", "-x", output));
      if (passphraseFile != null) {
        args.add("--passphrase-file");
        args.add(passphraseFile.toString());
      }
      int status = delegate(io, spec, patchset, args);
      if (status == ExitCode.OK.status()) {
        io.err().println("signed " + k.diffs().size() + " diffs from " + k.source() + " into " + output);
      }
      return status;
    }
  }

  @Command(
      name = "apply",
      description = "Verify the signed kit, check the release, and apply it all or nothing (srro patch apply).")
  static final class Apply implements Callable<Integer> {
    private final Io io;

    @Spec CommandSpec spec;

    @Option(names = {"-p", "--pubkey"}, paramLabel = "PUBKEY", required = true, description = "signify public key.")
    Path pubkey;

    @Option(names = {"-d", "--directory"}, paramLabel = "DIR", description = "The source tree (default /usr/src).")
    Path dir = Path.of("/usr/src");

    @Option(names = "--dry-run", description = "Verify and check, write nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Apply to a tree that is not OpenBSD 7.7.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Parameters(paramLabel = "KIT.sig", description = "The signed patchset from 'srro kit build'.")
    Path signed;

    Apply(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() throws Exception {
      requireRelease(dir, force);
      List<String> args = new ArrayList<>(List.of("patch", "apply", "-k", pubkey.toString(), "-d", dir.toString()));
      if (dryRun) {
        args.add("--dry-run");
      }
      if (json) {
        args.add("--json");
      }
      args.add(signed.toString());
      return delegate(io, spec, null, args);
    }
  }

  @Command(
      name = "status",
      description = "Say whether the tree is pristine 7.7, modified (errata or local changes) or already patched.")
  static final class Status implements Callable<Integer> {
    private final Io io;

    @Option(names = {"-d", "--directory"}, paramLabel = "DIR", description = "The source tree (default /usr/src).")
    Path dir = Path.of("/usr/src");

    @Option(names = "--kit", paramLabel = "DIR", description = "The kit directory (default: patches/openbsd-7.7).")
    Path kit;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    Status(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() throws Exception {
      Kit k = Kit.load(kitDir(io, kit));
      if (!Files.isDirectory(dir)) {
        throw new NoSuchFileException(dir.toString(), null, "not a directory");
      }
      Tree tree = Tree.open(dir);
      Transaction.requireNonePending(tree);
      Plan plan = Plan.of(Patchset.parse(k.source(), k.patchset()), 0, tree);
      KitStatus s = KitStatus.of(RELEASE, k.originals(), plan, tree);
      if (json) {
        List<Object> files = Json.array();
        for (KitStatus.FileState f : s.files()) {
          files.add(Json.object()
              .put("path", f.path())
              .put("state", f.state())
              .put("expected_revision", f.expectedRevision())
              .put("found_revision", f.foundRevision().orElse(null)));
        }
        io.out().println(Json.document("srro-kit-status/1")
            .put("directory", dir.toString())
            .put("summary", s.summary())
            .put("kit_applies", s.kitApplies())
            .put("files", files));
      } else {
        for (KitStatus.FileState f : s.files()) {
          String rev = f.foundRevision().map(r -> r.equals(f.expectedRevision()) ? "rev " + r
              : "rev " + r + ", kit expects " + f.expectedRevision()).orElse("no $OpenBSD$ line");
          io.out().printf("%-10s %s (%s)%n", f.state().name().toLowerCase(Locale.ROOT), f.path(), rev);
        }
        io.out().println(dir + ": " + s.summary()
            + (s.kitApplies() ? "; the kit applies" : plan.alreadyApplied() ? "" : "; the kit does not apply"));
      }
      return s.kitApplies() || plan.alreadyApplied() ? ExitCode.OK.status() : ExitCode.NO.status();
    }
  }

  @Command(name = "rollback", description = "Restore the files the last kit apply changed (srro patch rollback).")
  static final class Rollback implements Callable<Integer> {
    private final Io io;

    @Spec CommandSpec spec;

    @Option(names = {"-d", "--directory"}, paramLabel = "DIR", description = "The source tree (default /usr/src).")
    Path dir = Path.of("/usr/src");

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    Rollback(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      List<String> args = new ArrayList<>(List.of("patch", "rollback", "-d", dir.toString()));
      if (json) {
        args.add("--json");
      }
      return delegate(io, spec, null, args);
    }
  }

  @Command(
      name = "rebuild-steps",
      description = "Print the commands that rebuild and install the patched kernel, scsi(8) and bioctl(8).")
  static final class RebuildSteps implements Callable<Integer> {
    private final Io io;

    @Option(names = {"-d", "--directory"}, paramLabel = "DIR", description = "The source tree (default /usr/src).")
    Path dir = Path.of("/usr/src");

    @Option(names = "--run", description = "Run them (OpenBSD only, as root), stopping at the first failure.")
    boolean run;

    RebuildSteps(Io io) {
      this.io = io;
    }

    /** The steps, as the kit README gives them; each runs in its own sh -c. */
    static List<String> steps(Path src) {
      String s = src.toString();
      return List.of(
          "cd " + s + "/sys/arch/$(machine)/compile/GENERIC.MP && make obj && make config && make && make install",
          "cd " + s + "/sbin/scsi && make obj && make && make install",
          "cd " + s + "/sbin/bioctl && make obj && make && make install");
    }

    @Override
    public Integer call() throws Exception {
      List<String> steps = steps(dir);
      if (!run) {
        steps.forEach(io.out()::println);
        io.out().println("# then reboot into the new kernel");
        return ExitCode.OK.status();
      }
      if (!System.getProperty("os.name", "").equals("OpenBSD")) {
        throw new UsageException("--run rebuilds OpenBSD itself and works only on OpenBSD; this is "
            + System.getProperty("os.name"));
      }
      for (String step : steps) {
        io.out().println("+ " + step);
        Process p = new ProcessBuilder("/bin/sh", "-c", step).inheritIO().start();
        int status = p.waitFor();
        if (status != 0) {
          io.err().println("srro: rebuild step failed with status " + status + ": " + step);
          return ExitCode.NO.status();
        }
      }
      io.out().println("rebuilt; reboot into the new kernel");
      return ExitCode.OK.status();
    }
  }
}
