package srro.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of input is read at most up to its limit: regular files, devices, pipes, standard input. */
class BoundedInputTest {
  @TempDir Path tmp;

  @Test
  void readsAFileWithinTheLimit() throws Exception {
    Path f = Files.writeString(tmp.resolve("f"), "abc");
    assertArrayEquals("abc".getBytes(), BoundedInput.read(f, 3, "a test"));
  }

  @Test
  void refusesARegularFileOverTheLimitBeforeReadingIt() throws Exception {
    Path f = tmp.resolve("sparse");
    try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
      r.setLength(1L << 40);
    }
    InputTooLargeException e = assertThrows(InputTooLargeException.class, () -> BoundedInput.read(f, 10, "a diff"));
    assertEquals(f + ": more than 10 bytes, the limit for a diff", e.located());
  }

  @Test
  void refusesDevZeroAtTheLimit() {
    InputTooLargeException e = assertThrows(InputTooLargeException.class,
        () -> BoundedInput.read(Path.of("/dev/zero"), 1 << 20, "a signify key file"));
    assertEquals("/dev/zero: more than 1048576 bytes, the limit for a signify key file", e.located());
  }

  @Test
  void refusesA300MegabytePipeAtTheLimitWithoutReadingItAll() throws Exception {
    Path fifo = tmp.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Process gen = new ProcessBuilder("sh", "-c", "head -c 300000000 /dev/zero > \"$1\"", "sh", fifo.toString())
        .start();
    try {
      long t0 = System.nanoTime();
      assertThrows(InputTooLargeException.class, () -> BoundedInput.read(fifo, 64 << 20, "a diff"));
      assertTrue(gen.waitFor(10, TimeUnit.SECONDS), "the writer stops once srro closes the pipe");
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10));
    } finally {
      gen.destroyForcibly();
    }
  }

  @Test
  void readsStandardInputUpToTheLimit() throws Exception {
    assertArrayEquals(new byte[4], BoundedInput.read("-", new ByteArrayInputStream(new byte[4]), 4, "x"));
    assertThrows(InputTooLargeException.class,
        () -> BoundedInput.read("-", new ByteArrayInputStream(new byte[5]), 4, "x"));
  }

  @Test
  void aDirectoryIsAnInputThatCannotBeOpened() {
    CannotOpenException e = assertThrows(CannotOpenException.class, () -> BoundedInput.read(tmp, 10, "a diff"));
    assertEquals(tmp + ": is a directory, expected a file", e.getMessage());
    assertEquals(ExitCode.NOINPUT, Reporter.classify(e));
  }

  @Test
  void aMissingFileIsNamed() {
    NoSuchFileException e =
        assertThrows(NoSuchFileException.class, () -> BoundedInput.read(tmp.resolve("nope"), 10, "a diff"));
    assertEquals(tmp.resolve("nope").toString(), e.getFile());
  }

  @Test
  void aNamedPipeWithoutAWriterFailsToOpenAfterTheWaitWithExit66() throws Exception {
    Path fifo = tmp.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    CannotOpenException e =
        assertThrows(CannotOpenException.class, () -> BoundedInput.open(fifo, java.time.Duration.ofMillis(300)));
    assertEquals(fifo + ": nothing opened it for writing within 0.3 s (a named pipe without a writer); nothing read",
        Reporter.describe(e));
    assertEquals(ExitCode.NOINPUT, Reporter.classify(e));
  }

  @Test
  void aNamedPipeWhoseWriterComesIsRead() throws Exception {
    Path fifo = tmp.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Process writer = new ProcessBuilder("sh", "-c", "sleep 0.2; printf abc > \"$1\"", "sh", fifo.toString()).start();
    try (var in = BoundedInput.open(fifo, java.time.Duration.ofSeconds(30))) {
      assertArrayEquals("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII), in.readAllBytes());
    }
    assertEquals(0, writer.waitFor());
  }
}
