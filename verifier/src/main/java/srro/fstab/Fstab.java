package srro.fstab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An fstab(5) file as lines, every byte kept: {@link #encode()} of {@link #parse} gives back the input byte for
 * byte, comments, blank lines, spacing and unusual line ends included. Fields are runs of bytes other than space
 * and tab, as getfsent(3) and libmount split them.
 */
public record Fstab(String source, List<Line> lines, Dialect dialect) {
  /** Largest fstab srro reads; real ones are a few KiB. */
  public static final int MAX_BYTES = 1 << 20;

  /** How every signify key, signature and -e file begins (signify.c COMMENTHDR). */
  private static final String SIGNIFY = "untrusted comment: ";

  public Fstab {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(dialect, "dialect");
    lines = List.copyOf(lines);
  }

  /**
   * Parses {@code bytes} (named {@code source} in messages) as the given dialect, or the detected one when
   * {@code dialect} is null ({@code fallback}, or Linux when that is null too, when the file gives no hint).
   */
  public static Fstab parse(String source, byte[] bytes, Dialect dialect, Dialect fallback)
      throws FstabFormatException {
    if (bytes.length > MAX_BYTES) {
      throw new FstabFormatException(
          source, -1, "fstab is " + bytes.length + " bytes, more than the limit of " + MAX_BYTES);
    }
    if (startsWith(bytes, SIGNIFY)) {
      throw new FstabFormatException(source, 0, "a signify key or signature file (it starts with '"
          + SIGNIFY.strip() + "'), not an fstab; its contents are not printed");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new FstabFormatException(source, i, "NUL byte in fstab, expected text");
      }
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int number = 1;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      int contentEnd = end;
      String terminator = "";
      if (nl >= 0) {
        terminator = "\n";
        if (end > start && text.charAt(end - 1) == '\r') {
          contentEnd = end - 1;
          terminator = "\r\n";
        }
      }
      String content = text.substring(start, contentEnd);
      lines.add(new Line(number++, start, content, terminator, fields(content, start)));
      start = nl < 0 ? text.length() : nl + 1;
    }
    Fstab untyped = new Fstab(source, lines, dialect == null ? Dialect.LINUX : dialect);
    if (dialect != null) {
      return untyped;
    }
    return new Fstab(source, lines, Dialect.detect(untyped, fallback == null ? Dialect.LINUX : fallback));
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length < p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (bytes[i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  private static List<Field> fields(String content, int lineOffset) {
    List<Field> fields = new ArrayList<>();
    if (content.stripLeading().startsWith("#")) {
      return fields;
    }
    int i = 0;
    while (i < content.length()) {
      while (i < content.length() && blank(content.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < content.length() && !blank(content.charAt(i))) {
        i++;
      }
      if (i > s) {
        fields.add(new Field(lineOffset + s, content.substring(s, i)));
      }
    }
    return fields;
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t';
  }

  /** The entries (lines that are neither blank nor comments), in file order. */
  public List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (Line l : lines) {
      if (l.isEntry()) {
        entries.add(new Entry(l, dialect));
      }
    }
    return entries;
  }

  /** The line with the given 1-based number. */
  public Line line(int number) {
    return lines.get(number - 1);
  }

  /** The file's bytes: exactly the parsed input. */
  public byte[] encode() {
    StringBuilder sb = new StringBuilder();
    for (Line l : lines) {
      sb.append(l.render());
    }
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
