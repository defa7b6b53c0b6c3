package srro.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where {@code srro signify} gets a passphrase, in this order: {@code --passphrase-file}, {@code
 * --passphrase-fd}, the terminal (java.io.Console, echo off), and, like signify's readpassphrase(3) with
 * RPP_STDIN, standard input when it is not a terminal and the message does not come from it. Only the first
 * line counts (up to a newline or carriage return, at most 1023 bytes, as readpassphrase keeps).
 */
public final class PassphraseSource {
  /** signify reads the passphrase into a 1024-byte buffer. */
  static final int MAX_BYTES = srro.signify.Limits.PASSPHRASE_MAX_BYTES;

  private final Path file;
  private final Integer fd;
  private final InputStream stdin;

  public PassphraseSource(Path file, Integer fd, InputStream stdin) {
    this.file = file;
    this.fd = fd;
    this.stdin = stdin;
  }

  /** Thrown when no passphrase could be had; the message is signify's. */
  public static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  /**
   * Reads a passphrase; the caller wipes it.
   *
   * @param allowStdin whether standard input may carry it (signify: not when the message is read from it)
   * @param confirm ask twice on a terminal (key generation)
   */
  public byte[] read(boolean allowStdin, boolean confirm) throws IOException, Unavailable, InputTooLargeException {
    byte[] pass;
    if (file != null) {
      try (InputStream in = BoundedInput.open(file)) {
        pass = firstLine(in);
      }
    } else if (fd != null) {
      Path p = Path.of("/proc/self/fd/" + fd);
      if (!Files.exists(p)) {
        p = Path.of("/dev/fd/" + fd);
      }
      if (!Files.exists(p)) {
        throw new CannotOpenException("--passphrase-fd " + fd + ": no such open file descriptor");
      }
      try (InputStream in = BoundedInput.open(p)) {
        pass = firstLine(in);
      }
    } else if (System.console() != null) {
      Console c = System.console();
      pass = fromConsole(c, "passphrase: ");
      if (confirm) {
        byte[] again = fromConsole(c, "confirm passphrase: ");
        boolean same = Arrays.equals(pass, again);
        Arrays.fill(again, (byte) 0);
        if (!same) {
          Arrays.fill(pass, (byte) 0);
          throw new Unavailable("passwords don't match");
        }
      }
    } else if (allowStdin) {
      pass = firstLine(stdin);
    } else {
      throw new Unavailable("unable to read passphrase");
    }
    if (pass.length == 0) {
      throw new Unavailable("please provide a password");
    }
    return pass;
  }

  private static byte[] fromConsole(Console c, String prompt) throws Unavailable {
    char[] chars = c.readPassword("%s", prompt);
    if (chars == null) {
      throw new Unavailable("unable to read passphrase");
    }
    ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    Arrays.fill(chars, '\0');
    byte[] out = new byte[Math.min(b.remaining(), MAX_BYTES)];
    b.get(out);
    Arrays.fill(b.array(), (byte) 0);
    return out;
  }

  /** How far a line is read looking for its end: /dev/zero or an endless pipe has none. */
  static final int MAX_LINE_BYTES = 1 << 16;

  static byte[] firstLine(InputStream in) throws IOException, InputTooLargeException {
    byte[] buf = new byte[MAX_BYTES];
    int n = 0;
    int seen = 0;
    for (int c; (c = in.read()) >= 0 && c != '\n' && c != '\r'; ) {
      if (n < MAX_BYTES) {
        buf[n++] = (byte) c;
      }
      if (++seen > MAX_LINE_BYTES) {
        java.util.Arrays.fill(buf, (byte) 0);
        throw new InputTooLargeException("the passphrase input", MAX_LINE_BYTES, "a passphrase line");
      }
    }
    byte[] out = Arrays.copyOf(buf, n);
    Arrays.fill(buf, (byte) 0);
    return out;
  }
}
