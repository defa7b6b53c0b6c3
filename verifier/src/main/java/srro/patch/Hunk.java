package srro.patch;

import java.util.List;

/**
 * One {@code @@ -oldStart,oldCount +newStart,newCount @@ section} hunk and its body. The parser guarantees
 * that the body has exactly {@code oldCount} context-or-removed lines and {@code newCount} context-or-added
 * lines; {@code line} is the 1-based line of the header in the diff.
 */
public record Hunk(
    int oldStart, int oldCount, int newStart, int newCount, String section, List<HunkLine> lines, long line) {
  public Hunk {
    lines = List.copyOf(lines);
    if (oldStart < 0 || oldCount < 0 || newStart < 0 || newCount < 0) {
      throw new IllegalArgumentException("negative hunk range");
    }
    int olds = 0;
    int news = 0;
    for (HunkLine l : lines) { // a loop, not two streams: a large diff makes 50,000 hunks
      olds += l.inOld() ? 1 : 0;
      news += l.inNew() ? 1 : 0;
    }
    if (olds != oldCount || news != newCount) {
      throw new IllegalArgumentException("hunk body does not match its header counts");
    }
  }

  /** The same hunk with old and new swapped: what undoes it. */
  Hunk reversed() {
    List<HunkLine> swapped =
        lines.stream()
            .map(
                l ->
                    switch (l.kind()) {
                      case '-' -> l.withKind('+');
                      case '+' -> l.withKind('-');
                      default -> l;
                    })
            .toList();
    return new Hunk(newStart, newCount, oldStart, oldCount, section, swapped, line);
  }

  /** The text of the old (or new) side, concatenated. */
  String side(boolean old) {
    StringBuilder sb = new StringBuilder();
    for (HunkLine l : lines) {
      if (old ? l.inOld() : l.inNew()) {
        sb.append(l.text());
      }
    }
    return sb.toString();
  }
}
