package srro.patch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tree's {@code .srro-patch} directory, where a transaction keeps its journal, commit marker and the
 * pre-image copies, and the last applied patchset its journal ({@code last}) for rollback. It is created by
 * srro with mode 0700 and trusted only when it is a directory (not a link) owned by the running user and
 * writable by nobody else; it is then used through one descriptor, by name, so renaming it or putting a link in
 * its place during a run cannot redirect anything. Files: {@code lock}, {@code journal}, {@code commit},
 * {@code last}, {@code ID-pack} (the pre-images of the transaction ID, one record per journal entry: its index,
 * its length, its bytes; an earlier srro kept each in a file {@code ID-NNNNNN}, still read) and {@code NAME.tmp}
 * while written.
 */
final class StateDir implements Closeable {
  static final String NAME = ".srro-patch";
  static final String JOURNAL = "journal";
  static final String COMMIT = "commit";
  static final String LAST = "last";
  static final String LOCK = "lock";
  /** How long a run waits for another to release the tree. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(5);

  private static final Pattern BACKUP = Pattern.compile("[0-9a-f]{8}-[0-9]{6}");
  private static final Pattern PACK = Pattern.compile("[0-9a-f]{8}-pack");
  /** A pack record's header: the journal entry's index (int) and the content's length (long), big-endian. */
  private static final int RECORD_HEADER = 12;

  /** The pre-images of the pack read last: its name and each record's offset and length, by entry index. */
  private String indexed;
  private java.util.Map<Integer, long[]> index;
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private final OpenDir dir;
  private final Path path;

