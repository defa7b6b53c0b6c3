package srro.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory tree patched in place (patch -d DIR). Every target is reached from the tree's root one component
 * at a time without following a symbolic link ({@link OpenDir}), so a link anywhere on the way, planted before
 * or swapped in during a run, is refused instead of followed, and paths deeper than PATH_MAX work. The target
 * itself must be a regular file. {@link Transaction} re-checks this just before each rename.
 */
public final class Tree implements Source {
  /** Largest file read for patching, in bytes. */
  public static final long MAX_FILE_BYTES = 256L << 20;
  /** NAME_MAX: the longest file name component, in bytes. */
  static final int NAME_MAX = 255;
  /** PATH_MAX less the terminating NUL: the longest path a directory can be created at. */
  static final int PATH_MAX = 4095;

  /**
   * Directories a {@link #cachingDirectories} phase keeps open at most. Each holds two descriptors (its directory
   * stream and its own handle), so a patchset over thousands of directories stays at about 256 of them (384
   * with a {@link #sibling} on another thread), well inside the usual 1024-descriptor limit with room for the
   * fsyncs in flight.
   */
  static final int MAX_KEPT = 128;

  private final Path root;
  /** How many directories {@link #cachingDirectories} keeps at most. */
  private final int maxKept;
  /** The directories kept open by {@link #cachingDirectories}, by tree-relative path ("" the root); else null. */
  private Map<String, Kept> cache;
  private int scopes;

  /**
   * The file systems whose ctime only the kernel sets, to the current time, on every change: there a {@link
   * Stamp} can stand for a file's content. (FAT, exFAT and NTFS drivers derive or store it otherwise, a FUSE
   * or network file system reports what its server says.)
   */
  static final java.util.Set<String> KERNEL_CTIME = java.util.Set.of("ext2", "ext3", "ext4", "xfs", "btrfs",
      "tmpfs", "zfs", "f2fs", "jfs", "reiserfs", "bcachefs", "overlay", "ffs", "ufs", "mfs");

  /** The device of the tree's root when its file system keeps ctime as {@link #KERNEL_CTIME} says, else -1. */
  private final long stampDevice;

  private Tree(Path root, int maxKept, long stampDevice) {
    this.root = root;
    this.maxKept = maxKept;
    this.stampDevice = stampDevice;
  }

  /**
   * The same tree for another thread: a tree and its kept directories belong to one thread at a time. It keeps
   * half as many directories: both together hold at most about 384 descriptors, still well inside 1024.
   */
  Tree sibling() {
    return new Tree(root, MAX_KEPT / 2, stampDevice);
  }

  /** One item of {@link #onTwoThreads}, worked on with the tree its thread walks. */
  @FunctionalInterface
  interface Task {
    void run(int item, Tree tree) throws Exception;
  }

  /**
   * Runs {@code task} for the items 0 to {@code n - 1}, each once, on the calling thread and one helper (when
   * one can be started), each walking this tree on its own ({@link #sibling}); once a task fails, neither
   * thread starts another. Returns
   * each item's failure, null for an item done or not started: the task records what it did, and a caller
   * does in order what was not done (only items after a failure). Items are started in order.
   */
  Exception[] onTwoThreads(int n, Task task) {
    Exception[] failed = new Exception[n];
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    if (n < 2) {
      work(this, n, task, next, stop, failed);
      return failed;
    }
    Tree other = sibling();
    Optional<Thread> helper = srro.Threads.start("srro-tree", () -> work(other, n, task, next, stop, failed));
    try {
      work(this, n, task, next, stop, failed); // all of them when no helper could be started
    } finally {
      stop.set(true); // nothing more to start: the calling thread is done or failed
      helper.ifPresent(Tree::awaitEnd);
    }
    return failed;
  }

