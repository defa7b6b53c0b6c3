package srro.cli.patch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import srro.MalformedInputException;
import srro.cli.ArchiveSource;
import srro.cli.CommandGroup;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.cli.Json;
import srro.cli.Refusal;
import srro.cli.UsageException;
import srro.patch.Patchset;
import srro.patch.Plan;
import srro.patch.Transaction;
import srro.os.NativeSha256;
import srro.patch.Tree;

/** {@code srro patch}: verify, check and apply unified diffs all or nothing, with recovery and rollback. */
@Command(
    name = "patch",
    description = PatchCommand.ABOUT,
    subcommands = {
      PatchCommand.Apply.class,
      PatchCommand.Status.class,
      PatchCommand.Recover.class,
      PatchCommand.Rollback.class
    })
public final class PatchCommand extends CommandGroup {
  static final String ABOUT =
      "Apply unified diffs all or nothing, recoverably; check them against a tree or a tarball.";

  PatchCommand(Io io) {
    super(io);
  }

  /**
   * Prints what {@code plan} does: the srro-patch/1 document ({@link PatchJson}) or patch(1)'s lines ({@link
   * PatchText}). {@code operation} is "apply" or "status"; {@code verb} starts each file's text line.
   */
  public static void report(Io io, boolean json, String operation, Plan plan, String verb, List<String> written) {
    if (json) {
      io.out().println(PatchJson.document(plan, operation, written));
    } else {
      PatchText.print(io.out(), plan, verb, written);
    }
  }

  /** Options shared by apply and status. */
  static class DiffOptions {
    @Option(
        names = {"-p", "--strip"},
        paramLabel = "N",
        description = "Strip N leading path components from names in the diff (default 0, as errata use).")
    int strip;

    @Option(
        names = {"-k", "--key"},
        paramLabel = "KEY",
        description = "signify public key: every FILE must be a signify -e signed diff and verify with it.")
    Path key;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Unified diffs (or signify -e signed diffs).")
    List<Path> files = new ArrayList<>();

    /** Parses every FILE into one patchset; signed files are verified first. */
    Patchset load(SignedDiff.Verifier verifier)
        throws IOException, MalformedInputException, UsageException, VerificationFailed {
      return parse(read(verifier));
    }

    /**
     * Reads every FILE, in order, verifying the signed ones; the first that cannot be read or verified stops
     * there and is kept, so {@link #parse} reports the errors in the order {@code load} always did (a diff that
     * does not parse before a later file that cannot be read).
     */
    Read read(SignedDiff.Verifier verifier) throws UsageException {
      if (strip < 0 || strip > 1000) {
        throw new UsageException("-p must be between 0 and 1000");
      }
      List<byte[]> messages = new ArrayList<>();
      for (Path f : files) {
        try {
          byte[] bytes = SignedDiff.read(f);
          if (SignedDiff.isSigned(bytes)) {
            if (key == null) {
              throw new UsageException(f + " is signed: give the public key with -k KEY");
            }
            bytes = verifier.verifiedMessage(f.toString(), bytes, key);
          } else if (key != null) {
            throw new VerificationFailed(f + ": not signed (expected '" + SignedDiff.UNTRUSTED.strip()
                + "' first) but -k was given; nothing was applied");
          }
          messages.add(bytes);
        } catch (IOException | MalformedInputException | UsageException | VerificationFailed e) {
          return new Read(messages, e);
        }
      }
      return new Read(messages, null);
    }

    /** The diffs' bytes as read, then parsed into one patchset, or the failure that stopped the reading. */
    Patchset parse(Read read) throws IOException, MalformedInputException, UsageException, VerificationFailed {
      List<Patchset> parts = new ArrayList<>();
      for (int i = 0; i < read.messages().size(); i++) {
        parts.add(Patchset.parse(files.get(i).toString(), read.messages().get(i)));
      }
      Exception e = read.failure();
      if (e instanceof IOException x) {
        throw x;
      } else if (e instanceof MalformedInputException x) {
        throw x;
      } else if (e instanceof UsageException x) {
        throw x;
      } else if (e instanceof VerificationFailed x) {
        throw x;
      }
      return Patchset.concat(parts);
    }
  }

