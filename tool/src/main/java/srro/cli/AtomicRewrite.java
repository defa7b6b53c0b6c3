package srro.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;
import java.util.Map;

/**
 * Replaces a file's bytes so that at every instant, a crash included, the file holds either the old bytes or
 * the new ones: backup {@code FILE.srro.bak} (written to a temp file, fsynced, renamed), then the new bytes to a
 * temp file in the same directory, fsync, a last comparison of the file with the bytes the caller read (a
 * concurrent edit makes it refuse and write nothing), rename over the file, fsync of the directory. The temp
 * file gets the original's mode, owner and group. A symlink is followed: its target is rewritten.
 *
 * <p>A crash can leave a {@code .NAME.srro-*.tmp} file behind, never a half-written FILE. The comparison and the
 * rename are two system calls: an edit landing between them is lost; editors that write in place are caught
 * almost always, there is no advisory lock fstab writers agree on.
 *
 * <p>Test hook: with {@code SRRO_TEST_DIE_AT=N} in the environment the JVM halts at step N, so a test can prove
 * the claim above for every step: 1 file checked, 2 backup temp created, 3 half of it written, 4 backup synced,
 * 5 new temp created, 6 half written, 7 all written, 8 synced, 9 compared (the rename follows), 10 renamed,
 * 11 directory synced.
 */
public final class AtomicRewrite {
  public static final String BACKUP_SUFFIX = ".srro.bak";
  static final int STEPS = 11;

  private final int dieAt;

  public AtomicRewrite(Map<String, String> env) {
    int n = 0;
    try {
      n = Integer.parseInt(env.getOrDefault("SRRO_TEST_DIE_AT", "0"));
    } catch (NumberFormatException e) {
      n = 0;
    }
    this.dieAt = n;
  }

  /** Writes {@code replacement} over {@code file}, which must still hold {@code original}; returns the backup. */
  Path replace(Path file, byte[] original, byte[] replacement) throws IOException {
    Path target = file.toRealPath();
    Path dir = target.getParent();
    String name = target.getFileName().toString();
    requireUnchanged(target, original);
    step(1);
    Path backup = dir.resolve(name + BACKUP_SUFFIX);
    Path backupTmp = Files.createTempFile(dir, "." + name + ".srro-", ".tmp");
    step(2);
    writeSynced(backupTmp, original, 3);
    step(4);
    move(backupTmp, backup);
    Path tmp = Files.createTempFile(dir, "." + name + ".srro-", ".tmp");
    try {
      copyOwnership(target, tmp);
      step(5);
      writeSynced(tmp, replacement, 6);
      step(8);
      requireUnchanged(target, original);
      step(9);
      move(tmp, target);
      tmp = null;
      step(10);
      fsyncDirectory(dir);
      step(11);
    } finally {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
    return backup;
  }

  /** Writes in two halves (step {@code half} between them, {@code half + 1} after), then fsyncs. */
  private void writeSynced(Path p, byte[] bytes, int half) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      b.limit(bytes.length / 2);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      step(half);
      b.limit(bytes.length);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      if (half == 6) {
        step(7);
      }
      ch.force(true);
    }
  }

  private static void requireUnchanged(Path target, byte[] original) throws IOException {
    byte[] now = Files.readAllBytes(target);
    if (!Arrays.equals(now, original)) {
      throw new IOException(target + ": changed since srro read it; nothing written (run srro again)");
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(from);
      throw new IOException(to + ": cannot rename atomically in " + to.getParent(), e);
    }
  }

  private static void copyOwnership(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    PosixFileAttributes a = Files.readAttributes(from, PosixFileAttributes.class);
    view.setPermissions(a.permissions());
    try {
      view.setGroup(a.group());
      view.setOwner(a.owner());
    } catch (IOException e) {
      // not root: the file keeps the caller's owner, as an editor's save would
    }
  }

  private static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  private void step(int n) {
    if (n == dieAt) {
      Runtime.getRuntime().halt(137);
    }
  }
}