  /**
   * Throws {@code failure}, what a task of {@link #onTwoThreads} threw, as the calling thread would have: an
   * I/O or runtime exception as it is, any other wrapped; nothing when it is null.
   */
  static void rethrow(Exception failure) throws IOException {
    if (failure instanceof IOException e) {
      throw e;
    } else if (failure instanceof RuntimeException e) {
      throw e;
    } else if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /** Waits until {@code t} has ended, even when interrupted (the interrupt is kept for the caller). */
  static void awaitEnd(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void work(Tree tree, int n, Task task, java.util.concurrent.atomic.AtomicInteger next,
      java.util.concurrent.atomic.AtomicBoolean stop, Exception[] failed) {
    try (Scope s = tree.cachingDirectories()) {
      for (int i; !stop.get() && (i = next.getAndIncrement()) < n; ) {
        try {
          task.run(i, tree);
        } catch (Exception e) {
          failed[i] = e;
          stop.set(true);
        } catch (Error e) {
          failed[i] = new IllegalStateException(e); // rethrown in order by the caller, never lost on the helper
          stop.set(true);
        }
      }
    } catch (IOException releasing) {
      stop.set(true); // a kept directory did not close; what was done stands, the rest is done in order
    }
  }

  /** Opens the tree at {@code root}, which must be an existing directory. */
  public static Tree open(Path root) throws IOException {
    Path real = root.toRealPath();
    if (!Files.isDirectory(real)) {
      throw new java.nio.file.NotDirectoryException(root.toString());
    }
    return new Tree(real, MAX_KEPT, stampDevice(real));
  }

  /** Opens {@code root} as {@link #open} does, keeping no {@link Stamp}s: every file is hashed. */
  static Tree openWithoutStamps(Path root) throws IOException {
    return new Tree(open(root).root, MAX_KEPT, -1);
  }

  /**
   * The device of {@code root} when its file system is one of {@link #KERNEL_CTIME}; -1 (no stamps) otherwise,
   * and when the platform does not say.
   */
  private static long stampDevice(Path root) {
    try {
      if (!KERNEL_CTIME.contains(Files.getFileStore(root).type())) {
        return -1;
      }
      return ((Number) Files.getAttribute(root, "unix:dev", java.nio.file.LinkOption.NOFOLLOW_LINKS)).longValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException unknown) {
      return -1;
    }
  }

  /** The tree's real path. */
  public Path root() {
    return root;
  }

  /** The tree's root, opened. */
  OpenDir openRoot() throws IOException {
    return OpenDir.open(root);
  }

  /**
   * Keeps the directories this tree opens until the returned scope closes (the outermost, when nested), so a
   * phase that touches many files in few directories opens each directory once. A kept directory is used again
   * only after its parent, itself checked the same way up to the root, still has, under the same name and
   * without a link, the very directory (device and inode) that was opened: one stat per component instead of
   * an open, with the guarantee of walking from the root again.
   */
  public Scope cachingDirectories() {
    if (scopes++ == 0) {
      cache = new HashMap<>();
    }
    return new Scope();
  }

  /** The end of a {@link #cachingDirectories} phase. */
  public final class Scope implements AutoCloseable {
    private boolean closed;

    private Scope() {}

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      if (--scopes == 0) {
        Map<String, Kept> c = cache;
        cache = null;
        IOException first = null;
        for (Kept k : c.values()) {
          try {
            k.dir().release();
          } catch (IOException e) {
            first = first == null ? e : first;
          }
        }
        if (first != null) {
          throw first;
        }
      }
    }
  }

  /** A directory kept open for a phase and the device and inode it had when it was opened. */
  private record Kept(OpenDir dir, Object key) {}

  /** Where a walk ended: at the directory ({@code dir}), or at {@code parts[stoppedAt]}, absent or no directory. */
  private record Walk(OpenDir dir, int stoppedAt, Optional<PosixFileAttributes> found) {}

  /**
   * Walks from the root through {@code parts[0..n)}, each a directory reached without following a link. The
   * directory reached is the caller's to close (a no-op for a kept one).
   */
  private Walk walk(String[] parts, int n) throws IOException {
    OpenDir dir = rootDir();
    String key = "";
    try {
      for (int i = 0; i < n; i++) {
        key = i == 0 ? parts[0] : key + "/" + parts[i];
        Optional<PosixFileAttributes> a = dir.attributes(parts[i]);
        if (a.isEmpty() || a.get().isSymbolicLink() || !a.get().isDirectory()) {
          forget(key);
          dir.close();
          return new Walk(null, i, a);
        }
        OpenDir next = child(dir, key, parts[i], a.get());
        dir.close();
        dir = next;
      }
      return new Walk(dir, n, Optional.empty());
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  private OpenDir rootDir() throws IOException {
    if (cache == null) {
      return openRoot();
    }
    Kept k = cache.get("");
    if (k == null) {
      k = new Kept(openRoot().pin(), null);
      cache.put("", k);
    }
    return k.dir();
  }

  /** {@code parent}'s subdirectory {@code name} ({@code key} from the root), whose attributes are {@code a}. */
  private OpenDir child(OpenDir parent, String key, String name, PosixFileAttributes a) throws IOException {
    if (cache == null) {
      return parent.child(name);
    }
    Kept k = cache.get(key);
    if (k != null && Objects.equals(k.key(), a.fileKey())) {
      return k.dir();
    }
    forget(key);
    if (cache.size() >= maxKept) {
      return parent.child(name); // past the cap: opened and closed per use, as without a cache
    }
    OpenDir d = parent.child(name).pin();
    try {
      cache.put(key, new Kept(d, d.self().fileKey()));
    } catch (IOException | RuntimeException e) {
      d.release();
      throw e;
    }
    return d;
  }

  /** Closes and drops the kept directory {@code key} and everything kept under it. */
  private void forget(String key) throws IOException {
    if (cache == null || !cache.containsKey(key)) {
      return;
    }
    String under = key + "/";
    List<String> gone = new ArrayList<>();
    for (String k : cache.keySet()) {
      if (k.equals(key) || k.startsWith(under)) {
        gone.add(k);
      }
    }
    for (String k : gone) {
      cache.remove(k).dir().release();
    }
  }

  @Override
  public Optional<String> refusal(String path) throws IOException {
    try {
      return inspect(path, Want.NOTHING).refusal();
    } catch (TargetRefusedException cannot) {
      throw new IllegalStateException(cannot); // only reading refuses a file
    }
  }

  /**
   * {@inheritDoc} A regular file with more than one hard link is refused: it could be a link planted to a file
   * outside the tree, whose content would end up in the tree and in the backups.
   */
  @Override
  public Optional<byte[]> read(String path) throws IOException, TargetRefusedException {
    Optional<OpenDir> parent = parentIfExists(path);
    if (parent.isEmpty()) {
      return Optional.empty();
    }
    try (OpenDir d = parent.get()) {
      String name = name(path);
      Optional<PosixFileAttributes> a = d.attributes(name);
      return a.isEmpty() ? Optional.empty() : Optional.of(read(d, name, a.get(), path));
    }
  }

  /** {@inheritDoc} One walk to the file's directory and one look at the file serve both. */
  @Override
  public Look look(String path) throws IOException, TargetRefusedException {
    return inspect(path, Want.CONTENT);
  }

  /**
   * Whether {@code path} is still the file {@code known} describes, not written since that look ({@link
   * Stamp#unchangedAt}): one walk and the file's attributes, nothing read. False for anything else, a
   * refusal included: the caller then looks at it in full. One with hard links is refused, as reading it is.
   */
  public boolean unchanged(String path, Stamp known) throws IOException, TargetRefusedException {
    if (known == null || !known.settled()) {
      return false;
    }
    Look l = inspect(path, Want.STAMP);
    return l.refusal().isEmpty() && known.unchangedAt(l.stamp());
  }

  /** What an {@link #inspect} looks for besides a refusal. */
  private enum Want {
    NOTHING,
    STAMP,
    CONTENT
  }

  /**
   * {@link #refusal}, and when there is none, as {@code want} asks: the file's {@link Stamp}, or its stamp and
   * content as {@link #read} gives it.
   */
  private Look inspect(String path, Want want) throws IOException, TargetRefusedException {
    Reached r = reach(path);
    if (r.dir() == null) {
      return new Look(r.refusal(), Optional.empty());
    }
    try (OpenDir dir = r.dir()) {
      String name = name(path);
      long seen = Stamp.now();
      Optional<PosixFileAttributes> a = dir.attributes(name);
      Optional<String> no = fileRefusal(path, a);
      if (no.isPresent()) {
        return new Look(no, Optional.empty());
      }
      if (a.isEmpty() || want == Want.NOTHING) {
        return new Look(Optional.empty(), Optional.empty());
      }
      Stamp stamp = stamp(dir, name, a.get(), path, seen);
      if (want == Want.STAMP) {
        return new Look(Optional.empty(), Optional.empty(), stamp);
      }
      byte[] content = dir.read(name, a.get(), MAX_FILE_BYTES, path);
      // The stamp stands for these bytes only if nothing was written while they were read: a second stat after
      // the read must find the same file, size and times (a write in between moves the ctime).
      boolean still = stamp != null && stamp.sameFileAndTimes(stamp(dir, name, a.get(), path, seen));
      return new Look(Optional.empty(), Optional.of(content), still ? stamp : null);
    }
  }

  /**
   * The end of the walk to {@code path}'s directory: the directory, opened (the caller's to close), or what
   * {@link #refusal} says of the path on the way there; neither when a directory on the way is absent.
   */
  private record Reached(OpenDir dir, Optional<String> refusal) {}

  private Reached reach(String path) throws IOException {
    String[] parts = path.split("/");
    Optional<String> r = pathRefusal(path, parts);
    if (r.isPresent()) {
      return new Reached(null, r);
    }
    Walk w = walk(parts, parts.length - 1);
    if (w.dir() != null) {
      return new Reached(w.dir(), Optional.empty());
    }
    if (w.found().isEmpty()) {
      if ((root + "/" + path).getBytes(StandardCharsets.UTF_8).length > PATH_MAX) {
        return new Reached(null, Optional.of("path " + TargetPath.printable(path)
            + " is too deep to create its directories"));
      }
      return new Reached(null, Optional.empty());
    }
    if (w.found().get().isSymbolicLink()) {
      return new Reached(null, Optional.of("path " + TargetPath.printable(path) + " goes through the symbolic link "
          + TargetPath.printable(String.join("/", java.util.Arrays.copyOf(parts, w.stoppedAt() + 1)))));
    }
    return new Reached(null, Optional.of("a parent of " + TargetPath.printable(path) + " is not a directory"));
  }

  /** What {@link #refusal} says of {@code path}, whose names are {@code parts}, from its text alone. */
  private static Optional<String> pathRefusal(String path, String[] parts) {
    Optional<String> r = TargetPath.refusal(path);
    if (r.isPresent()) {
      return r;
    }
    for (String part : parts) {
      if (part.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
        return Optional.of("path " + TargetPath.printable(path) + " has a name longer than " + NAME_MAX + " bytes");
      }
    }
    return Optional.empty();
  }

  /** What {@link #refusal} says of {@code path} from its attributes {@code a} in its directory (empty: absent). */
  private static Optional<String> fileRefusal(String path, Optional<PosixFileAttributes> a) {
    if (a.isPresent() && a.get().isSymbolicLink()) {
      return Optional.of(TargetPath.printable(path) + " is a symbolic link");
    }
    if (a.isPresent() && !a.get().isRegularFile()) {
      return Optional.of(TargetPath.printable(path) + " is not a regular file");
    }
    return Optional.empty();
  }

  /**
   * The directory holding {@code paths}, files of one directory, opened (the caller's to close) by one walk
   * that checks each of them as {@link #refusal} does, in order. A path refused is named in the thrown {@code
   * Refused}; a directory on the way found absent is a {@link TreeChangedException}, as from {@link #parent}.
   * A file and its backup are checked and reached with one walk instead of three.
   */
  OpenDir checkedParent(String... paths) throws IOException, Refused {
    Reached r = reach(paths[0]);
    if (r.refusal().isPresent()) {
      throw new Refused(paths[0], r.refusal().get());
    }
    if (r.dir() == null) {
      throw disappeared(paths[0]);
    }
    OpenDir dir = r.dir();
    try {
      String where = paths[0].substring(0, paths[0].lastIndexOf('/') + 1);
      for (int i = 0; i < paths.length; i++) {
        String p = paths[i];
        if (!p.startsWith(where) || p.indexOf('/', where.length()) >= 0) {
          throw new IllegalArgumentException(p + " is not in the directory of " + paths[0]);
        }
        // the first was checked on the way
        Optional<String> no = i == 0 ? Optional.empty() : pathRefusal(p, p.split("/"));
        if (no.isEmpty()) {
          no = fileRefusal(p, dir.attributes(name(p)));
        }
        if (no.isPresent()) {
          throw new Refused(p, no.get());
        }
      }
      return dir;
    } catch (IOException | Refused | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** A path {@link #checkedParent} refused, and why. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final String path;
    final String why;

    Refused(String path, String why) {
      super(path + ": " + why, null, false, false);
      this.path = path;
      this.why = why;
    }
  }

  /** The file {@code name} of {@code d}, whose attributes {@code a} were just read; one with hard links refused. */
  private byte[] read(OpenDir d, String name, PosixFileAttributes a, String path)
      throws IOException, TargetRefusedException {
    if (a.isRegularFile()) {
      singlyLinked(d, name, a, path);
    }
    return d.read(name, a, MAX_FILE_BYTES, path);
  }

  /**
   * What {@link OpenDir#links} says of the regular file {@code name} of {@code d}, whose attributes are {@code
   * a}; one with hard links refused: it could be a link planted to a file outside the tree.
   */
  private static OpenDir.Links singlyLinked(OpenDir d, String name, PosixFileAttributes a, String path)
      throws IOException, TargetRefusedException {
    OpenDir.Links links = d.links(name, a, path);
    if (links.count() > 1) {
      throw new TargetRefusedException(path, "has " + links.count() + " hard links, so it may be a link planted"
          + " to a file outside the tree; srro reads, rewrites and backs up only files with one; nothing was"
          + " touched");
    }
    return links;
  }

  /**
   * The stamp of the regular file {@code name} of {@code d}, whose attributes {@code a} were read after {@code
   * seen}: its size and times from one stat, which reaches the file {@code a} describes (null where this tree
   * keeps no stamps); one with hard links refused: it could be a link planted to a file outside the tree.
   */
  private Stamp stamp(OpenDir d, String name, PosixFileAttributes a, String path, long seen)
      throws IOException, TargetRefusedException {
    OpenDir.Links links = singlyLinked(d, name, a, path);
    if (stampDevice < 0 || links.device() != stampDevice) {
      return null; // a file system, or a file on another one mounted inside the tree, whose ctime says less
    }
    return new Stamp(a.fileKey(), links.size(), nanos(links.modified()), nanos(links.changed()), seen);
  }

  private static long nanos(java.nio.file.attribute.FileTime t) {
    return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** The last component of {@code path}. */
  static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The directory holding {@code path}, opened; it must exist and be reached without a link. */
  OpenDir parent(String path) throws IOException {
    return parentIfExists(path).orElseThrow(() -> disappeared(path));
  }

  private static TreeChangedException disappeared(String path) {
    return new TreeChangedException(path + ": its directory disappeared during the transaction");
  }

  private Optional<OpenDir> parentIfExists(String path) throws IOException {
    String[] parts = path.split("/");
    Walk w = walk(parts, parts.length - 1);
    if (w.dir() != null) {
      return Optional.of(w.dir());
    }
    if (w.found().isEmpty()) {
      return Optional.empty();
    }
    String prefix = String.join("/", java.util.Arrays.copyOf(parts, w.stoppedAt() + 1));
    throw new TreeChangedException(path + ": " + (w.found().get().isSymbolicLink()
        ? "goes through the symbolic link " + TargetPath.printable(prefix)
        : TargetPath.printable(prefix) + " is not a directory") + "; nothing was changed");
  }

  /** Whether the directory {@code dir} (tree-relative) exists, reached without a link. */
  boolean directoryExists(String dir) throws IOException {
    Optional<OpenDir> parent = parentIfExists(dir);
    if (parent.isEmpty()) {
      return false;
    }
    try (OpenDir d = parent.get()) {
      return d.attributes(name(dir)).map(PosixFileAttributes::isDirectory).orElse(false);
    }
  }

  /**
   * Creates the directory {@code dir}, whose parent exists. Java has no mkdirat: the directory is made by
   * path, then checked from its parent, opened without links; if a link was swapped in meanwhile the
   * transaction stops having made at most one empty directory elsewhere.
   */
  void createDirectory(String dir) throws IOException {
    try (OpenDir parent = parent(dir)) {
      Files.createDirectory(root.resolve(dir));
      PosixFileAttributes a = parent.attributes(name(dir)).orElseThrow(() -> new NoSuchFileException(dir));
      if (!a.isDirectory()) {
        throw new TreeChangedException(dir + ": not the directory srro just created");
      }
      parent.fsync();
    }
  }

  /** Removes the directory {@code dir} if it is empty; a directory with files in it is left. */
  void removeEmptyDirectory(String dir) throws IOException {
    Optional<OpenDir> parent = parentIfExists(dir);
    if (parent.isEmpty()) {
      return;
    }
    try (OpenDir p = parent.get()) {
      Optional<PosixFileAttributes> a = p.attributes(name(dir));
      if (a.isPresent() && a.get().isDirectory()) {
        try {
          p.deleteDirectory(name(dir));
          forget(dir);
          p.fsync();
        } catch (java.nio.file.DirectoryNotEmptyException keep) {
          // something else lives there now; leave it
        }
      }
    }
  }
}
