package srro.patch;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Changes several files of a {@link Tree} all or nothing, surviving a crash at any point.
 *
 * <p>Order: (1) the journal (every path, before/after SHA-256, temporary and backup names) is written to a
 * temporary file, fsynced and renamed to {@code .srro-patch/journal}; (2) old contents are copied to {@code
 * .srro-patch/txn/} and new contents written to temporary files beside their targets, all fsynced; (3) the
 * {@code commit} marker is written and fsynced — before it, recovery deletes the temporaries (old tree), after
 * it, recovery completes the renames (new tree); (4) each temporary is renamed over its target (or the target
 * deleted), re-checking containment just before; (5) {@code txn/} becomes {@code last/} (for rollback) and the
 * journal moves into it. While a journal exists, every transaction refuses to start.
 */
public final class Transaction {
  static final String STATE_DIR = ".srro-patch";
  private static final Set<String> REMOTE =
      Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs", "afs", "ceph", "glusterfs", "davfs");
  private static final long SPACE_MARGIN = 1 << 20;

  /** Called at every durable step; tests use it to crash or interfere at step N. */
  @FunctionalInterface
  public interface Checkpoint {
    Checkpoint NONE = (step, what) -> {};

    void reached(int step, String what) throws IOException;
  }

  /** What recovery found and did. */
  public enum Recovery {
    NOTHING_PENDING,
    ROLLED_BACK,
    ROLLED_FORWARD
  }

  private final Tree tree;
  private final Path state;
  private final Checkpoint checkpoint;
  private int step;

  private Transaction(Tree tree, Checkpoint checkpoint) {
    this.tree = tree;
    this.state = tree.root().resolve(STATE_DIR);
    this.checkpoint = checkpoint;
  }

  /** Throws if an interrupted transaction awaits {@link #recover}. */
  public static void requireNonePending(Tree tree) throws PendingTransactionException {
    if (Files.exists(tree.root().resolve(STATE_DIR).resolve("journal"), LinkOption.NOFOLLOW_LINKS)) {
      throw new PendingTransactionException(tree.root() + ": an interrupted patch transaction is pending;"
          + " run 'srro patch recover -d " + tree.root() + "' first");
    }
  }

  /** Refuses a read-only or remote file system and too little free space for {@code changes}. */
  public static void preflight(Tree tree, List<Change> changes) throws IOException {
    long need = SPACE_MARGIN;
    for (Change c : changes) {
      need += (c.before() == null ? 0 : c.before().length) + (c.after() == null ? 0 : c.after().length);
    }
    preflight(tree.root(), Files.getFileStore(tree.root()), need);
  }

  static void preflight(Path root, FileStore fs, long need) throws IOException {
    if (fs.isReadOnly()) {
      throw new IOException(root + ": read-only file system");
    }
    if (REMOTE.contains(fs.type())) {
      throw new IOException(root + ": remote file system (" + fs.type() + ") refused");
    }
    long free = fs.getUsableSpace();
    if (free < need) {
      throw new IOException(root + ": " + free + " bytes free, " + need + " needed");
    }
  }

  /** Applies {@code changes} to {@code tree} all or nothing. */
  public static void apply(Tree tree, List<Change> changes, Checkpoint checkpoint) throws IOException {
    requireNonePending(tree);
    preflight(tree, changes);
    new Transaction(tree, checkpoint).run(changes, Journal.Kind.APPLY);
  }

  /** Completes or undoes an interrupted transaction, leaving exactly the new or exactly the old tree. */
  public static Recovery recover(Tree tree, Checkpoint checkpoint)
      throws IOException, PatchFormatException {
    return new Transaction(tree, checkpoint).recover();
  }

  /** Restores the files the last applied patchset changed, if they still hold what it wrote. */
  public static List<String> rollback(Tree tree, Checkpoint checkpoint)
      throws IOException, PatchFormatException {
    requireNonePending(tree);
    Transaction t = new Transaction(tree, checkpoint);
    List<Change> undo = t.undoChanges();
    preflight(tree, undo);
    t.run(undo, Journal.Kind.ROLLBACK);
    return undo.stream().map(Change::path).toList();
  }

