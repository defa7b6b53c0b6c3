package srro.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Changes several files of a {@link Tree} all or nothing, surviving a crash at any point, one run per tree at a
 * time (an exclusive lock in the state directory, {@link StateDir}).
 *
 * <p>Order: (1) the journal (every path, before/after SHA-256, temporary and copy names) is written to a
 * temporary file, fsynced and renamed to {@code .srro-patch/journal}; (2) old contents are copied into one file
 * of the state directory ({@code ID-pack}) and new contents written to temporary files beside their targets,
 * all fsynced (a {@code FILE.orig} that takes {@code FILE}'s old content gets the old file itself instead, moved
 * in step 4, and that content is not copied: the backup is its copy, for an undo and for rollback); (3) the
 * {@code commit} marker is written and fsynced — before it, recovery deletes the temporaries (old tree), after it,
 * recovery completes the renames (new tree); (4) each temporary is renamed over its target (or the target
 * deleted), re-checking containment just before; (5) the journal becomes {@code last} (for rollback) and the
 * previous patchset's copies are removed. While a journal exists, every transaction refuses to start.
 *
 * <p>Recovery trusts the journal only when it names nothing but paths a patch may target and the temporaries
 * and copies srro generates for them; it deletes a target only when its hash is the one recorded, moves a
 * temporary only when its hash is the one recorded, and reaches every file without following a link.
 */
public final class Transaction {
  static final String STATE_DIR = StateDir.NAME;
  private static final Set<String> REMOTE =
      Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs", "afs", "ceph", "glusterfs", "davfs");
  private static final long SPACE_MARGIN = 1 << 20;

  /** Called at every durable step; tests use it to crash or interfere at step N. The one crash seam of srro. */
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
  private final StateDir state;
  private final Checkpoint checkpoint;
  private int step;
  /** A test's simulated crash, once a checkpoint threw it: from then on the run is dead. */
  private Exception crash;

  private Transaction(Tree tree, StateDir state, Checkpoint checkpoint) {
    this.tree = tree;
    this.state = state;
    this.checkpoint = checkpoint;
  }

  /** Throws if an interrupted transaction awaits {@link #recover}, or if the state directory is not srro's. */
  public static void requireNonePending(Tree tree) throws IOException, StateRefusedException {
    Optional<StateDir> s = StateDir.openExisting(tree);
    if (s.isPresent()) {
      try (StateDir d = s.get()) {
        requireNonePending(tree, d);
      }
    }
  }

  private static void requireNonePending(Tree tree, StateDir s) throws IOException {
    if (s.exists(StateDir.JOURNAL)) {
      throw new PendingTransactionException(tree.root() + ": an interrupted patch transaction is pending;"
          + " run 'srro patch recover -d " + tree.root() + "' first");
    }
  }

  /** Refuses a read-only or remote file system and too little free space for {@code changes}. */
  public static void preflight(Tree tree, List<Change> changes) throws IOException {
    long need = SPACE_MARGIN;
    for (Change c : changes) {
      need += c.bytes();
    }
    preflight(tree.root(), Files.getFileStore(tree.root()), need);
  }