  /** The diffs read (and verified) before {@code failure}, or all of them when it is null. */
  record Read(List<byte[]> messages, Exception failure) {}

  /** A signature did not verify, or a file that had to be signed was not: the check said no. */
  static final class VerificationFailed extends Refusal {
    private static final long serialVersionUID = 1L;

    VerificationFailed(String message) {
      super(message);
    }
  }

  @Command(name = "apply", description = Apply.ABOUT)
  static final class Apply implements Callable<Integer> {
    static final String ABOUT = "Apply every FILE to the tree all or nothing, keeping .orig backups.";

    private final Io io;

    @Option(
        names = {"-d", "--directory"},
        paramLabel = "DIR",
        description = "The tree to patch (default: the current directory).")
    Path dir = Path.of(".");

    @Option(names = "--dry-run", description = "Check and report, write nothing.")
    boolean dryRun;

    @CommandLine.Mixin DiffOptionsMixin options;

    Apply(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() throws Exception {
      return hashing(() -> { // libcrypto ready, on a helper thread, by the time the plan hashes the tree
        Tree tree = Tree.open(dir);
        Transaction.requireNonePending(tree);
        Patchset patchset = options.load(SignedDiff.SIGNIFY);
        Plan plan = Plan.of(patchset, options.strip, tree);
        boolean write = plan.applies() && !dryRun;
        List<String> written = List.of();
        if (write) {
          var changes = plan.changes(tree);
          Transaction.apply(tree, changes);
          written = changes.stream().map(c -> c.path()).toList();
        }
        report(io, options.json, "apply", plan, dryRun ? "checking" : "patching", written);
        return plan.applies() ? ExitCode.OK.status() : ExitCode.NO.status();
      });
    }
  }

  /** How long a patch command waits, before it returns, for libcrypto's loading to finish (it takes ~0.1 s). */
  static final java.time.Duration LOAD_WAIT = java.time.Duration.ofSeconds(2);

  /**
   * Runs {@code work}, a command that hashes every file it changes, with libcrypto's SHA-256 loading beside it
   * (NativeSha256), and waits for that loading before returning: an early exit must not cut the unpacking of
   * jffi's stub short.
   */
  static Integer hashing(Callable<Integer> work) throws Exception {
    NativeSha256.startInBackground();
    try {
      return work.call();
    } finally {
      NativeSha256.awaitLoaded(LOAD_WAIT);
    }
  }

  @Command(name = "status", description = Status.ABOUT)
  static final class Status implements Callable<Integer> {
    static final String ABOUT = "Say for every file and hunk whether it applies, is already applied or conflicts.";

    private final Io io;

    @Option(
        names = {"-d", "--directory"},
        paramLabel = "DIR",
        description = "The tree to check (default: the current directory).")
    Path dir;

    @Option(
        names = "--archive",
        paramLabel = "TARBALL",
        description = "Check against the entries of a .tar.gz (src.tar.gz, sys.tar.gz) without extracting it.")
    Path archive;

    @CommandLine.Mixin DiffOptionsMixin options;

    Status(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() throws Exception {
      if (dir != null && archive != null) {
        throw new UsageException("give -d DIR or --archive TARBALL, not both");
      }
      PatchCommand.Read read = options.read(SignedDiff.SIGNIFY);
      ArchiveSource.Reading reading = null;
      if (archive != null && read.failure() == null) {
        // The archive is read on a thread of its own while the diffs are parsed here, for every name their
        // header lines could give; the diffs' errors still come first, then the archive's.
        boolean tty = System.console() != null && io.err() == System.err;
        List<byte[]> all = read.messages();
        int pStrip = options.strip;
        reading = ArchiveSource.start(archive, () -> {
          java.util.Set<String> kept = new java.util.HashSet<>();
          for (byte[] d : all) {
            kept.addAll(Plan.candidates(d, pStrip));
          }
          return kept;
        }, tty ? io.err() : null);
      }
      Patchset patchset;
      try {
        patchset = options.parse(read);
      } catch (Throwable t) { // the archive's pass is not wanted any more; the diff's error is the answer
        if (reading != null) {
          reading.cancel();
        }
        throw t;
      }
      Plan plan;
      int strip = options.strip;
      if (archive != null) {
        // Planned on the entries as they arrive when each file patch has one, kept only if the whole archive
        // gives the same answers (ArchiveSource.Reading.plan); reports only: no hashes needed.
        plan = reading.plan(Plan.candidates(patchset, strip), Plan.candidatesPerFile(patchset, strip),
            s -> Plan.check(patchset, strip, s));
      } else {
        Tree tree = Tree.open(dir == null ? Path.of(".") : dir);
        Transaction.requireNonePending(tree);
        plan = Plan.check(patchset, strip, tree); // reports only: no hashes needed
      }
      report(io, options.json, "status", plan, "checking", List.of());
      return plan.applies() ? ExitCode.OK.status() : ExitCode.NO.status();
    }
  }

