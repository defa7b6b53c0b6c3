package srro.patch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenDir.read reads the size its stat saw into an array of that size and looks one byte past it; a file that
 * changed size since the stat is still read whole, as it is now, and the limit holds.
 */
class OpenDirReadTest {
  @TempDir Path tmp;

  private PosixFileAttributes stat(Path p) throws IOException {
    return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  private byte[] read(Path file, PosixFileAttributes seen, long max) throws IOException {
    try (OpenDir d = OpenDir.open(tmp)) {
      return d.read(file.getFileName().toString(), seen, max, file.getFileName().toString());
    }
  }

  @Test
  void aFileOfTheSizeItsStatSawIsReadAsIs() throws IOException {
    Path f = Files.write(tmp.resolve("f.c"), "one\ntwo\n".getBytes(StandardCharsets.US_ASCII));
    assertArrayEquals(Files.readAllBytes(f), read(f, stat(f), 1 << 20));
    Path empty = Files.write(tmp.resolve("empty.c"), new byte[0]);
    assertEquals(0, read(empty, stat(empty), 1 << 20).length);
  }

  @Test
  void aFileThatGrewSinceItsStatIsReadWhole() throws IOException {
    Path f = Files.write(tmp.resolve("f.c"), "one\n".getBytes(StandardCharsets.US_ASCII));
    PosixFileAttributes before = stat(f);
    byte[] more = new byte[100_000];
    java.util.Arrays.fill(more, (byte) 'x');
    Files.write(f, more, StandardOpenOption.APPEND);
    assertArrayEquals(Files.readAllBytes(f), read(f, before, 1 << 20));
  }

  @Test
  void aFileThatShrankSinceItsStatIsReadAsItIsNow() throws IOException {
    Path f = Files.write(tmp.resolve("f.c"), "one\ntwo\nthree\n".getBytes(StandardCharsets.US_ASCII));
    PosixFileAttributes before = stat(f);
    try (var ch = java.nio.channels.FileChannel.open(f, StandardOpenOption.WRITE)) {
      ch.truncate(4);
    }
    assertArrayEquals("one\n".getBytes(StandardCharsets.US_ASCII), read(f, before, 1 << 20));
  }

  @Test
  void growingPastTheLimitIsRefusedAtTheFirstByteOver() throws IOException {
    Path f = Files.write(tmp.resolve("f.c"), new byte[10]);
    PosixFileAttributes before = stat(f);
    Files.write(f, new byte[1], StandardOpenOption.APPEND);
    IOException e = assertThrows(IOException.class, () -> read(f, before, 10));
    assertEquals("f.c: more than the limit of 10 bytes", e.getMessage());
    Files.write(f, new byte[5], StandardOpenOption.APPEND);
    e = assertThrows(IOException.class, () -> read(f, before, 12));
    assertEquals("f.c: more than the limit of 12 bytes", e.getMessage());
  }
}