  static void preflight(java.nio.file.Path root, FileStore fs, long need) throws IOException {
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

  /** Applies {@code changes} to {@code tree} all or nothing, holding the tree's lock. */
  public static void apply(Tree tree, List<Change> changes) throws IOException, StateRefusedException {
    apply(tree, changes, Checkpoint.NONE);
  }

  /** {@link #apply(Tree, List)}, calling {@code checkpoint} at every durable step. */
  public static void apply(Tree tree, List<Change> changes, Checkpoint checkpoint)
      throws IOException, StateRefusedException {
    apply(tree, changes, checkpoint, StateDir.LOCK_WAIT);
  }

  static void apply(Tree tree, List<Change> changes, Checkpoint checkpoint, Duration wait)
      throws IOException, StateRefusedException {
    requireNonePending(tree);
    preflight(tree, changes);
    try (StateDir s = StateDir.openOrCreate(tree); StateDir.Lock l = s.lock(wait);
        Tree.Scope c = tree.cachingDirectories()) {
      requireNonePending(tree, s);
      new Transaction(tree, s, checkpoint).run(changes, Journal.Kind.APPLY);
    }
  }

  /** Completes or undoes an interrupted transaction, leaving exactly the new or exactly the old tree. */
  public static Recovery recover(Tree tree) throws IOException, PatchFormatException, StateRefusedException {
    return recover(tree, Checkpoint.NONE);
  }

  /** {@link #recover(Tree)}, calling {@code checkpoint} at every durable step. */
  public static Recovery recover(Tree tree, Checkpoint checkpoint)
      throws IOException, PatchFormatException, StateRefusedException {
    return recover(tree, checkpoint, StateDir.LOCK_WAIT);
  }

  static Recovery recover(Tree tree, Checkpoint checkpoint, Duration wait)
      throws IOException, PatchFormatException, StateRefusedException {
    Optional<StateDir> s = StateDir.openExisting(tree);
    if (s.isEmpty()) {
      return Recovery.NOTHING_PENDING;
    }
    try (StateDir d = s.get(); StateDir.Lock l = d.lock(wait); Tree.Scope c = tree.cachingDirectories()) {
      return new Transaction(tree, d, checkpoint).recover();
    }
  }

  /**
   * Restores the files the last applied patchset changed, if they still hold what it wrote, and returns their
   * paths; empty when no patchset applied by srro is there to roll back.
   */
  public static List<String> rollback(Tree tree) throws IOException, PatchFormatException, StateRefusedException {
    return rollback(tree, Checkpoint.NONE);
  }

  /** {@link #rollback(Tree)}, calling {@code checkpoint} at every durable step. */
  public static List<String> rollback(Tree tree, Checkpoint checkpoint)
      throws IOException, PatchFormatException, StateRefusedException {
    Optional<StateDir> s = StateDir.openExisting(tree);
    if (s.isEmpty()) {
      return List.of();
    }
    try (StateDir d = s.get(); StateDir.Lock l = d.lock(StateDir.LOCK_WAIT);
        Tree.Scope c = tree.cachingDirectories()) {
      requireNonePending(tree, d);
      Transaction t = new Transaction(tree, d, checkpoint);
      Optional<List<Change>> undo = t.undoChanges();
      if (undo.isEmpty()) {
        return List.of();
      }
      preflight(tree, undo.get());
      t.run(undo.get(), Journal.Kind.ROLLBACK);
      return undo.get().stream().map(Change::path).toList();
    }
  }

  private void run(List<Change> changes, Journal.Kind kind) throws IOException, StateRefusedException {
    Set<String> keep = new LinkedHashSet<>();
    lastJournal().ifPresent(j -> keep.add(j.id()));
    state.removeStale(keep);
    state.deleteIfExists(StateDir.COMMIT);
    String id = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    List<String> dirs = new ArrayList<>();
    Set<String> present = new java.util.HashSet<>();
    List<Journal.Entry> entries = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      if (c.after() != null) {
        missingDirs(c.path(), dirs, present);
      }
      entries.add(new Journal.Entry(c.path(), c.before(), c.after(),
          c.after() == null ? null : Journal.tempName(c.path(), id, i),
          c.before() == null ? null : Journal.backupName(id, i)));
    }
    // A file moved to its FILE.orig needs no copy of its own: the backup holds its old content, and any undo
    // reads it from there (checked against the journal's hash).
    // (Journal.moves reads no copy field: the same pairs before and after, found once for the whole run.)
    Map<Integer, Integer> moves = Journal.moves(entries);
    for (int from : moves.values()) {
      Journal.Entry e = entries.get(from);
      entries.set(from, new Journal.Entry(e.path(), e.before(), e.after(), e.temp(), null));
    }
    Journal journal = new Journal(id, kind, dirs, entries);
    state.writeDurably(StateDir.JOURNAL, journal.encode());
    reached("journal written");
    try {
      prepare(journal, changes, moves);
    } catch (IOException | RuntimeException e) {
      // A test's crash on the other thread ended the run as a kill -9 would: nothing is undone, and the crash is
      // what the run ends with.
      Tree.rethrow(crash);
      if (e instanceof IOException) {
        undoPrepared(journal);
      }
      throw e;
    }
    state.writeDurably(StateDir.COMMIT, (id + "\n").getBytes(StandardCharsets.US_ASCII));
    reached("commit written");
    rollForward(journal, moves, true);
    finish(journal);
  }

