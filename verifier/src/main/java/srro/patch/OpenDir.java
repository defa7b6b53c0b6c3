package srro.patch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A directory opened once and then used by name, as openat(2) does: every name is one component, looked up
 * without following a symbolic link, so renaming or replacing a parent after it was opened cannot redirect a
 * read, a write, a rename or a delete to somewhere else. This is the one place srro writes a file durably: a
 * new file is created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW), written and fsynced; a rename is atomic and
 * the directory is fsynced after it.
 */
final class OpenDir implements Closeable {
  /**
   * The most one read or write of a file's bytes moves. Java copies a heap buffer through a temporary native one
   * of the same size and keeps it per thread, so reading and writing whole files of up to hundreds of KiB at once
   * kept megabytes of native memory for the rest of the run.
   */
  private static final int CHUNK = 64 << 10;

  private final SecureDirectoryStream<Path> dir;
  private final Path shown;
  /** Set while a {@link Tree} keeps this handle for a phase: {@link #close} leaves it open then. */
  private boolean pinned;
  /** {@link #onlyOursToChange}, once asked; null before. */
  private volatile Boolean onlyOurs;

  private OpenDir(SecureDirectoryStream<Path> dir, Path shown) {
    this.dir = dir;
    this.shown = shown;
  }

  /** Opens {@code path} (a trusted, already resolved directory such as a tree's real root). */
  static OpenDir open(Path path) throws IOException {
    DirectoryStream<Path> s = Files.newDirectoryStream(path);
    if (s instanceof SecureDirectoryStream<Path> sds) {
      return new OpenDir(sds, path);
    }
    s.close();
    throw new IOException(path + ": this platform cannot open a directory without following links; refused");
  }

  /** The path this handle was opened as, for messages only: never used to reach a file. */
  Path shown() {
    return shown;
  }

