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
    lines = lines instanceof Body ? lines : List.copyOf(lines); // a parsed body is immutable already
    if (oldStart < 0 || oldCount < 0 || newStart < 0 || newCount < 0) {
      throw new IllegalArgumentException("negative hunk range");
    }
    int olds = 0;
    int news = 0;
    if (lines instanceof Body b) {
      for (int j = 0; j < b.size(); j++) {
        char k = b.kind(j);
        olds += k != '+' ? 1 : 0;
        news += k != '-' ? 1 : 0;
      }
    } else {
      for (HunkLine l : lines) { // a loop, not two streams: a large diff makes 50,000 hunks
        olds += l.inOld() ? 1 : 0;
        news += l.inNew() ? 1 : 0;
      }
    }
    if (olds != oldCount || news != newCount) {
      throw new IllegalArgumentException("hunk body does not match its header counts");
    }
  }

  /** The same hunk with old and new swapped: what undoes it. */
  Hunk reversed() {
    if (lines instanceof Body b) {
      return new Hunk(newStart, newCount, oldStart, oldCount, section, b.reversed(), line);
    }
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

  /** The body as a {@link Body}: the parsed one itself, or one made of the lines' texts. */
  Body body() {
    if (lines instanceof Body b) {
      return b;
    }
    java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
    int[] ranges = new int[2 * lines.size()];
    for (int j = 0; j < lines.size(); j++) {
      byte[] t = lines.get(j).text().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      ranges[2 * j] = text.size();
      ranges[2 * j + 1] = Body.pack(t.length, false, lines.get(j).kind());
      text.write(t, 0, t.length);
    }
    return new Body(text.toByteArray(), ranges, 0, lines.size(), false);
  }

  /** The text of the old (or new) side, concatenated, bytes as ISO-8859-1 chars. */
  String side(boolean old) {
    return new String(body().side(old), java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