  /** Creates directories, copies and temporaries, then checks every target still holds its old content. */
  private void prepare(Journal journal, List<Change> changes, Map<Integer, Integer> moves) throws IOException {
    List<Journal.Entry> entries = journal.entries();
    for (String d : journal.dirs()) {
      tree.createDirectory(d);
      reached("created " + d);
    }
    boolean copies = entries.stream().anyMatch(e -> e.backup() != null);
    // An entry is loaded only for what it writes here: a copy, or a temporary. One whose new content is the old
    // file itself, moved there after the commit marker, writes none, and neither does a deleted file moved to
    // its FILE.orig; that such a file still holds its old content is checked with every target below.
    int[] load = java.util.stream.IntStream.range(0, changes.size())
        .filter(i -> entries.get(i).backup() != null || (entries.get(i).temp() != null && !moves.containsKey(i)))
        .toArray();
    // Loaded and written on two threads, each walking the tree on its own and holding one file's contents at a
    // time; the first failure in order is the one thrown.
    Stamp[] stamps = new Stamp[entries.size()];
    try (Syncs syncs = new Syncs(); StateDir.Pack pack = copies ? state.newPack(journal.id()) : null) {
      Exception[] failed = tree.onTwoThreads(load.length, (k, own) -> stamps[load[k]] =
          write(own, load[k], entries.get(load[k]), changes.get(load[k]), moves.containsKey(load[k]), pack, syncs));
      for (Exception f : failed) {
        Tree.rethrow(f);
      }
      if (pack != null) {
        pack.sync(syncs);
      }
      syncs.await();
    }
    syncDirs(entries);
    state.fsync();
    // Every target, looked at on two threads; the first in order that changed is the one reported. One whose
    // stamp shows it unwritten since it was loaded (and checked) above is not read again.
    Seen[] seen = new Seen[entries.size()];
    Exception[] unseen = tree.onTwoThreads(entries.size(),
        (i, own) -> seen[i] = seen(own, entries.get(i), stamps[i]));
    for (int i = 0; i < entries.size(); i++) {
      Journal.Entry e = entries.get(i);
      Tree.rethrow(unseen[i]);
      Seen now = seen[i] != null ? seen[i] : seen(tree, e, stamps[i]);
      if (now.refusal().isPresent() || !Objects.equals(now.hash(), e.before())) {
        throw new TreeChangedException(e.path() + ": " + now.refusal().orElse("changed while the patch was"
            + " prepared") + "; nothing was changed");
      }
    }
  }

