package srro.patch;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A parsed hunk's body as ranges of the diff's bytes, without an object per line: a large diff has hundreds of
 * thousands of lines, and every long-lived object is one the collector copies. {@link #get} makes the {@link
 * HunkLine} of a line when someone asks for one; the Applier reads kinds and compares bytes here directly.
 * Immutable; {@link #reversed} shares the ranges.
 */
final class Body extends AbstractList<HunkLine> implements RandomAccess {
  private static final char[] KINDS = {' ', '-', '+'};

  private final byte[] bytes;
  /** For line j: ranges[2 * (from + j)] is its offset, the next int its length << 3 | newline << 2 | kind. */
  private final int[] ranges;
  private final int from;
  private final int size;
  private final boolean swapped;

  Body(byte[] bytes, int[] ranges, int from, int size, boolean swapped) {
    this.bytes = bytes;
    this.ranges = ranges;
    this.from = from;
    this.size = size;
    this.swapped = swapped;
  }

  /** The packed second int of a line: its length, whether a '\n' follows it, its kind (' ', '-' or '+'). */
  static int pack(int length, boolean newline, char kind) {
    int k = kind == ' ' ? 0 : kind == '-' ? 1 : kind == '+' ? 2 : -1;
    if (k < 0 || length < 0 || length > (Integer.MAX_VALUE >> 3)) {
      throw new IllegalArgumentException("hunk line kind " + (int) kind + ", length " + length);
    }
    return length << 3 | (newline ? 4 : 0) | k;
  }

  static boolean newline(int packed) {
    return (packed & 4) != 0;
  }

  /** The same packed line without its newline. */
  static int withoutNewline(int packed) {
    return packed & ~4;
  }

  static char kindOf(int packed) {
    return KINDS[packed & 3];
  }

  char kind(int j) {
    int k = ranges[2 * (from + j) + 1] & 3;
    if (swapped && k != 0) {
      k = 3 - k;
    }
    return KINDS[k];
  }

  /**
   * How many bytes applying this body adds to a file: its added lines' bytes (each with its '\n') less its
   * removed lines'. The new content's exact size whenever the file's last line ends in '\n'.
   */
  long sizeChange() {
    long d = 0;
    for (int j = 0; j < size; j++) {
      char k = kind(j);
      d += k == '+' ? textLength(j) : k == '-' ? -textLength(j) : 0;
    }
    return d;
  }

  /** Line j's length in a file: its bytes and its '\n', when it has one. */
  private int textLength(int j) {
    int p = ranges[2 * (from + j) + 1];
    return (p >>> 3) + ((p & 4) != 0 ? 1 : 0);
  }

  /**
   * The old side's lines (context and removed; or the new side's, context and added) as one array: each line's
   * bytes and its '\n', as {@link Hunk#side} spells them, without an object per line.
   */
  byte[] side(boolean old) {
    char skip = old ? '+' : '-';
    long n = 0;
    for (int j = 0; j < size; j++) {
      if (kind(j) != skip) {
        n += textLength(j);
      }
    }
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("hunk side of " + n + " bytes");
    }
    byte[] out = new byte[(int) n];
    int at = 0;
    for (int j = 0; j < size; j++) {
      if (kind(j) != skip) {
        int off = ranges[2 * (from + j)];
        int p = ranges[2 * (from + j) + 1];
        System.arraycopy(bytes, off, out, at, p >>> 3);
        at += p >>> 3;
        if ((p & 4) != 0) {
          out[at++] = '\n';
        }
      }
    }
    return out;
  }

  /** Whether line j's text equals b[start, end). */
  boolean sameAs(int j, byte[] b, int start, int end) {
    int off = ranges[2 * (from + j)];
    int p = ranges[2 * (from + j) + 1];
    int len = p >>> 3;
    boolean nl = (p & 4) != 0;
    if (end - start != len + (nl ? 1 : 0) || !java.util.Arrays.equals(bytes, off, off + len, b, start, start + len)) {
      return false;
    }
    return !nl || b[start + len] == '\n';
  }

  /** Appends line j's text to {@code out}: its bytes, and a '\n' after them if it has one. */
  void appendTo(int j, Lines.Output out) {
    int off = ranges[2 * (from + j)];
    int p = ranges[2 * (from + j) + 1];
    int len = p >>> 3;
    if ((p & 4) == 0) {
      out.append(bytes, off, len);
    } else if (len == 0) {
      out.append(NEWLINE, 0, 1);
    } else {
      out.appendWithNewline(bytes, off, len);
    }
  }

  private static final byte[] NEWLINE = {'\n'};

  /** The body with '-' and '+' exchanged. */
  Body reversed() {
    return new Body(bytes, ranges, from, size, !swapped);
  }

  @Override
  public HunkLine get(int j) {
    java.util.Objects.checkIndex(j, size);
    int off = ranges[2 * (from + j)];
    int p = ranges[2 * (from + j) + 1];
    return new HunkLine(kind(j), bytes, off, p >>> 3, (p & 4) != 0);
  }

  @Override
  public int size() {
    return size;
  }
}