  private StateDir(OpenDir dir, Path path) {
    this.dir = dir;
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** The tree's state directory if there is one, checked; empty when there is none. */
  static Optional<StateDir> openExisting(Tree tree) throws IOException, StateRefusedException {
    Path p = tree.root().resolve(NAME);
    try (OpenDir root = tree.openRoot()) {
      Optional<PosixFileAttributes> a = root.attributes(NAME);
      if (a.isEmpty()) {
        return Optional.empty();
      }
      if (a.get().isSymbolicLink()) {
        throw refused(p, "is a symbolic link");
      }
      if (!a.get().isDirectory()) {
        throw refused(p, "is not a directory");
      }
      OpenDir d = root.child(NAME);
      try {
        check(p, d.self());
      } catch (StateRefusedException | RuntimeException e) {
        d.close();
        throw e;
      }
      return Optional.of(new StateDir(d, p));
    }
  }

  /** The tree's state directory, created with mode 0700 when there is none. */
  static StateDir openOrCreate(Tree tree) throws IOException, StateRefusedException {
    Optional<StateDir> s = openExisting(tree);
    if (s.isPresent()) {
      return s.get();
    }
    Path p = tree.root().resolve(NAME);
    try {
      Files.createDirectory(p, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException raced) {
      // made by someone else meanwhile: checked below like any other
    }
    return openExisting(tree).orElseThrow(() -> new NoSuchFileException(p.toString(), null, "vanished"));
  }

  private static void check(Path p, PosixFileAttributes a) throws IOException, StateRefusedException {
    if (!a.isDirectory()) {
      throw refused(p, "is not a directory");
    }
    UserPrincipal me = p.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName(System.getProperty("user.name"));
    if (!a.owner().equals(me)) {
      throw refused(p, "is owned by " + a.owner().getName() + ", not by " + me.getName() + " who runs srro");
    }
    if (a.permissions().contains(PosixFilePermission.GROUP_WRITE)
        || a.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
      throw refused(p, "is writable by others (mode " + PosixFilePermissions.toString(a.permissions()) + ")");
    }
  }

  private static StateRefusedException refused(Path p, String why) {
    return new StateRefusedException(p.toString(), why + ", so it is not srro's transaction state; nothing was"
        + " touched. If you did not make it, look inside, then remove it (rm -r " + p + ") and run"
        + " srro again");
  }

  /** A journal in this directory that cannot be trusted: refuse it, touching nothing. */
  StateRefusedException refusedJournal(String name, String why) {
    Path p = path.resolve(name);
    return new StateRefusedException(p.toString(), why + "; srro does not write such a journal, so recovery"
        + " touched nothing. Look at it, restore the tree by hand if needed, then remove " + p);
  }

  boolean isDirectory(String name) throws IOException {
    return dir.attributes(name).map(PosixFileAttributes::isDirectory).orElse(false);
  }

  boolean exists(String name) throws IOException {
    return dir.attributes(name).isPresent();
  }

  /** A file of this directory, at most {@code max} bytes; empty when absent. */
  Optional<byte[]> read(String name, long max) throws IOException {
    if (!exists(name)) {
      return Optional.empty();
    }
    return Optional.of(dir.read(name, max, path.resolve(name).toString()));
  }

  /** Writes {@code name} so that it holds either its old content or {@code data}, durably. */
  void writeDurably(String name, byte[] data) throws IOException {
    String tmp = name + ".tmp";
    if (exists(tmp)) {
      dir.delete(tmp);
    }
    dir.create(tmp, data, PosixFilePermissions.fromString("rw-------"));
    dir.rename(tmp, name);
    dir.fsync();
  }

  /** The file holding every pre-image of transaction {@code id}, one record after another. */
  static String packName(String id) {
    return id + "-pack";
  }

  /**
   * Starts the pre-image pack of transaction {@code id} (replacing a stale one): one file written sequentially
   * and synced once, instead of one file created and synced per pre-image.
   */
  Pack newPack(String id) throws IOException {
    String name = packName(id);
    deleteIfExists(name);
    indexed = null;
    return new Pack(name, dir.newFile(name, PosixFilePermissions.fromString("rw-------")));
  }

  /** The pre-image pack being written: records are appended, then the file is synced once. */
  final class Pack implements Closeable {
    private final String name;
    private FileChannel channel;

    private Pack(String name, FileChannel channel) {
      this.name = name;
      this.channel = channel;
    }

    /** Appends the pre-image of journal entry {@code entry}. */
    void add(int entry, byte[] data) throws IOException {
      ByteBuffer h = ByteBuffer.allocate(RECORD_HEADER).putInt(entry).putLong(data.length);
      OpenDir.write(channel, h.array());
      OpenDir.write(channel, data);
    }

    /** Hands the file to {@code syncs}: durable after its await (the caller syncs the directory). */
    void sync(Syncs syncs) throws IOException {
      FileChannel ch = channel;
      channel = null;
      syncs.add(ch, path.resolve(name).toString());
    }

    @Override
    public void close() throws IOException {
      if (channel != null) {
        channel.close();
        channel = null;
      }
    }
  }

  /**
   * The pre-image {@code backup} ({@link Journal#backupName}), at most {@code max} bytes: the file of that name
   * (the layout of an earlier srro) or the record of its pack; empty when neither holds it (a pack cut short or
   * damaged included: the caller's hash check says so).
   */
  Optional<byte[]> readBackup(String backup, long max) throws IOException {
    if (exists(backup) || !BACKUP.matcher(backup).matches()) {
      return read(backup, max);
    }
    String pack = packName(backup.substring(0, 8));
    if (!exists(pack)) {
      return Optional.empty();
    }
    if (!pack.equals(indexed)) {
      index = index(pack);
      indexed = pack;
    }
    long[] r = index.get(Integer.parseInt(backup.substring(9)));
    if (r == null || r[1] > max) {
      return Optional.empty();
    }
    return dir.readRange(pack, r[0], (int) r[1], path.resolve(pack).toString());
  }

  /** Where {@code backup} is kept, for messages. */
  Path backupShown(String backup) throws IOException {
    return exists(backup) ? path.resolve(backup) : path.resolve(packName(backup.substring(0, 8)));
  }

  private java.util.Map<Integer, long[]> index(String pack) throws IOException {
    java.util.Map<Integer, long[]> out = new java.util.HashMap<>();
    String shown = path.resolve(pack).toString();
    long pos = 0;
    while (true) {
      Optional<byte[]> h = dir.readRange(pack, pos, RECORD_HEADER, shown);
      if (h.isEmpty()) {
        return out;
      }
      ByteBuffer b = ByteBuffer.wrap(h.get());
      int entry = b.getInt();
      long length = b.getLong();
      if (length < 0 || length > Tree.MAX_FILE_BYTES) {
        return out; // damaged from here on
      }
      out.putIfAbsent(entry, new long[] {pos + RECORD_HEADER, length});
      pos += RECORD_HEADER + length;
    }
  }

  void rename(String from, String to) throws IOException {
    dir.rename(from, to);
  }

  void deleteIfExists(String name) throws IOException {
    if (name.equals(indexed)) {
      indexed = null;
    }
    if (exists(name)) {
      dir.delete(name);
    }
  }

  void fsync() throws IOException {
    dir.fsync();
  }

  /** Removes pre-image copies and half-written files that belong to none of {@code keepIds}. */
  void removeStale(Set<String> keepIds) throws IOException {
    indexed = null;
    for (String n : dir.names()) {
      boolean backup = (BACKUP.matcher(n).matches() || PACK.matcher(n).matches()) && !keepIds.contains(n.substring(0, 8));
      boolean half = n.equals(JOURNAL + ".tmp") || n.equals(COMMIT + ".tmp");
      if (backup || half) {
        dir.delete(n);
      }
    }
    dir.fsync();
  }

  /**
   * Takes the tree's exclusive lock, waiting up to {@code wait} for another run to release it; the lock file
   * then holds this process's id, so a run that cannot get it says who has it.
   */
  Lock lock(Duration wait) throws IOException {
    FileChannel ch = dir.lockFile(LOCK);
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        FileLock l;
        try {
          l = ch.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
          l = null;
        }
        if (l != null) {
          ch.truncate(0);
          ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
          return new Lock(ch, l);
        }
        if (System.nanoTime() > deadline) {
          throw new TreeBusyException(path.getParent() + ": another srro run is changing this tree (process "
              + holder(ch) + " holds " + path.resolve(LOCK) + "); waited "
              + String.format(java.util.Locale.ROOT, "%.1f", wait.toMillis() / 1000.0) + " s; run again when it"
              + " has finished");
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ch.close();
      throw new java.io.InterruptedIOException("interrupted while waiting for " + path.resolve(LOCK));
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  private static String holder(FileChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(32);
    ch.read(b, 0);
    String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
    return s.matches("[0-9]{1,19}") ? s : "unknown";
  }

  /** The held lock; closing releases it. */
  static final class Lock implements Closeable {
    private final FileChannel channel;
    private final FileLock lock;

    private Lock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() throws IOException {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }

  @Override
  public void close() throws IOException {
    dir.close();
  }
}
