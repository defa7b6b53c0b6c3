package srro.patch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A file's bytes as lines, each keeping its '\n' (the last may lack it): a view over the bytes by line start,
 * so a file of any size is split without copying a line, and a patched file is written from ranges of it.
 */
final class Lines {
  private final byte[] bytes;
  /** starts[i] is where line i begins; starts[size] is the end. */
  private final int[] starts;
  private final int size;

  private Lines(byte[] bytes, int[] starts, int size) {
    this.bytes = bytes;
    this.starts = starts;
    this.size = size;
  }

  /** The bytes of a long read from a byte array, least significant first. */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  /**
   * The lines of {@code content}, found in one pass, eight bytes at a time: every byte of every planned file
   * goes through here, and srro patch runs on C1, which neither vectorizes a byte loop nor drops its bounds
   * checks.
   */
  static Lines of(byte[] content) {
    int[] starts = new int[content.length / 32 + 2]; // C sources average 25-40 bytes a line
    int n = 0; // lines ended by '\n' so far
    int i = 0;
    for (; i <= content.length - Long.BYTES; i += Long.BYTES) {
      long x = (long) LONGS.get(content, i) ^ NEWLINES; // a byte of zero where there was a '\n'
      // Exactly the zero bytes get their top bit set: no carry crosses a byte, so none is taken for another.
      long zeros = ~(((x & LOW7) + LOW7) | x | LOW7);
      while (zeros != 0) {
        if (++n == starts.length) {
          starts = Arrays.copyOf(starts, n + (n >> 1) + 2);
        }
        starts[n] = i + afterLowest(zeros);
        zeros &= zeros - 1;
      }
    }
    for (; i < content.length; i++) {
      if (content[i] == '\n') {
        if (++n == starts.length) {
          starts = Arrays.copyOf(starts, n + (n >> 1) + 2);
        }
        starts[n] = i + 1;
      }
    }
    int size = n + (content.length > 0 && content[content.length - 1] != '\n' ? 1 : 0);
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size + 1);
    }
    starts[size] = content.length;
    return new Lines(content, starts, size);
  }

  /**
   * For {@code zeros} with only top bits of bytes set, 1 + the index of the lowest such byte: the lowest bit
   * alone, moved to the bottom of its byte (1 << 8k), times 0x0102030405060708 has k + 1 in its top byte. C1
   * compiles {@code Long.numberOfTrailingZeros} as a call of eleven branches, once per line of every file.
   */
  static int afterLowest(long zeros) {
    return (int) ((((zeros & -zeros) >>> 7) * 0x0102030405060708L) >>> 56);
  }

  int size() {
    return size;
  }

  /** Where line {@code i} begins; {@code starts(size())} is the file's length. */
  int starts(int i) {
    return starts[i];
  }

  /** Whether line {@code i} (0-based) holds exactly the text of line {@code j} of {@code body}. */
  boolean equals(int i, Body body, int j) {
    return body.sameAs(j, bytes, starts[i], starts[i + 1]);
  }

  /**
   * Appends lines {@code from} to {@code to} - 1 (0-based) to {@code out} in one step: the same bytes as line by
   * line, since every line but the file's last ends in '\n'.
   */
  void copy(int from, int to, Output out) {
    out.append(bytes, starts[from], starts[to] - starts[from]);
  }

  /** A patched file being built, as bytes; or only its length, when nobody needs its bytes ({@link #counting}). */
  static final class Output {
    private byte[] buf;
    private int length;

    Output(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    private Output() {}

    /**
     * An output that keeps no bytes, only whether and roughly how much was written (a length that may miss
     * the newlines a real one inserts): for attempts whose result is only "does it apply".
     */
    static Output counting() {
      return new Output();
    }

    int length() {
      return length;
    }

    /** Appends a line; a previous last line without '\n' gets one first (GNU patch's output does the same). */
    void append(byte[] b, int off, int len) {
      if (len == 0) {
        return;
      }
      if (buf == null) {
        length += len;
        return;
      }
      boolean newline = length > 0 && buf[length - 1] != '\n';
      ensure(len + (newline ? 1 : 0));
      if (newline) {
        buf[length++] = '\n';
      }
      System.arraycopy(b, off, buf, length, len);
      length += len;
    }

    /** As {@link #append(byte[], int, int)} of those bytes followed by '\n'; {@code len} > 0. */
    void appendWithNewline(byte[] b, int off, int len) {
      if (buf == null) {
        length += len + 1;
        return;
      }
      boolean newline = length > 0 && buf[length - 1] != '\n';
      ensure(len + 1 + (newline ? 1 : 0));
      if (newline) {
        buf[length++] = '\n';
      }
      System.arraycopy(b, off, buf, length, len);
      length += len;
      buf[length++] = '\n';
    }

    void append(String latin1) {
      byte[] b = latin1.getBytes(StandardCharsets.ISO_8859_1);
      append(b, 0, b.length);
    }

    private void ensure(int more) {
      if (length + more > buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * buf.length, length + more)));
      }
    }

    byte[] toBytes() {
      if (buf == null) {
        throw new IllegalStateException("a counting output has no bytes");
      }
      return length == buf.length ? buf : Arrays.copyOf(buf, length);
    }
  }
}
