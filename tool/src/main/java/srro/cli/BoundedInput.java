package srro.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import srro.Swaps;
import srro.TimedOpen;

/**
 * Reads an input named on the command line, whatever it is — a regular file, a pipe, a device, {@code
 * /dev/fd/N}, {@code <(...)}, standard input — never more than a limit: a regular file's size is checked
 * before a byte is read, anything else is read up to the limit plus one byte and refused there, so
 * {@code /dev/zero} or an endless pipe costs at most the limit in memory. Every input srro parses comes through
 * here.
 */
public final class BoundedInput {
  private static final int CHUNK = 1 << 16;

  private BoundedInput() {}

  /**
   * The bytes of {@code path}, at most {@code max}.
   *
   * @param what the kind of input, for the message ("a diff", "a signify key file")
   * @throws InputTooLargeException past the limit (exit 65)
   * @throws CannotOpenException a directory or unreadable (exit 66)
   */
  public static byte[] read(Path path, long max, String what) throws IOException, InputTooLargeException {
    BasicFileAttributes a = attributes(path);
    if (a.isRegularFile() && a.size() > max) {
      throw new InputTooLargeException(path.toString(), max, what);
    }
    try (InputStream in = open(path, a, OPEN_WAIT)) {
      return read(path.toString(), in, max, what, a.isRegularFile() ? a.size() : -1);
    }
  }

  /** Up to {@code max} bytes of {@code in}, the input called {@code name}; one more and it throws. */
  public static byte[] read(String name, InputStream in, long max, String what)
      throws IOException, InputTooLargeException {
    return read(name, in, max, what, -1);
  }

  /**
   * As {@link #read(String, InputStream, long, String)}, into one array of {@code expected} bytes (a regular
   * file's size, at most {@code max}; -1 if unknown) when the input has that many: a 15 MB diff is then read
   * once into its array, not copied through ever larger ones. Reads are at most a chunk long, so the JDK's
   * temporary direct buffer for a read stays that size.
   */
  private static byte[] read(String name, InputStream in, long max, String what, long expected)
      throws IOException, InputTooLargeException {
    byte[] buf;
    int n = 0;
    if (expected >= 0 && expected <= max && expected < Integer.MAX_VALUE - 8) {
      buf = new byte[(int) expected];
      n = fill(in, buf, 0);
      if (n < buf.length) {
        return Arrays.copyOf(buf, n);
      }
      int more = in.read();
      if (more < 0) {
        return buf;
      }
      if (n + 1 > max) {
        throw new InputTooLargeException(name, max, what);
      }
      buf = Arrays.copyOf(buf, (int) Math.min(Math.max(2L * buf.length, CHUNK), max + 1));
      buf[n++] = (byte) more;
    } else {
      buf = new byte[(int) Math.min(max + 1, CHUNK)];
    }
    while (true) {
      if (n == buf.length) {
        if (n > max) {
          throw new InputTooLargeException(name, max, what);
        }
        buf = Arrays.copyOf(buf, (int) Math.min(Math.max(2L * buf.length, CHUNK), max + 1));
      }
      int r = in.read(buf, n, Math.min(buf.length - n, READ_MAX));
      if (r < 0) {
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
      }
      n += r;
    }
  }

  /** Reads into {@code buf} from {@code n} until it is full or the input ends; the bytes it then holds. */
  private static int fill(InputStream in, byte[] buf, int n) throws IOException {
    while (n < buf.length) {
      int r = in.read(buf, n, Math.min(buf.length - n, READ_MAX));
      if (r < 0) {
        break;
      }
      n += r;
    }
    return n;
  }

  /** The longest single read. */
  private static final int READ_MAX = 1 << 20;

  /**
   * How long opening an input may take. Opening a FIFO blocks until a writer opens it too, and Java cannot open
   * with O_NONBLOCK, so the open runs on a daemon thread and a FIFO nobody writes to is given up after this.
   */
  static final Duration OPEN_WAIT = Duration.ofSeconds(10);

  /**
   * Opens {@code path} for reading (links followed: {@code /dev/fd/N} is one); a directory is refused, and so
   * is a FIFO no writer opens within {@link #OPEN_WAIT}. A regular file that nobody else can swap for one
   * ({@link Swaps#onlyOursToChange}) is opened on the calling thread.
   */
  public static InputStream open(Path path) throws IOException {
    return open(path, OPEN_WAIT);
  }

  static InputStream open(Path path, Duration wait) throws IOException {
    return open(path, attributes(path), wait);
  }

  /** {@link #open(Path, Duration)} for a caller that just read {@code path}'s attributes {@code a}. */
  private static InputStream open(Path path, BasicFileAttributes a, Duration wait) throws IOException {
    try {
      if (a.isRegularFile() && Swaps.onlyOursToChange(path)) {
        return Files.newInputStream(path);
      }
      return TimedOpen.within(wait, path.toString(), () -> Files.newInputStream(path))
          .orElseThrow(() -> new CannotOpenException(path + ": nothing opened it for writing within "
              + TimedOpen.seconds(wait) + " s (a named pipe without a writer); nothing read"));
    } catch (AccessDeniedException denied) {
      throw new CannotOpenException(path + ": permission denied, cannot read it", denied);
    }
  }

  private static BasicFileAttributes attributes(Path path) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(path.toString());
    } catch (AccessDeniedException e) {
      throw new CannotOpenException(path + ": permission denied, cannot read it", e);
    } catch (FileSystemException e) {
      throw new CannotOpenException(path + ": cannot read it: " + e.getReason(), e);
    }
    if (a.isDirectory()) {
      throw new CannotOpenException(path + ": is a directory, expected a file");
    }
    return a;
  }
}