  /** The attributes of {@code name} itself (a link is not followed), or empty when there is none. */
  Optional<PosixFileAttributes> attributes(String name) throws IOException {
    try {
      return Optional.of(
          dir.getFileAttributeView(Path.of(name), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
              .readAttributes());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** The attributes of this directory (fstat of the open descriptor). */
  PosixFileAttributes self() throws IOException {
    return dir.getFileAttributeView(PosixFileAttributeView.class).readAttributes();
  }

  /** Opens the subdirectory {@code name}; a symbolic link there is refused, not followed. */
  OpenDir child(String name) throws IOException {
    try {
      return new OpenDir(
          (SecureDirectoryStream<Path>) dir.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS),
          shown.resolve(name));
    } catch (FileSystemException e) {
      if (attributes(name).map(PosixFileAttributes::isSymbolicLink).orElse(false)) {
        throw new FileSystemException(shown.resolve(name).toString(), null, "is a symbolic link; not followed");
      }
      throw e;
    }
  }

  /**
   * How long opening a file that was a regular file a moment ago may take in a directory another user may
   * change. Java cannot open with O_NONBLOCK: a FIFO swapped in after the type check would block open(2) until
   * a writer comes, so the open runs on a daemon thread and is given up after this long. Tests lower it.
   */
  static volatile Duration openWait = Duration.ofSeconds(5);

  /**
   * Reads the regular file {@code name}, at most {@code max} bytes: one byte more and it throws, whatever
   * the file's size says (a file that grows while being read). Anything swapped in after the type check is
   * refused, never read: the open is bounded in time where another user could swap one in (a FIFO without a
   * writer), the bytes are read with positional reads, which a pipe or FIFO refuses (ESPIPE), and the name
   * must still be the same file after the open. {@code label} names the file in messages.
   */
  byte[] read(String name, long max, String label) throws IOException {
    return read(name, regularFile(name, label), max, label);
  }

  /**
   * {@link #read}, for a caller that just read {@code name}'s attributes {@code a} (a link not followed): the
   * same checks, without reading them again first.
   */
  byte[] read(String name, PosixFileAttributes a, long max, String label) throws IOException {
    if (!a.isRegularFile()) {
      throw new FileSystemException(label, null, "not a regular file; not read");
    }
    if (a.size() > max) {
      throw new IOException(label + ": " + a.size() + " bytes, more than the limit of " + max);
    }
    try (SeekableByteChannel ch = openSame(name, label, a)) {
      FileChannel fc = (FileChannel) ch;
      int cap = (int) Math.min(max + 1, Integer.MAX_VALUE - 8);
      // The size the stat saw, read into an array of exactly that size, then one byte past it: at the end of
      // the file (the usual case) the array is the content, with no copy of it made to trim a spare byte.
      byte[] b = new byte[(int) Math.min(cap, a.size())];
      int n = 0;
      while (n < b.length) {
        int r = readAt(fc, b, n, b.length - n, n, label);
        if (r < 0) {
          return java.util.Arrays.copyOf(b, n); // shorter than it was a moment ago
        }
        n += r;
      }
      byte[] past = new byte[1];
      int more = readAt(fc, past, 0, 1, n, label);
      if (more <= 0) {
        return b;
      }
      if (n + 1L > max || n + 1L >= cap) {
        throw new IOException(label + ": more than the limit of " + max + " bytes");
      }
      b = java.util.Arrays.copyOf(b, (int) Math.min(cap, Math.max(2L * n, n + 1L))); // it grew: read on
      b[n++] = past[0];
      while (true) {
        if (n == b.length) {
          if (b.length >= cap) {
            break;
          }
          b = java.util.Arrays.copyOf(b, (int) Math.min(cap, 2L * b.length));
        }
        int r = readAt(fc, b, n, b.length - n, n, label);
        if (r < 0) {
          break;
        }
        n += r;
      }
      if (n > max) {
        throw new IOException(label + ": more than the limit of " + max + " bytes");
      }
      return n == b.length ? b : java.util.Arrays.copyOf(b, n);
    }
  }

  /**
   * {@code length} bytes of the regular file {@code name} from {@code offset}, reached and opened as {@link #read}
   * does; empty when the file is shorter.
   */
  Optional<byte[]> readRange(String name, long offset, int length, String label) throws IOException {
    PosixFileAttributes a = regularFile(name, label);
    if (offset < 0 || length < 0 || offset + length > a.size()) {
      return Optional.empty();
    }
    try (SeekableByteChannel ch = openSame(name, label, a)) {
      FileChannel fc = (FileChannel) ch;
      byte[] b = new byte[length];
      int n = 0;
      while (n < length) {
        int r = readAt(fc, b, n, length - n, offset + n, label);
        if (r < 0) {
          return Optional.empty();
        }
        n += r;
      }
      return Optional.of(b);
    }
  }

  /** The attributes of {@code name}, which must be a regular file (else nothing is read). */
  private PosixFileAttributes regularFile(String name, String label) throws IOException {
    PosixFileAttributes a = attributes(name).orElseThrow(() -> new NoSuchFileException(label));
    if (!a.isRegularFile()) {
      throw new FileSystemException(label, null, "not a regular file; not read");
    }
    return a;
  }

  /** Opens {@code name} for reading and checks that it is still the regular file {@code a} describes. */
  private SeekableByteChannel openSame(String name, String label, PosixFileAttributes a) throws IOException {
    SeekableByteChannel ch = openForReading(name, label);
    try {
      Optional<PosixFileAttributes> now = attributes(name);
      if (now.isEmpty() || !now.get().isRegularFile() || !Objects.equals(now.get().fileKey(), a.fileKey())) {
        throw new FileSystemException(label, null, "replaced while it was opened; not read");
      }
      return ch;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * One positional read of at most {@code len} (and {@link #CHUNK}) bytes into b[off...] from {@code pos}: a
   * pipe or FIFO refuses it (ESPIPE), so what is read is a regular file's bytes.
   */
  private static int readAt(FileChannel fc, byte[] b, int off, int len, long pos, String label) throws IOException {
    try {
      return fc.read(ByteBuffer.wrap(b, off, Math.min(len, CHUNK)), pos);
    } catch (IOException e) {
      throw new FileSystemException(label, null, "cannot be read at an offset (" + e.getMessage()
          + "): not a regular file; not read");
    }
  }

  /**
   * Opens {@code name} read-only without following a link. Where another user could swap a FIFO or device in for
   * the file just checked, the open is given up after {@link #openWait}; where nobody else can ({@link
   * #onlyOursToChange}), it is a plain open.
   */
  private SeekableByteChannel openForReading(String name, String label) throws IOException {
    Set<OpenOption> read = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    if (onlyOursToChange()) {
      return dir.newByteChannel(Path.of(name), read);
    }
    // A handle of its own: a blocked open holds its directory stream's lock, and this one is never closed then.
    SecureDirectoryStream<Path> own =
        (SecureDirectoryStream<Path>) dir.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS);
    Duration wait = openWait;
    return srro.TimedOpen.within(wait, label, () -> {
      try (own) {
        return own.newByteChannel(Path.of(name), read);
      }
    }).orElseThrow(() -> new FileSystemException(label, null, "did not open within "
        + srro.TimedOpen.seconds(wait) + " s: a FIFO or device was swapped in for a regular file; not read"));
  }

  /**
   * Whether nobody but this process's user (and root, who can anyway) can add, remove or rename names in this
   * directory: it is ours and neither group- nor other-writable. There a name just seen as a regular file is
   * still one when it is opened, unless this user swaps it meanwhile, and the open needs no bound in time.
   * (Where a POSIX ACL grants another user or group writing, the group bits are its mask and show it.) Asked of
   * the open descriptor once per handle.
   */
  boolean onlyOursToChange() throws IOException {
    Boolean b = onlyOurs;
    if (b == null) {
      b = onlyChangeableBy(self(), Me.USER);
      onlyOurs = b;
    }
    return b;
  }

  /** {@link #onlyOursToChange} for a directory of attributes {@code a} and the user {@code me} (null: unknown). */
  private static boolean onlyChangeableBy(PosixFileAttributes a, UserPrincipal me) {
    Set<PosixFilePermission> p = a.permissions();
    return me != null && a.isDirectory() && !p.contains(PosixFilePermission.GROUP_WRITE)
        && !p.contains(PosixFilePermission.OTHERS_WRITE) && me.equals(a.owner());
  }

  /** This process's user, looked up once; null when the system does not know it by name. */
  private static final class Me {
    static final UserPrincipal USER = lookUp();

    private static UserPrincipal lookUp() {
      try {
        return java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService()
            .lookupPrincipalByName(System.getProperty("user.name", ""));
      } catch (IOException | UnsupportedOperationException | SecurityException unknown) {
        return null;
      }
    }
  }

  /**
   * What the directory handle does not report about a file: its hard link count and status change time, with
   * the size, modification time and device the same stat saw.
   */
  record Links(long count, FileTime changed, long size, FileTime modified, long device) {}

  /**
   * The hard link count and ctime of the regular file {@code name}, whose attributes (read without following a
   * link) are {@code a}. Java's directory handle does not report them, so they are read by path and trusted only
   * when that path reaches the same file (device and inode): a directory renamed meanwhile cannot make them lie.
   * A path too long for the kernel goes through this directory's descriptor in /proc/self/fd where there is one.
   */
  Links links(String name, PosixFileAttributes a, String label) throws IOException {
    Path p = shown.resolve(name);
    if (p.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= Tree.PATH_MAX) {
      return links(p, a, label);
    }
    // Through a descriptor of this directory in /proc/self/fd, found by device and inode while one of this
    // handle's own is held open: another thread's descriptor of the same directory may close (and its number
    // be reused) meanwhile, so each one found is tried until one still is this directory.
    Object key = self().fileKey();
    Path fds = Path.of("/proc/self/fd");
    DirectoryStream<Path> s;
    try {
      s = Files.newDirectoryStream(fds);
    } catch (NoSuchFileException noProc) {
      throw new IOException(shown + ": path longer than " + Tree.PATH_MAX
          + " bytes and no /proc/self/fd to check a link count through; refused");
    }
    IOException seen = null;
    try (SeekableByteChannel pin = dir.newByteChannel(Path.of("."), Set.of(StandardOpenOption.READ)); s) {
      for (Path fd : s) {
        try {
          if (key.equals(keyOf(fd))) {
            Links n = links(fd.resolve(name), a, label);
            if (key.equals(keyOf(fd))) {
              return n;
            }
          }
        } catch (FileSystemException e) { // NoSuchFileException too: kept, and the next descriptor tried
          seen = e;
        }
      }
    }
    // The pinned descriptor reaches this directory throughout: a failure through every one is the file's.
    throw seen != null ? seen : new NoSuchFileException(label);
  }

  /** The device and inode /proc/self/fd/N reaches now, or null when it is closed. */
  private static Object keyOf(Path fd) {
    try {
      return Files.readAttributes(fd, PosixFileAttributes.class).fileKey();
    } catch (IOException closed) {
      return null;
    }
  }

  /** The link count and ctime of {@code p}, which must reach the file {@code a} describes. */
  private static Links links(Path p, PosixFileAttributes a, String label) throws IOException {
    Map<String, Object> m;
    try {
      m = Files.readAttributes(p, "unix:nlink,ctime,fileKey,size,lastModifiedTime,dev", LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      throw new IOException(p + ": this platform does not report hard link counts; refused", e);
    }
    if (!Objects.equals(m.get("fileKey"), a.fileKey())) {
      throw new FileSystemException(label, null, "replaced while it was checked; not read");
    }
    return new Links(((Number) m.get("nlink")).longValue(), (FileTime) m.get("ctime"),
        ((Number) m.get("size")).longValue(), (FileTime) m.get("lastModifiedTime"),
        ((Number) m.get("dev")).longValue());
  }

  /** Creates {@code name} (it must not exist), writes {@code data} and fsyncs it; mode {@code perms} if given. */
  void create(String name, byte[] data, Set<PosixFilePermission> perms) throws IOException {
    try (FileChannel ch = newFile(name, perms)) {
      write(ch, data);
      ch.force(true);
    }
  }

  /** {@link #create}, leaving the fsync to {@code syncs}: the file is durable when its {@link Syncs#await} returns. */
  void create(String name, byte[] data, Set<PosixFilePermission> perms, Syncs syncs) throws IOException {
    FileChannel ch = newFile(name, perms);
    try {
      write(ch, data);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    syncs.add(ch, shown.resolve(name).toString());
  }

  /** Writes all of {@code data} at {@code ch}'s position, {@link #CHUNK} bytes at a time. */
  static void write(FileChannel ch, byte[] data) throws IOException {
    for (int off = 0; off < data.length; ) {
      ByteBuffer b = ByteBuffer.wrap(data, off, Math.min(data.length - off, CHUNK));
      while (b.hasRemaining()) {
        off += ch.write(b);
      }
    }
  }

  /** Creates {@code name} (it must not exist) for writing, without following a link; the caller fsyncs. */
  FileChannel newFile(String name, Set<PosixFilePermission> perms) throws IOException {
    Set<OpenOption> opts = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    FileChannel ch = (FileChannel) (perms == null
        ? dir.newByteChannel(Path.of(name), opts)
        : dir.newByteChannel(Path.of(name), opts, PosixFilePermissions.asFileAttribute(perms)));
    if (perms != null) {
      try {
        setPermissions(name, perms);
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
    }
    return ch;
  }

  /** Sets the mode of {@code name} (not following a link). */
  void setPermissions(String name, Set<PosixFilePermission> perms) throws IOException {
    dir.getFileAttributeView(Path.of(name), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setPermissions(perms);
  }

  /** Gives {@code name} the mode, and when allowed (root) the owner and group, of {@code like}. */
  void copyOwnership(String name, PosixFileAttributes like) throws IOException {
    PosixFileAttributeView v =
        dir.getFileAttributeView(Path.of(name), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    v.setPermissions(like.permissions());
    try {
      v.setGroup(like.group());
      v.setOwner(like.owner());
    } catch (IOException notRoot) {
      // the file keeps the caller's owner, as an editor's save would
    }
  }

  /** Opens {@code name} for reading and writing, creating it if needed, for a lock. */
  FileChannel lockFile(String name) throws IOException {
    return (FileChannel) dir.newByteChannel(Path.of(name), Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
  }

  /** Renames {@code from} to {@code to} in this directory, atomically replacing {@code to}. Not synced. */
  void rename(String from, String to) throws IOException {
    dir.move(Path.of(from), dir, Path.of(to));
  }

  /** Renames {@code from} in this directory to {@code to} in {@code other}, atomically. Not synced. */
  void renameTo(String from, OpenDir other, String to) throws IOException {
    dir.move(Path.of(from), other.dir, Path.of(to));
  }

  /** Removes the name {@code name} (a file or a link, never followed). Not synced. */
  void delete(String name) throws IOException {
    dir.deleteFile(Path.of(name));
  }

  /** Removes the empty directory {@code name}. Not synced. */
  void deleteDirectory(String name) throws IOException {
    dir.deleteDirectory(Path.of(name));
  }

  /** The names in this directory. */
  java.util.List<String> names() throws IOException {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (DirectoryStream<Path> s = dir.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS)) {
      for (Path p : s) {
        out.add(p.getFileName().toString());
      }
    }
    return out;
  }

  /** {@link #fsync}, on {@code syncs}' threads: durable when its {@link Syncs#await} returns. */
  void fsync(Syncs syncs) throws IOException {
    syncs.add((FileChannel) dir.newByteChannel(Path.of("."), Set.of(StandardOpenOption.READ)), shown.toString());
  }

  /** Makes the directory's entries (creations, renames, deletions) durable. */
  void fsync() throws IOException {
    try (SeekableByteChannel ch = dir.newByteChannel(Path.of("."), Set.of(StandardOpenOption.READ))) {
      ((FileChannel) ch).force(true);
    }
  }

  /** Makes {@link #close} a no-op until {@link #release}: the handle is shared by a {@link Tree}'s cache. */
  OpenDir pin() {
    pinned = true;
    return this;
  }

  /** Closes a pinned handle. */
  void release() throws IOException {
    pinned = false;
    dir.close();
  }

  @Override
  public void close() throws IOException {
    if (!pinned) {
      dir.close();
    }
  }
}