  /**
   * Loads {@code change} (journal entry {@code i}, {@code e}) from {@code own}, the tree as this thread walks it,
   * checks its contents against the journal's hashes (by its stamp alone when the file is unwritten since the
   * plan hashed it, the patch being a function of its bytes), and writes its copy and its temporary (none for
   * a file {@code moved} to its backup). Returns the stamp of the file it read.
   */
  private Stamp write(Tree own, int i, Journal.Entry e, Change change, boolean moved, StateDir.Pack pack,
      Syncs syncs) throws IOException {
    Change.Content c = change.contents().load(own);
    boolean unwritten = change.seen() != null && change.seen().unchangedAt(c.stamp());
    String before = unwritten ? change.before() : DurableFiles.hash(c.before());
    String after = unwritten ? change.after() : DurableFiles.hash(c.after());
    if (!Objects.equals(before, e.before()) || !Objects.equals(after, e.after())) {
      throw new TreeChangedException(e.path() + ": changed while the patch was prepared; nothing was changed");
    }
    if (e.backup() != null) {
      synchronized (pack) {
        pack.add(i, c.before());
      }
      reached("backup " + e.path());
    }
    if (e.temp() != null && !moved) {
      try (OpenDir parent = own.parent(e.path())) {
        Set<PosixFilePermission> mode = parent.attributes(Tree.name(e.path())).filter(a -> a.isRegularFile())
            .map(PosixFileAttributes::permissions).orElse(null);
        parent.create(Tree.name(e.temp()), c.after(), mode, syncs);
      }
      reached("temp " + e.path());
    }
    return c.stamp();
  }

  /** What a look at a target found: why it may not be touched, or the SHA-256 of its content (null: absent). */
  private record Seen(Optional<String> refusal, String hash) {}

  private static Seen seen(Tree tree, Journal.Entry e, Stamp loaded) throws IOException {
    if (loaded != null && unchangedDuring(tree, e.path(), loaded)) {
      return new Seen(Optional.empty(), e.before());
    }
    Source.Look look = lookDuring(tree, e.path());
    return new Seen(look.refusal(), look.refusal().isPresent() ? null : DurableFiles.hash(look.content().orElse(null)));
  }

  /**
   * Adds to {@code dirs} the directories {@code path} needs that do not exist, parents first; {@code present}
   * remembers the ones found, so a patchset over many files of one directory walks to it once. (One removed
   * meanwhile stops the transaction where its files are written.)
   */
  private void missingDirs(String path, List<String> dirs, Set<String> present) throws IOException {
    List<String> chain = new ArrayList<>();
    String p = path;
    while (p.contains("/")) {
      p = p.substring(0, p.lastIndexOf('/'));
      if (present.contains(p) || dirs.contains(p)) {
        break;
      }
      if (tree.directoryExists(p)) {
        present.add(p);
        break;
      }
      chain.add(0, p);
    }
    dirs.addAll(chain);
  }

  private Recovery recover() throws IOException, PatchFormatException, StateRefusedException {
    Optional<Journal> pending = journal(StateDir.JOURNAL);
    if (pending.isEmpty()) {
      Set<String> keep = new LinkedHashSet<>();
      lastJournal().ifPresent(j -> keep.add(j.id()));
      state.deleteIfExists(StateDir.COMMIT);
      state.removeStale(keep);
      return Recovery.NOTHING_PENDING;
    }
    Journal journal = pending.get();
    Optional<byte[]> commit = state.read(StateDir.COMMIT, 64);
    if (commit.isPresent() && new String(commit.get(), StandardCharsets.US_ASCII).strip().equals(journal.id())) {
      rollForward(journal, Journal.moves(journal.entries()), false);
      finish(journal);
      return Recovery.ROLLED_FORWARD;
    }
    undoPrepared(journal);
    return Recovery.ROLLED_BACK;
  }

  /** The journal {@code name} of the state directory, parsed and checked; empty when absent. */
  private Optional<Journal> journal(String name) throws IOException, PatchFormatException, StateRefusedException {
    Optional<byte[]> bytes = state.read(name, Journal.MAX_BYTES);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    Journal j = Journal.parse(state.path().resolve(name).toString(), bytes.get());
    Optional<String> why = j.refusal();
    if (why.isPresent()) {
      throw state.refusedJournal(name, why.get());
    }
    return Optional.of(j);
  }

  private Optional<Journal> lastJournal() throws IOException, StateRefusedException {
    if (state.isDirectory(StateDir.LAST)) {
      throw state.refusedJournal(StateDir.LAST, "is a directory: rollback data in the layout of an earlier srro,"
          + " which this one does not read; roll back with that version, or remove it to keep the tree as it is");
    }
    try {
      return journal(StateDir.LAST);
    } catch (PatchFormatException damaged) {
      throw state.refusedJournal(StateDir.LAST, damaged.getMessage());
    }
  }