  private void run(List<Change> changes, Journal.Kind kind) throws IOException {
    Files.createDirectories(state);
    DurableFiles.deleteTree(state.resolve("txn"));
    Files.deleteIfExists(state.resolve("commit"));
    String id = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    List<String> dirs = new ArrayList<>();
    List<Journal.Entry> entries = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      if (c.after() != null) {
        missingDirs(c.path(), dirs);
      }
      String base = c.path().substring(c.path().lastIndexOf('/') + 1);
      String parent = c.path().contains("/") ? c.path().substring(0, c.path().lastIndexOf('/') + 1) : "";
      entries.add(new Journal.Entry(c.path(), DurableFiles.hash(c.before()), DurableFiles.hash(c.after()),
          c.after() == null ? null : parent + "." + base + ".srro-" + id + "-" + i,
          c.before() == null ? null : String.format("%06d", i)));
    }
    Journal journal = new Journal(id, kind, dirs, entries);
    DurableFiles.writeDurably(state.resolve("journal"), journal.encode());
    reached("journal written");
    Files.createDirectory(state.resolve("txn"));
    for (String d : dirs) {
      Files.createDirectory(tree.resolve(d));
      reached("created " + d);
    }
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      Journal.Entry e = entries.get(i);
      if (e.backup() != null) {
        DurableFiles.write(state.resolve("txn").resolve(e.backup()), c.before(), null);
        reached("backup " + e.path());
      }
      if (e.temp() != null) {
        DurableFiles.write(tree.resolve(e.temp()), c.after(), tree.resolve(e.path()));
        reached("temp " + e.path());
      }
    }
    syncDirs(entries);
    DurableFiles.fsyncDir(state.resolve("txn"));
    for (Journal.Entry e : entries) {
      Optional<String> why = tree.refusal(e.path());
      String now = why.isPresent() ? null : DurableFiles.hash(tree.read(e.path()).orElse(null));
      if (why.isPresent() || !java.util.Objects.equals(now, e.before())) {
        undoPrepared(journal);
        throw new TreeChangedException(e.path() + ": " + why.orElse("changed while the patch was prepared")
            + "; nothing was changed");
      }
    }
    DurableFiles.writeDurably(state.resolve("commit"), (id + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    reached("commit written");
    rollForward(journal, true);
    finish(journal);
  }

  private void missingDirs(String path, List<String> dirs) {
    List<String> chain = new ArrayList<>();
    String p = path;
    while (p.contains("/")) {
      p = p.substring(0, p.lastIndexOf('/'));
      if (Files.exists(tree.resolve(p), LinkOption.NOFOLLOW_LINKS) || dirs.contains(p)) {
        break;
      }
      chain.add(0, p);
    }
    dirs.addAll(chain);
  }

  private Recovery recover() throws IOException, PatchFormatException {
    Path journalPath = state.resolve("journal");
    if (!Files.exists(journalPath, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(state.resolve("commit"));
      DurableFiles.deleteTree(state.resolve("txn"));
      return Recovery.NOTHING_PENDING;
    }
    Journal journal = Journal.parse(journalPath.toString(), Files.readAllBytes(journalPath));
    Path commit = state.resolve("commit");
    if (Files.exists(commit) && Files.readString(commit).strip().equals(journal.id())) {
      rollForward(journal, false);
      finish(journal);
      return Recovery.ROLLED_FORWARD;
    }
    undoPrepared(journal);
    return Recovery.ROLLED_BACK;
  }

  /** Before the commit marker: the targets are untouched; remove temporaries, backups, new dirs, journal. */
  private void undoPrepared(Journal journal) throws IOException {
    for (Journal.Entry e : journal.entries()) {
      if (e.temp() != null) {
        Files.deleteIfExists(tree.resolve(e.temp()));
      }
    }
    for (int i = journal.dirs().size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(tree.resolve(journal.dirs().get(i)));
      } catch (DirectoryNotEmptyException keep) {
        // something else lives there now; leave it
      }
    }
    DurableFiles.deleteTree(state.resolve("txn"));
    Files.deleteIfExists(state.resolve("commit"));
    Files.delete(state.resolve("journal"));
    DurableFiles.fsyncDir(state);
  }

  /** After the commit marker: bring every target to its after-hash. Idempotent. */
  private void rollForward(Journal journal, boolean undoOnRefusal) throws IOException {
    List<Journal.Entry> done = new ArrayList<>();
    for (Journal.Entry e : journal.entries()) {
      Optional<String> why = tree.refusal(e.path());
      if (why.isPresent()) {
        if (undoOnRefusal) {
          undoCommitted(journal, done);
        }
        throw new TreeChangedException(e.path() + ": " + why.get()
            + (undoOnRefusal ? "; every file was restored" : "; recovery stopped"));
      }
      Path target = tree.resolve(e.path());
      // In the run that just verified every target and wrote every temporary, hashing them again only
      // costs time; recovery, coming after a crash, trusts nothing.
      if (undoOnRefusal) {
        if (e.after() == null) {
          Files.delete(target);
        } else {
          Files.move(tree.resolve(e.temp()), target, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        }
        DurableFiles.fsyncDir(target.getParent());
        reached("renamed " + e.path());
        done.add(e);
        continue;
      }
      String now = DurableFiles.hash(tree.read(e.path()).orElse(null));
      if (!java.util.Objects.equals(now, e.after())) {
        if (!java.util.Objects.equals(now, e.before())) {
          throw new TreeChangedException(e.path() + ": changed outside srro during the transaction");
        }
        if (e.after() == null) {
          Files.delete(target);
        } else {
          Path temp = tree.resolve(e.temp());
          byte[] t = Files.exists(temp, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(temp) : null;
          if (!e.after().equals(DurableFiles.hash(t))) {
            throw new TreeChangedException(e.temp() + ": temporary file missing or damaged");
          }
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        DurableFiles.fsyncDir(target.getParent());
        reached("renamed " + e.path());
      } else if (e.temp() != null) {
        Files.deleteIfExists(tree.resolve(e.temp()));
      }
      done.add(e);
    }
  }

  /** A containment check failed after the commit marker: put back what was already renamed. */
  private void undoCommitted(Journal journal, List<Journal.Entry> done) throws IOException {
    for (Journal.Entry e : done) {
      Path target = tree.resolve(e.path());
      if (e.before() == null) {
        Files.deleteIfExists(target);
      } else {
        byte[] old = Files.readAllBytes(state.resolve("txn").resolve(e.backup()));
        Path temp = tree.resolve(e.path() + ".srro-undo-" + journal.id());
        DurableFiles.write(temp, old, null);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      DurableFiles.fsyncDir(target.getParent());
    }
    Files.delete(state.resolve("commit"));
    DurableFiles.fsyncDir(state);
    undoPrepared(journal);
  }

  private void finish(Journal journal) throws IOException {
    Path txn = state.resolve("txn");
    Path last = state.resolve("last");
    if (journal.kind() == Journal.Kind.APPLY) {
      if (Files.exists(txn)) {
        DurableFiles.deleteTree(last);
        reached("old rollback data removed");
        Files.move(txn, last, StandardCopyOption.ATOMIC_MOVE);
        reached("rollback data kept");
      }
      Files.move(state.resolve("journal"), last.resolve("journal"), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } else {
      DurableFiles.deleteTree(txn);
      DurableFiles.deleteTree(last);
      reached("rollback data removed");
      Files.delete(state.resolve("journal"));
    }
    DurableFiles.fsyncDir(state);
    reached("journal retired");
    Files.deleteIfExists(state.resolve("commit"));
    DurableFiles.fsyncDir(state);
  }

  /** The changes that undo the last applied patchset, checking that its files still hold what it wrote. */
  private List<Change> undoChanges() throws IOException, PatchFormatException {
    Path last = state.resolve("last");
    Path jp = last.resolve("journal");
    if (!Files.exists(jp)) {
      throw new NoSuchFileException(jp.toString(), null, "no applied patchset to roll back");
    }
    Journal journal = Journal.parse(jp.toString(), Files.readAllBytes(jp));
    List<Change> undo = new ArrayList<>();
    for (Journal.Entry e : journal.entries()) {
      Optional<String> why = tree.refusal(e.path());
      if (why.isPresent()) {
        throw new TreeChangedException(e.path() + ": " + why.get());
      }
      byte[] now = tree.read(e.path()).orElse(null);
      if (!java.util.Objects.equals(DurableFiles.hash(now), e.after())) {
        throw new TreeChangedException(e.path() + ": changed since the patchset was applied; not rolled back");
      }
      byte[] before = null;
      if (e.backup() != null) {
        before = Files.readAllBytes(last.resolve(e.backup()));
        if (!e.before().equals(DurableFiles.hash(before))) {
          throw new TreeChangedException(last.resolve(e.backup()) + ": backup damaged");
        }
      }
      if (now != null || before != null) {
        undo.add(0, new Change(e.path(), now, before));
      }
    }
    return undo;
  }

  private void reached(String what) throws IOException {
    checkpoint.reached(++step, what);
  }

  private void syncDirs(List<Journal.Entry> entries) throws IOException {
    java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
    for (Journal.Entry e : entries) {
      dirs.add(tree.resolve(e.path()).getParent());
    }
    for (Path d : dirs) {
      DurableFiles.fsyncDir(d);
    }
  }
}
