package srro.patch;

import java.util.Objects;

/**
 * One body line of a hunk: {@code kind} is ' ' (context), '-' (removed) or '+' (added); {@code text} is the
 * line as it appears in the file, bytes as ISO-8859-1 chars, ending in '\n' unless a "\ No newline at end of
 * file" marker followed it.
 */
public record HunkLine(char kind, String text) {
  public HunkLine {
    Objects.requireNonNull(text, "text");
    if (kind != ' ' && kind != '-' && kind != '+') {
      throw new IllegalArgumentException("hunk line kind must be ' ', '-' or '+', not " + (int) kind);
    }
  }

  boolean inOld() {
    return kind != '+';
  }

  boolean inNew() {
    return kind != '-';
  }
}