  /** Before the commit marker: the targets are untouched; remove temporaries, copies, new dirs, journal. */
  private void undoPrepared(Journal journal) throws IOException {
    for (Journal.Entry e : journal.entries()) {
      if (e.temp() != null) {
        removeTemp(e.temp());
      }
    }
    for (int i = journal.dirs().size() - 1; i >= 0; i--) {
      tree.removeEmptyDirectory(journal.dirs().get(i));
    }
    for (Journal.Entry e : journal.entries()) {
      if (e.backup() != null) {
        state.deleteIfExists(e.backup()); // an earlier srro's copies
      }
    }
    state.deleteIfExists(StateDir.packName(journal.id()));
    state.deleteIfExists(StateDir.COMMIT);
    state.deleteIfExists(StateDir.JOURNAL);
    state.fsync();
  }

  /** Deletes a temporary of this transaction: its generated name, a regular file, reached without a link. */
  private void removeTemp(String temp) throws IOException {
    Optional<OpenDir> parent = Optional.empty();
    try {
      parent = Optional.of(tree.parent(temp));
    } catch (TreeChangedException gone) {
      return; // its directory is gone or no longer a directory: nothing of ours is left to remove
    }
    try (OpenDir p = parent.get()) {
      String name = Tree.name(temp);
      Optional<PosixFileAttributes> a = p.attributes(name);
      if (a.isPresent() && a.get().isRegularFile()) {
        p.delete(name);
        p.fsync();
      } else if (a.isPresent()) {
        throw new TreeChangedException(temp + ": not the file srro wrote (" + (a.get().isSymbolicLink()
            ? "a symbolic link" : "not a regular file") + "); left alone");
      }
    }
  }

  /**
   * After the commit marker: bring every target to its after-hash. Idempotent, so the renames need not be
   * durable one by one: every directory they happened in is synced once at the end, before the journal is
   * retired (a crash before that replays them).
   */
  private void rollForward(Journal journal, Map<Integer, Integer> moves, boolean undoOnRefusal) throws IOException {
    List<Journal.Entry> done = new ArrayList<>();
    rollForward(journal, moves, undoOnRefusal, done);
    syncDirs(done);
    reached("directories synced");
  }

  private void rollForward(Journal journal, Map<Integer, Integer> moves, boolean undoOnRefusal,
      List<Journal.Entry> done) throws IOException {
    List<Journal.Entry> entries = journal.entries();
    Map<Integer, Integer> movedTo = Journal.inverse(moves);
    boolean[] handled = new boolean[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      if (handled[i]) {
        continue;
      }
      Journal.Entry e = entries.get(i);
      Integer to = moves.containsKey(i) ? Integer.valueOf(i) : movedTo.get(i);
      if (to != null) {
        int from = moves.get(to);
        handled[to] = true;
        handled[from] = true;
        movePair(journal, entries.get(to), entries.get(from), undoOnRefusal, done);
        continue;
      }
      String name = Tree.name(e.path());
      try (OpenDir parent = containedParent(journal, undoOnRefusal, done, e.path())) {
        // In the run that just verified every target and wrote every temporary, hashing them again only
        // costs time; recovery, coming after a crash, trusts nothing.
        if (undoOnRefusal) {
          if (e.after() == null) {
            parent.delete(name);
          } else {
            parent.rename(Tree.name(e.temp()), name);
          }
          reached("renamed " + e.path());
          done.add(e);
        } else {
          done.add(rollForwardOne(e, parent, name, false));
        }
      }
    }
  }

