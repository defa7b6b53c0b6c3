package srro.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small, strict reader of the kit's errata-style diffs, enough to check their shape in CI: a
 * plain-text header, then per file {@code Index:}, a line of '=', {@code ---} and {@code +++} naming the same
 * path, and hunks whose line counts match their headers. The project's full parser (srro.patch, from branch
 * patch) replaces this check once it is merged; this one only guards the kit until then.
 */
record UnifiedDiffShape(String name, List<String> header, List<FileDiff> files) {
  static final String RULE = "=".repeat(67);
  private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@(?: .*)?");

  record FileDiff(String path, List<Hunk> hunks) {}

  /** A hunk; {@code lines} keep their ' ', '-' or '+' prefix. */
  record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<String> lines) {
    List<String> preImage() {
      return image('-');
    }

    List<String> postImage() {
      return image('+');
    }

    private List<String> image(char side) {
      List<String> out = new ArrayList<>();
      for (String l : lines) {
        if (l.charAt(0) == ' ' || l.charAt(0) == side) {
          out.add(l.substring(1));
        }
      }
      return out;
    }
  }

  static UnifiedDiffShape parse(String name, String text) {
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException(name + ": missing newline at end of file");
    }
    if (text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(name + ": carriage return in diff");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    int i = 0;
    List<String> header = new ArrayList<>();
    while (i < lines.length && !lines[i].startsWith("Index: ")) {
      String l = lines[i];
      if (l.startsWith("--- ") || l.startsWith("+++ ") || l.startsWith("@@ ") || l.startsWith("diff ")
          || l.startsWith("*** ")) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": diff syntax in the header");
      }
      header.add(l);
      i++;
    }
    List<FileDiff> files = new ArrayList<>();
    while (i < lines.length) {
      String path = lines[i].substring("Index: ".length());
      expect(name, lines, i + 1, RULE);
      expect(name, lines, i + 2, "--- " + path);
      expect(name, lines, i + 3, "+++ " + path);
      i += 4;
      List<Hunk> hunks = new ArrayList<>();
      int delta = 0;
      int oldEnd = 0;
      while (i < lines.length && lines[i].startsWith("@@ ")) {
        Matcher m = HUNK.matcher(lines[i]);
        if (!m.matches()) {
          throw new IllegalArgumentException(name + ":" + (i + 1) + ": bad hunk header");
        }
        int oldStart = Integer.parseInt(m.group(1));
        int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int newStart = Integer.parseInt(m.group(3));
        int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        if (oldStart <= oldEnd || newStart - oldStart != delta) {
          throw new IllegalArgumentException(name + ":" + (i + 1) + ": hunk out of order or overlapping");
        }
        int headerLine = i + 1;
        i++;
        List<String> body = new ArrayList<>();
        int olds = 0;
        int news = 0;
        while (olds < oldCount || news < newCount) {
          if (i >= lines.length || lines[i].isEmpty() || " -+".indexOf(lines[i].charAt(0)) < 0) {
            throw new IllegalArgumentException(name + ":" + headerLine + ": hunk shorter than its header says");
          }
          char c = lines[i].charAt(0);
          olds += c == '+' ? 0 : 1;
          news += c == '-' ? 0 : 1;
          body.add(lines[i]);
          i++;
        }
        if (olds != oldCount || news != newCount) {
          throw new IllegalArgumentException(name + ":" + headerLine + ": hunk longer than its header says");
        }
        hunks.add(new Hunk(oldStart, oldCount, newStart, newCount, List.copyOf(body)));
        delta += newCount - oldCount;
        oldEnd = oldStart + oldCount - 1;
      }
      if (hunks.isEmpty()) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": " + path + " has no hunks");
      }
      if (i < lines.length && !lines[i].startsWith("Index: ")) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected a hunk or the next Index: line");
      }
      files.add(new FileDiff(path, List.copyOf(hunks)));
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(name + ": no Index: line");
    }
    return new UnifiedDiffShape(name, List.copyOf(header), List.copyOf(files));
  }

  private static void expect(String name, String[] lines, int i, String want) {
    if (i >= lines.length || !lines[i].equals(want)) {
      throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected \"" + want + "\"");
    }
  }
}