  /**
   * The skeleton of recover and rollback: open the tree named by -d, do the one thing, then print its
   * outcome as one JSON document or as text.
   */
  abstract static class OnTree<R> implements Callable<Integer> {
    final Io io;

    @CommandLine.Mixin TreeOptions tree;

    OnTree(Io io) {
      this.io = io;
    }

    /** Does the work on {@code tree}. */
    abstract R run(Tree tree) throws Exception;

    /** The JSON document of {@code outcome}. */
    abstract Json.Obj json(Tree tree, R outcome);

    /** The text lines of {@code outcome}. */
    abstract void text(Tree tree, R outcome);

    @Override
    public final Integer call() throws Exception {
      return hashing(() -> { // recover and rollback hash every file the journal names
        Tree t = Tree.open(tree.dir);
        R outcome = run(t);
        if (tree.json) {
          io.out().println(json(t, outcome));
        } else {
          text(t, outcome);
        }
        return ExitCode.OK.status();
      });
    }
  }

  @Command(
      name = "recover",
      description = "Finish or undo an interrupted apply or rollback: the tree ends exactly old or exactly new.")
  static final class Recover extends OnTree<Transaction.Recovery> {
    Recover(Io io) {
      super(io);
    }

    @Override
    Transaction.Recovery run(Tree tree) throws Exception {
      return Transaction.recover(tree);
    }

    @Override
    Json.Obj json(Tree tree, Transaction.Recovery r) {
      return Json.document("srro-patch-recover/1").put("directory", tree.root().toString()).put("recovery", r);
    }

    @Override
    void text(Tree tree, Transaction.Recovery r) {
      String what =
          switch (r) {
            case NOTHING_PENDING -> "nothing to recover";
            case ROLLED_BACK -> "interrupted transaction undone: the tree is as before it";
            case ROLLED_FORWARD -> "interrupted transaction completed: every file is patched";
          };
      io.out().println(tree.root() + ": " + what);
    }
  }

  @Command(
      name = "rollback",
      description = "Restore the files the last applied patchset changed.")
  static final class Rollback extends OnTree<List<String>> {
    Rollback(Io io) {
      super(io);
    }

    @Override
    List<String> run(Tree tree) throws Exception {
      return Transaction.rollback(tree);
    }

    @Override
    Json.Obj json(Tree tree, List<String> restored) {
      return Json.document("srro-patch-rollback/1").put("directory", tree.root().toString())
          .put("restored", restored);
    }

    @Override
    void text(Tree tree, List<String> restored) {
      if (restored.isEmpty()) {
        io.out().println(tree.root() + ": nothing to roll back (no patchset applied by srro is recorded here)");
        return;
      }
      for (String p : restored) {
        // a path that no longer exists did not exist before the apply (a .orig backup, a created file)
        boolean exists =
            java.nio.file.Files.exists(tree.root().resolve(p), java.nio.file.LinkOption.NOFOLLOW_LINKS);
        io.out().println((exists ? "restored " : "removed ") + p);
      }
      io.out().println("rolled back " + restored.size() + " file" + (restored.size() == 1 ? "" : "s"));
    }
  }

  /** picocli mixin wrapper so apply and status share the options. */
  static final class DiffOptionsMixin extends DiffOptions {}

  /** The options of recover and rollback, which work on a tree and no diff. */
  static final class TreeOptions {
    @Option(
        names = {"-d", "--directory"},
        paramLabel = "DIR",
        description = "The tree (default: the current directory).")
    Path dir = Path.of(".");

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;
  }
}