  /**
   * The directory of {@code paths} (an entry's file, or a file and its backup), opened by one walk once none of
   * them is refused as {@link Tree#refusal} would; on a refusal the files renamed so far are put back first
   * when {@code undoOnRefusal}.
   */
  private OpenDir containedParent(Journal journal, boolean undoOnRefusal, List<Journal.Entry> done,
      String... paths) throws IOException {
    try {
      return tree.checkedParent(paths);
    } catch (Tree.Refused no) {
      if (undoOnRefusal) {
        undoCommitted(journal, done);
      }
      throw new TreeChangedException(no.path + ": " + no.why
          + (undoOnRefusal ? "; every file was restored" : "; recovery stopped"));
    }
  }

  /**
   * Moves {@code from}'s old file to {@code to} ({@code FILE} to {@code FILE.orig}, replacing it), then puts
   * {@code from}'s temporary in its place (or leaves it deleted). Recovery re-reads both first: the move is done
   * once {@code to} holds its new content, and may be done only while {@code from} still holds its old one; an
   * interrupted transaction of an earlier srro, which wrote {@code to} a temporary of its own, is completed
   * through it.
   */
  private void movePair(Journal journal, Journal.Entry to, Journal.Entry from, boolean undoOnRefusal,
      List<Journal.Entry> done) throws IOException {
    try (OpenDir parent = containedParent(journal, undoOnRefusal, done, from.path(), to.path())) {
      String fromName = Tree.name(from.path());
      String toName = Tree.name(to.path());
      if (undoOnRefusal) {
        parent.rename(fromName, toName);
        reached("moved " + from.path());
        if (from.after() != null) {
          parent.rename(Tree.name(from.temp()), fromName);
          reached("renamed " + from.path());
        }
        done.add(to);
        done.add(from);
        return;
      }
      String nowTo = DurableFiles.hash(readDuring(to.path()));
      if (!Objects.equals(nowTo, to.after())) {
        if (!Objects.equals(nowTo, to.before())) {
          throw new TreeChangedException(to.path() + ": changed outside srro during the transaction");
        }
        String nowFrom = DurableFiles.hash(readDuring(from.path()));
        if (!Objects.equals(nowFrom, from.before())) {
          if (!Objects.equals(nowFrom, from.after())) {
            throw new TreeChangedException(from.path() + ": changed outside srro during the transaction");
          }
          // an earlier srro's transaction, which renamed the file already: the backup through its temporary
          done.add(rollForwardOne(to, parent, toName, false));
          done.add(rollForwardOne(from, parent, fromName, false));
          return;
        }
        parent.rename(fromName, toName);
        reached("moved " + from.path());
      }
      rollForwardOne(from, parent, fromName, true);
      if (to.temp() != null) {
        removeTemp(to.temp()); // an earlier srro's temporary, if any
      }
      done.add(to);
      done.add(from);
    }
  }

  /**
   * Recovery of one entry in {@code parent} (its directory), trusting nothing: brings it to its after-hash.
   * {@code movedAway}: its old file was moved to its backup, so finding it absent is finding its old state.
   */
  private Journal.Entry rollForwardOne(Journal.Entry e, OpenDir parent, String name, boolean movedAway)
      throws IOException {
    String now = DurableFiles.hash(readDuring(e.path()));
    if (!Objects.equals(now, e.after())) {
      if (!(movedAway && now == null) && !Objects.equals(now, e.before())) {
        throw new TreeChangedException(e.path() + ": changed outside srro during the transaction");
      }
      if (e.after() == null) {
        parent.delete(name);
      } else {
        renameVerifiedTemp(e, parent, name);
      }
      reached("renamed " + e.path());
    } else if (e.temp() != null) {
      removeTemp(e.temp());
    }
    return e;
  }

  /** Renames {@code e}'s temporary over {@code name} once it holds exactly the recorded new content. */
  private void renameVerifiedTemp(Journal.Entry e, OpenDir parent, String name) throws IOException {
    String temp = Tree.name(e.temp());
    byte[] t = parent.attributes(temp).isPresent() ? parent.read(temp, Tree.MAX_FILE_BYTES, e.temp()) : null;
    if (!e.after().equals(DurableFiles.hash(t))) {
      throw new TreeChangedException(e.temp() + ": temporary file missing or damaged");
    }
    parent.rename(temp, name);
  }

