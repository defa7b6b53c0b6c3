package srro.fstab;

import java.util.List;
import java.util.Objects;

/**
 * One line of an fstab file exactly as written: its text without the terminator, the terminator ({@code "\n"},
 * {@code "\r\n"}, or empty on an unterminated last line), and the fields found in the text. A line whose first
 * non-blank byte is {@code #} is a comment and has no fields; a blank line has none either.
 *
 * @param number 1-based line number
 * @param offset byte offset of the line's first byte in the file
 */
public record Line(int number, int offset, String text, String terminator, List<Field> fields) {
  public Line {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(terminator, "terminator");
    fields = List.copyOf(fields);
    if (number < 1 || offset < 0) {
      throw new IllegalArgumentException("line number must be >= 1 and offset >= 0");
    }
    if (!terminator.isEmpty() && !terminator.equals("\n") && !terminator.equals("\r\n")) {
      throw new IllegalArgumentException("line terminator must be \\n, \\r\\n or empty");
    }
  }

  /** True for a comment line ({@code #} first after blanks). */
  public boolean isComment() {
    return text.stripLeading().startsWith("#");
  }

  /** True when the line is neither blank nor a comment. */
  public boolean isEntry() {
    return !fields.isEmpty();
  }

  /** The line's bytes as written, terminator included. */
  public String render() {
    return text + terminator;
  }
}
