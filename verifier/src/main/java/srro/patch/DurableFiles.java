package srro.patch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Durable writes of a single output file, built on the same {@link OpenDir} primitives as {@link
 * Transaction}: the output's directory is opened once and the output is reached by name without following a
 * link; a symbolic link or anything but a regular file at the output's name is refused, never followed or
 * replaced. New content goes to a short-named temporary beside it ({@code .srro-RANDOM.tmp}, within NAME_MAX
 * whatever the output's name), is fsynced, renamed over the output and the directory fsynced: at every
 * instant, a crash included, the output holds its old bytes or its new ones.
 */
public final class DurableFiles {
  /** The suffix of the copy {@link #replace} keeps of the old bytes. */
  public static final String BACKUP_SUFFIX = ".srro.bak";
  /** The checkpoints {@link #replace} passes, in order. */
  public static final int REPLACE_STEPS = 7;

  private DurableFiles() {}

  static String hash(byte[] content) {
    if (content == null) {
      return null;
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /**
   * Writes {@code replacement} over {@code file}, which must still hold {@code original} (a concurrent edit
   * makes it refuse and write nothing), keeping the old bytes in {@code FILE.srro.bak}; returns the backup.
   * The new file keeps the old one's mode, owner and group. Checkpoints: 1 file checked, 2 backup written,
   * 3 backup renamed into place, 4 new temporary written and synced, 5 compared again, 6 renamed over the file,
   * 7 directory synced.
   */
  public static Path replace(Path file, byte[] original, byte[] replacement, Transaction.Checkpoint checkpoint)
      throws IOException {
    Path abs = file.toAbsolutePath();
    String name = abs.getFileName().toString();
    String backup = name + BACKUP_SUFFIX;
    try (OpenDir dir = openParent(file)) {
      PosixFileAttributes a = requireRegular(dir, name, file, false).orElseThrow(
          () -> new CannotWriteException(file.toString(), "no such file", null));
      requireUnchanged(dir, name, file, original);
      checkpoint.reached(1, "file checked");
      if (backup.getBytes(StandardCharsets.UTF_8).length > Tree.NAME_MAX) {
        throw new CannotWriteException(file.getParent() == null ? backup : file.resolveSibling(backup).toString(),
            "name longer than " + Tree.NAME_MAX + " bytes", null);
      }
      requireRegular(dir, backup, file.resolveSibling(backup), false);
      String backupTmp = temporaryName();
      writeTemp(dir, backupTmp, original, PosixFilePermissions.fromString("rw-------"), file);
      checkpoint.reached(2, "backup written");
      dir.rename(backupTmp, backup);
      checkpoint.reached(3, "backup renamed");
      String tmp = temporaryName();
      try {
        writeTemp(dir, tmp, replacement, null, file);
        dir.copyOwnership(tmp, a);
        checkpoint.reached(4, "new file written");
        requireUnchanged(dir, name, file, original);
        requireRegular(dir, name, file, false);
        checkpoint.reached(5, "compared");
        dir.rename(tmp, name);
        tmp = null;
        checkpoint.reached(6, "renamed");
        dir.fsync();
        checkpoint.reached(7, "directory synced");
      } finally {
        if (tmp != null && dir.attributes(tmp).isPresent()) {
          dir.delete(tmp);
        }
      }
      return file.resolveSibling(backup);
    }
  }

  /** A sink for one output: written in full by {@link #commit()}, or not at all. */
  public interface Output extends AutoCloseable {
    OutputStream stream();

    /** Makes the output durable under its name. */
    void commit() throws IOException;

    /** Without a commit, removes what was written. */
    @Override
    void close() throws IOException;
  }

  /**
   * Starts writing {@code target}.
   *
   * @param exclusive fail if the name exists at all, even as a dangling link (O_CREAT|O_EXCL: key generation);
   *     the file is then written under its own name and removed if not committed
   * @param perms the mode of a new file ({@code null}: 0666 less the umask); an existing file keeps its mode
   */
  public static Output create(Path target, boolean exclusive, Set<PosixFilePermission> perms) throws IOException {
    OpenDir dir = openParent(target);
    try {
      String name = target.toAbsolutePath().getFileName().toString();
      Optional<PosixFileAttributes> old = requireRegular(dir, name, target, exclusive);
      String tmp = exclusive ? name : temporaryName();
      FileChannel ch = newFile(dir, tmp, old.map(PosixFileAttributes::permissions).orElse(perms), target);
      return new ChannelOutput(dir, ch, tmp, name, target, exclusive);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  private static final class ChannelOutput implements Output {
    private final OpenDir dir;
    private final FileChannel channel;
    private final OutputStream stream;
    private final String tmp;
    private final String name;
    private final Path target;
    private final boolean exclusive;
    private boolean done;

    ChannelOutput(OpenDir dir, FileChannel channel, String tmp, String name, Path target, boolean exclusive) {
      this.dir = dir;
      this.channel = channel;
      this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      this.tmp = tmp;
      this.name = name;
      this.target = target;
      this.exclusive = exclusive;
    }

    @Override
    public OutputStream stream() {
      return stream;
    }

    @Override
    public void commit() throws IOException {
      try {
        stream.flush();
        channel.force(true);
        channel.close();
        if (!exclusive) {
          requireRegular(dir, name, target, false);
          dir.rename(tmp, name);
        }
        dir.fsync();
      } catch (FileSystemException e) {
        throw wrap(target, e);
      }
      done = true;
    }

    @Override
    public void close() throws IOException {
      try {
        if (!done) {
          channel.close();
          if (dir.attributes(tmp).isPresent()) {
            dir.delete(tmp);
          }
        }
      } finally {
        dir.close();
      }
    }
  }

  private static OpenDir openParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    try {
      return OpenDir.open(parent);
    } catch (FileSystemException e) {
      throw wrap(file, e);
    }
  }

  /** The attributes of an existing regular file at {@code name}; a link or other kind of file is refused. */
  private static Optional<PosixFileAttributes> requireRegular(OpenDir dir, String name, Path shown, boolean mustBeNew)
      throws IOException {
    Optional<PosixFileAttributes> a = dir.attributes(name);
    if (a.isEmpty()) {
      return a;
    }
    if (a.get().isSymbolicLink()) {
      throw new CannotWriteException(shown.toString(), "is a symbolic link; not followed or replaced", null);
    }
    if (a.get().isDirectory()) {
      throw new CannotWriteException(shown.toString(), "is a directory", null);
    }
    if (!a.get().isRegularFile()) {
      throw new CannotWriteException(shown.toString(), "not a regular file; not followed or replaced", null);
    }
    if (mustBeNew) {
      throw new CannotWriteException(shown.toString(), "file exists", null);
    }
    return a;
  }

  private static void requireUnchanged(OpenDir dir, String name, Path shown, byte[] original) throws IOException {
    byte[] now;
    try {
      now = dir.read(name, original.length, shown.toString());
    } catch (IOException grown) {
      now = null;
    }
    if (!Arrays.equals(now, original)) {
      throw new IOException(shown + ": changed since srro read it; nothing written (run srro again)");
    }
  }

  private static String temporaryName() {
    byte[] r = new byte[8];
    new SecureRandom().nextBytes(r);
    return ".srro-" + HexFormat.of().formatHex(r) + ".tmp";
  }

  private static void writeTemp(OpenDir dir, String tmp, byte[] data, Set<PosixFilePermission> perms, Path shown)
      throws IOException {
    try {
      dir.create(tmp, data, perms);
    } catch (FileSystemException e) {
      if (dir.attributes(tmp).isPresent()) {
        dir.delete(tmp);
      }
      throw wrap(shown, e);
    } catch (IOException e) {
      if (dir.attributes(tmp).isPresent()) {
        dir.delete(tmp);
      }
      throw e;
    }
  }

  private static FileChannel newFile(OpenDir dir, String name, Set<PosixFilePermission> perms, Path shown)
      throws IOException {
    try {
      return dir.newFile(name, perms);
    } catch (FileSystemException e) {
      throw wrap(shown, e);
    }
  }

  private static CannotWriteException wrap(Path shown, FileSystemException e) {
    String reason;
    if (e instanceof FileAlreadyExistsException) {
      reason = "file exists";
    } else if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      reason = "no such file or directory";
    } else {
      reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason().toLowerCase(Locale.ROOT);
    }
    return new CannotWriteException(shown.toString(), reason, e);
  }
}