  /** A containment check failed after the commit marker: put back what was already renamed. */
  private void undoCommitted(Journal journal, List<Journal.Entry> done) throws IOException {
    Map<Integer, Integer> movedTo = Journal.inverse(Journal.moves(journal.entries()));
    // Last renamed first: a file moved to its FILE.orig is restored from it before that backup is put back itself.
    for (int k = done.size() - 1; k >= 0; k--) {
      Journal.Entry e = done.get(k);
      int i = journal.entries().indexOf(e);
      try (OpenDir parent = tree.parent(e.path())) {
        String name = Tree.name(e.path());
        if (e.before() == null) {
          if (parent.attributes(name).isPresent()) {
            parent.delete(name);
          }
        } else {
          byte[] old;
          Set<PosixFilePermission> mode = null;
          if (e.backup() == null) { // moved to its FILE.orig, its only copy: the bytes checked there come back
            String orig = journal.entries().get(movedTo.get(i)).path();
            Optional<PosixFileAttributes> a = parent.attributes(Tree.name(orig));
            old = a.isPresent() ? parent.read(Tree.name(orig), a.get(), Tree.MAX_FILE_BYTES, orig) : null;
            mode = a.map(PosixFileAttributes::permissions).orElse(null);
            if (!e.before().equals(DurableFiles.hash(old))) {
              throw new TreeChangedException(orig + ": backup of " + e.path() + " missing or damaged");
            }
          } else {
            old = state.readBackup(e.backup(), Tree.MAX_FILE_BYTES).orElse(null);
            if (!e.before().equals(DurableFiles.hash(old))) {
              throw new TreeChangedException(state.backupShown(e.backup()) + ": copy of " + e.path()
                  + " missing or damaged");
            }
          }
          // Written anew, not renamed back: whatever is swapped in at FILE.orig after the check stays there.
          String undo = Tree.name(Journal.undoName(e.path(), journal.id(), i));
          if (parent.attributes(undo).isPresent()) {
            parent.delete(undo);
          }
          parent.create(undo, old, mode);
          parent.rename(undo, name);
        }
        parent.fsync();
      }
    }
    state.deleteIfExists(StateDir.COMMIT);
    state.fsync();
    undoPrepared(journal);
  }

  private void finish(Journal journal) throws IOException, StateRefusedException {
    List<String> created = List.of(); // by the patchset a rollback undid
    if (journal.kind() == Journal.Kind.APPLY) {
      state.rename(StateDir.JOURNAL, StateDir.LAST);
      state.fsync();
      reached("journal retired");
      state.removeStale(Set.of(journal.id()));
    } else {
      created = lastJournal().map(Journal::dirs).orElse(List.of());
      state.deleteIfExists(StateDir.LAST);
      state.fsync();
      reached("rollback data removed");
      state.deleteIfExists(StateDir.JOURNAL);
      state.fsync();
      reached("journal retired");
      state.removeStale(Set.of());
    }
    state.deleteIfExists(StateDir.COMMIT);
    state.fsync();
    removeEmptied(created);
  }

