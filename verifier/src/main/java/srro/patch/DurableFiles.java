package srro.patch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The file operations a {@link Transaction} is built from, each durable when it returns: new files are
 * created exclusively without following links and fsynced, renames are atomic and followed by an fsync of the
 * directory.
 */
final class DurableFiles {
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

  static void write(Path p, byte[] data, Path modeFrom) throws IOException {
    try (FileChannel ch =
        FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer b = ByteBuffer.wrap(data);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    if (modeFrom != null && Files.isRegularFile(modeFrom, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.setPosixFilePermissions(p, Files.getPosixFilePermissions(modeFrom, LinkOption.NOFOLLOW_LINKS));
      } catch (UnsupportedOperationException notPosix) {
        // keep the default mode
      }
    }
  }

  static void writeDurably(Path p, byte[] data) throws IOException {
    Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    write(tmp, data, null);
    Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsyncDir(p.getParent());
  }

  static void fsyncDir(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
