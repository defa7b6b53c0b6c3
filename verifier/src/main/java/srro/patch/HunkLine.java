package srro.patch;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One body line of a hunk: {@code kind} is ' ' (context), '-' (removed) or '+' (added); {@code text} is the
 * line as it appears in the file, bytes as ISO-8859-1 chars, ending in '\n' unless a "\ No newline at end of
 * file" marker followed it. A parsed line is a range of the diff's bytes, not a String of its own: a large diff
 * has hundreds of thousands of them, and each object less is one the collector does not copy.
 */
public final class HunkLine {
  private final char kind;
  private final byte[] bytes;
  private final int off;
  private final int len;
  /** The text is bytes[off, off+len) followed by '\n'. */
  private final boolean newline;

  public HunkLine(char kind, String text) {
    this(kind, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.ISO_8859_1), 0, text.length(), false);
  }

  /** The line bytes[off, off+len), with a '\n' after it if {@code newline}. */
  HunkLine(char kind, byte[] bytes, int off, int len, boolean newline) {
    if (kind != ' ' && kind != '-' && kind != '+') {
      throw new IllegalArgumentException("hunk line kind must be ' ', '-' or '+', not " + (int) kind);
    }
    Objects.checkFromIndexSize(off, len, bytes.length);
    this.kind = kind;
    this.bytes = bytes;
    this.off = off;
    this.len = len;
    this.newline = newline;
  }

  public char kind() {
    return kind;
  }

  public String text() {
    String s = new String(bytes, off, len, StandardCharsets.ISO_8859_1);
    return newline ? s + "\n" : s;
  }

  /** The same text with another kind. */
  HunkLine withKind(char k) {
    return k == kind ? this : new HunkLine(k, bytes, off, len, newline);
  }

  boolean inOld() {
    return kind != '+';
  }

  boolean inNew() {
    return kind != '-';
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HunkLine h && h.kind == kind && h.text().equals(text());
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, text());
  }

  @Override
  public String toString() {
    return "HunkLine[kind=" + kind + ", text=" + text() + "]";
  }
}