  /**
   * After a rollback, its journal retired: the directories the rolled-back patchset created, deepest first,
   * where they are empty again. Best effort, as the rollback is done: one that holds anything now, or that
   * cannot be reached or removed (a link swapped in on the way, a mount point), stays, and so does every
   * directory when a crash came before this (recovery of a rollback interrupted before its rollback data was
   * removed does it too).
   */
  private void removeEmptied(List<String> created) {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        tree.removeEmptyDirectory(created.get(i));
      } catch (IOException stays) {
        // left as it is: the files are rolled back, and an empty directory is all that remains of the patchset
      }
    }
  }

  /** The changes that undo the last applied patchset, checking that its files still hold what it wrote. */
  private Optional<List<Change>> undoChanges() throws IOException, StateRefusedException {
    Optional<Journal> last = lastJournal();
    if (last.isEmpty()) {
      return Optional.empty();
    }
    List<Journal.Entry> entries = last.get().entries();
    byte[][] now = new byte[entries.size()][];
    for (int i = 0; i < entries.size(); i++) {
      Journal.Entry e = entries.get(i);
      Source.Look look = lookDuring(e.path());
      if (look.refusal().isPresent()) {
        throw new TreeChangedException(e.path() + ": " + look.refusal().get());
      }
      now[i] = look.content().orElse(null);
      if (!Objects.equals(DurableFiles.hash(now[i]), e.after())) {
        throw new TreeChangedException(e.path() + ": changed since the patchset was applied; not rolled back");
      }
    }
    Map<Integer, Integer> movedTo = Journal.inverse(Journal.moves(entries));
    List<Change> undo = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Journal.Entry e = entries.get(i);
      byte[] before = null;
      if (e.before() != null && e.backup() == null) {
        // moved to its FILE.orig, whose content was just checked against its after-hash: this file's old one
        before = now[movedTo.get(i)];
      } else if (e.backup() != null) {
        before = state.readBackup(e.backup(), Tree.MAX_FILE_BYTES).orElse(null);
        if (!e.before().equals(DurableFiles.hash(before))) {
          throw new TreeChangedException(state.backupShown(e.backup()) + ": copy of the old " + e.path()
              + " damaged");
        }
      }
      if (now[i] != null || before != null) {
        undo.add(0, Change.of(e.path(), now[i], before));
      }
    }
    return Optional.of(undo);
  }

  /**
   * A target's bytes ({@code null}: absent) while a transaction runs; a hard link there is a change to the tree
   * made since the plan (the plan refused them), so the transaction stops as for any other change.
   */
  private byte[] readDuring(String path) throws IOException {
    try {
      return tree.read(path).orElse(null);
    } catch (TargetRefusedException e) {
      throw new TreeChangedException(e.located());
    }
  }

  /** {@link Tree#look} while a transaction runs; a file with hard links is a tree change, as in {@link #readDuring}. */
  private Source.Look lookDuring(String path) throws IOException {
    return lookDuring(tree, path);
  }

  /** {@link Tree#unchanged} while a transaction runs; a file with hard links is a tree change. */
  private static boolean unchangedDuring(Tree tree, String path, Stamp known) throws IOException {
    try {
      return tree.unchanged(path, known);
    } catch (TargetRefusedException e) {
      throw new TreeChangedException(e.located());
    }
  }

  private static Source.Look lookDuring(Tree tree, String path) throws IOException {
    try {
      return tree.look(path);
    } catch (TargetRefusedException e) {
      throw new TreeChangedException(e.located());
    }
  }

  /**
   * A durable step; from either thread of a phase that runs on two. Once a test's checkpoint has crashed the
   * run, every later step throws the same crash: nothing goes on past a kill -9, whichever thread gets there.
   */
  private synchronized void reached(String what) throws IOException {
    Tree.rethrow(crash);
    try {
      checkpoint.reached(++step, what);
    } catch (IOException | RuntimeException e) {
      crash = e; // a test's simulated crash: leave the disk exactly as a kill -9 here would
      throw e;
    }
  }

  private void syncDirs(List<Journal.Entry> entries) throws IOException {
    java.util.Map<String, String> byParent = new java.util.LinkedHashMap<>();
    for (Journal.Entry e : entries) {
      byParent.putIfAbsent(e.path().substring(0, e.path().lastIndexOf('/') + 1), e.path());
    }
    try (Syncs syncs = new Syncs()) {
      for (String p : byParent.values()) {
        try (OpenDir d = tree.parent(p)) {
          d.fsync(syncs);
        }
      }
      syncs.await();
    }
  }
}
