package srro.patch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads unified diffs the way patch(1) does, but strictly: every hunk's body must have exactly the line counts
 * its header announces. Text before the first file's preamble is the description; preamble lines (Index:, RCS
 * file:, retrieving revision, diff ..., git's index/mode lines) belong to the file they precede.
 */
final class DiffParser {
  private static final String DEV_NULL = "/dev/null";

  private final String source;
  private final byte[] diff;
  private List<String> lines;
  private int hunkTotal;
  /** The current chunk of body line ranges ({@link Body}) and how many lines of it are used. */
  private int[] ranges;
  private int used;

  DiffParser(String source, byte[] diff) {
    this.source = source;
    this.diff = diff;
  }

  Patchset parse() throws PatchFormatException {
    if (diff.length > Patchset.MAX_DIFF_BYTES) {
      throw fail(-1, "diff is " + diff.length + " bytes, more than the limit of " + Patchset.MAX_DIFF_BYTES);
    }
    lines = split();
    List<FilePatch> files = new ArrayList<>();
    String description = null;
    int cursor = 0;
    int i = 0;
    while (i < lines.size()) {
      if (!isFileHeader(i)) {
        if (starts(i, "GIT binary patch") || starts(i, "Binary files ")) {
          throw fail(i + 1, "binary patches are not supported");
        }
        if (starts(i, "rename from ") || starts(i, "copy from ")) {
          throw fail(i + 1, "renames and copies are not supported");
        }
        i++;
        continue;
      }
      int start = i;
      while (start > cursor && isPreamble(lines.get(start - 1))) {
        start--;
      }
      if (description == null) {
        description = join(cursor, start);
      }
      if (files.size() == Patchset.MAX_FILES) {
        throw fail(i + 1, "more than " + Patchset.MAX_FILES + " files in one patchset");
      }
      List<String> preamble = lines.subList(start, i);
      i = file(preamble, i, files);
      cursor = i;
    }
    if (files.isEmpty()) {
      throw fail(-1, "no unified diff found: expected '--- ', '+++ ' and '@@ ' header lines");
    }
    return new Patchset(source, description, files);
  }

  /**
   * Splits on '\n'; strips one '\r' from every line when the diff itself is CRLF (its +++ line ends in CR). The
   * lines are a view over the diff's bytes (a String is made when a line is asked for), so a large diff is not
   * held twice while it is parsed.
   */
  private List<String> split() throws PatchFormatException {
    srro.patch.Lines found = srro.patch.Lines.of(diff); // the newlines, found eight bytes at a time
    int n = found.size();
    int[] starts = new int[n + 1];
    for (int k = 0; k < n; k++) {
      starts[k] = found.starts(k);
    }
    // one past the end when the last line has no '\n', so that every line's text ends at the next start - 1
    starts[n] = diff.length + (n > 0 && diff[diff.length - 1] != '\n' ? 1 : 0);
    for (int k = 0; k < n; k++) {
      if (starts[k + 1] - 1 - starts[k] > Patchset.MAX_LINE_BYTES) {
        throw fail(k + 1, "line longer than " + Patchset.MAX_LINE_BYTES + " bytes");
      }
    }
    Lines view = new Lines(diff, starts, n, false);
    for (int k = 0; k < n; k++) {
      String l = view.get(k);
      if (l.startsWith("+++ ")) {
        return l.endsWith("\r") ? new Lines(diff, starts, n, true) : view;
      }
    }
    return view;
  }

  /** Appends line {@code k} of the diff as a body line of kind {@code c}: its bytes after the kind, then '\n'. */
  private void hunkLine(char c, int k) {
    Lines v = (Lines) lines;
    int from = v.starts[k] + 1;
    int end = v.end(k);
    ranges[2 * used] = from > end ? 0 : from;
    ranges[2 * used + 1] = Body.pack(from > end ? 0 : end - from, true, c);
    used++;
  }

  /**
   * Makes room for a body of up to {@code lines} lines. Bodies share chunks of ranges and a full chunk is never
   * copied (earlier bodies keep pointing into it): a new one is started instead.
   */
  private void room(int lines) {
    if (ranges == null || 2L * (used + lines) > ranges.length) {
      ranges = new int[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(1 << 16, 2L * lines))];
      used = 0;
    }
  }

  /** The diff's lines, each made into a String when asked for. */
  private static final class Lines extends java.util.AbstractList<String> implements java.util.RandomAccess {
    final byte[] diff;
    final int[] starts;
    final int size;
    final boolean crlf;

    Lines(byte[] diff, int[] starts, int size, boolean crlf) {
      this.diff = diff;
      this.starts = starts;
      this.size = size;
      this.crlf = crlf;
    }

    /** The offset just past line {@code k}'s text (its '\n', and its '\r' in a CRLF diff, left out). */
    int end(int k) {
      int end = starts[k + 1] - 1;
      if (crlf && end > starts[k] && diff[end - 1] == '\r') {
        end--;
      }
      return end;
    }

    @Override
    public String get(int k) {
      java.util.Objects.checkIndex(k, size);
      return new String(diff, starts[k], end(k) - starts[k], StandardCharsets.ISO_8859_1);
    }

    @Override
    public int size() {
      return size;
    }
  }

  private boolean isFileHeader(int i) {
    return i + 2 < lines.size() && starts(i, "--- ") && starts(i + 1, "+++ ") && starts(i + 2, "@@ ");
  }

  /**
   * Whether line {@code k} starts with {@code prefix} (ASCII), read from the diff's bytes: the parser asks this
   * of nearly every line, and a String per question was most of its garbage.
   */
  private boolean starts(int k, String prefix) {
    Lines v = (Lines) lines;
    return at(diff, v.starts[k], v.end(k), prefix);
  }

  private static boolean isPreamble(String l) {
    return l.startsWith("Index: ")
        || l.startsWith("=====")
        || l.startsWith("RCS file: ")
        || l.startsWith("retrieving revision ")
        || l.startsWith("diff ")
        || l.startsWith("index ")
        || l.startsWith("new file mode ")
        || l.startsWith("deleted file mode ")
        || l.startsWith("old mode ")
        || l.startsWith("new mode ")
        || l.startsWith("similarity index ")
        || l.startsWith("rename from ")
        || l.startsWith("rename to ")
        || l.startsWith("copy from ")
        || l.startsWith("copy to ")
        || l.startsWith("dissimilarity index ");
  }

  private String join(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < to; k++) {
      sb.append(lines.get(k)).append('\n');
    }
    return sb.toString();
  }

  /** Parses the file whose "--- " line is at {@code i}; returns the index of the line after its last hunk. */
  private int file(List<String> preamble, int i, List<FilePatch> files) throws PatchFormatException {
    String[] old = nameAndTime(lines.get(i).substring(4));
    String[] neu = nameAndTime(lines.get(i + 1).substring(4));
    long headerLine = i + 1;
    int k = i + 2;
    List<Hunk> hunks = new ArrayList<>();
    while (k < lines.size() && starts(k, "@@ ")) {
      k = hunk(k, hunks.size() + 1, neu[0], hunks);
    }
    if (k < lines.size()) {
      boolean nextFile = isFileHeader(k);
      if (!nextFile && (starts(k, "+") || starts(k, "-") || starts(k, " "))) {
        throw fail(k + 1, "hunk #" + hunks.size() + " of " + neu[0] + " has more lines than its header says");
      }
    }
    boolean epochOld = isEpoch(old[1]);
    boolean epochNew = isEpoch(neu[1]);
    // one loop, not a stream per question: the parser asks these of every file of a large diff
    boolean dashN = false;
    boolean gitNew = false;
    boolean gitDeleted = false;
    Optional<String> index = Optional.empty();
    for (String p : preamble) {
      dashN |= p.startsWith("diff -N ");
      gitNew |= p.startsWith("new file mode ");
      gitDeleted |= p.startsWith("deleted file mode ");
      if (p.startsWith("Index: ")) {
        index = Optional.of(p.substring(7).strip());
      }
    }
    Hunk only = hunks.size() == 1 ? hunks.get(0) : null;
    FilePatch.Kind kind = FilePatch.Kind.MODIFY;
    if (old[0].equals(DEV_NULL)
        || (only != null && only.oldStart() == 0 && only.oldCount() == 0 && (epochOld || dashN || gitNew))) {
      kind = FilePatch.Kind.CREATE;
    } else if (neu[0].equals(DEV_NULL)
        || (only != null
            && only.newStart() == 0
            && only.newCount() == 0
            && (epochNew || dashN || gitDeleted))) {
      kind = FilePatch.Kind.DELETE;
    }
    for (Hunk h : hunks) {
      if (kind == FilePatch.Kind.CREATE && h.oldCount() != 0) {
        throw fail(headerLine, "patch creating " + neu[0] + " has a hunk with old lines");
      }
      if (kind == FilePatch.Kind.DELETE && h.newCount() != 0) {
        throw fail(headerLine, "patch deleting " + old[0] + " has a hunk with new lines");
      }
    }
    files.add(new FilePatch(preamble, old[0], neu[0], index, kind, hunks, headerLine));
    return k;
  }

  /** Splits a header's rest into name and timestamp (after a tab); a name without tab ends the line. */
  static String[] nameAndTime(String rest) {
    int tab = rest.indexOf('\t');
    if (tab >= 0) {
      return new String[] {rest.substring(0, tab), rest.substring(tab + 1).strip()};
    }
    return new String[] {rest.stripTrailing(), ""};
  }

  /** Timestamps GNU diff -N and CVS write for an absent file: the epoch, in UTC or a western time zone. */
  private static boolean isEpoch(String time) {
    return time.startsWith("1970-01-01 00:00:00")
        || time.startsWith("1969-12-31 ")
        || time.startsWith("1 Jan 1970 00:00:00")
        || time.startsWith("31 Dec 1969 ")
        || time.contains("Jan  1 00:00:00 1970")
        || time.contains("Dec 31 ") && time.endsWith("1969");
  }

  private int hunk(int k, int number, String file, List<Hunk> hunks) throws PatchFormatException {
    long headerLine = k + 1;
    int[] range = header(k);
    if (range == null) {
      throw fail(k + 1, "hunk #" + number + " of " + file + ": expected '@@ -l,s +l,s @@', got '"
          + abbreviate(lines.get(k)) + "'");
    }
    if (++hunkTotal > Patchset.MAX_HUNKS) {
      throw fail(k + 1, "more than " + Patchset.MAX_HUNKS + " hunks in one patchset");
    }
    int oldStart = range[0];
    int oldCount = range[1];
    int newStart = range[2];
    int newCount = range[3];
    Lines view = (Lines) lines;
    int sectionFrom = range[4];
    int sectionTo = view.end(k);
    String section = sectionFrom == sectionTo ? ""
        : new String(diff, sectionFrom, sectionTo - sectionFrom, StandardCharsets.ISO_8859_1).strip();
    if (oldCount == 0 && newCount == 0) {
      throw fail(k + 1, "hunk #" + number + " of " + file + " is empty: it neither removes nor adds a line");
    }
    if ((oldStart == 0 && oldCount != 0) || (newStart == 0 && newCount != 0)) {
      throw fail(k + 1, "hunk #" + number + " of " + file + ": line 0 only starts an empty range");
    }
    if (Math.max(oldCount, newCount) > lines.size() - k - 1) {
      throw fail(k + 1, "hunk #" + number + " of " + file + " announces " + oldCount + " old and " + newCount
          + " new lines, more than the diff has left");
    }
    int oldLeft = oldCount;
    int newLeft = newCount;
    room(Math.min(oldCount + newCount, lines.size() - k)); // each body line is a diff line
    int first = used;
    k++;
    while (oldLeft > 0 || newLeft > 0) {
      if (k >= lines.size()) {
        throw fail(k, "hunk #" + number + " of " + file + " ends early: expected " + oldLeft + " more old and "
            + newLeft + " more new lines");
      }
      // The kind byte is read from the diff: a String is made only for the line's text, not the whole line.
      Lines v = (Lines) lines;
      boolean empty = v.end(k) == v.starts[k];
      char c = empty ? ' ' : (char) (v.diff[v.starts[k]] & 0xff);
      boolean fits =
          switch (c) {
            case ' ' -> oldLeft > 0 && newLeft > 0;
            case '-' -> oldLeft > 0;
            case '+' -> newLeft > 0;
            case '\\' -> true;
            default -> false;
          };
      if (!fits) {
        throw fail(k + 1, "hunk #" + number + " of " + file + ": expected " + oldLeft + " more old and "
            + newLeft + " more new lines, got '" + abbreviate(lines.get(k)) + "'");
      }
      if (c == '\\') {
        noNewline(first, k, number, file);
        char last = Body.kindOf(ranges[2 * used - 1]);
        boolean lastOfItsSide = last == '-' ? oldLeft == 0 : last == '+' ? newLeft == 0 : false;
        if (!lastOfItsSide) {
          throw fail(k + 1, "hunk #" + number + " of " + file + ": '\\ No newline' marker in the middle of the"
              + " hunk: only the last line of a side can lack a newline");
        }
      } else {
        hunkLine(c, k);
        if (c != '+') {
          oldLeft--;
        }
        if (c != '-') {
          newLeft--;
        }
      }
      k++;
    }
    if (k < lines.size() && starts(k, "\\")) {
      noNewline(first, k, number, file);
      k++;
    }
    Body body = new Body(diff, ranges, first, used - first, false);
    hunks.add(new Hunk(oldStart, oldCount, newStart, newCount, section, body, headerLine));
    return k;
  }

  /**
   * Line {@code k} read as {@code @@ -(\\d{1,9})(?:,(\\d{1,9}))? \\+(\\d{1,9})(?:,(\\d{1,9}))? @@(.*)} (what a
   * regular expression matched here before, without a String and a Matcher per hunk): old start, old count, new
   * start, new count (1 when absent) and where the section text begins; null when it does not match. As the
   * regex's '.', the section may not hold '\\r' or U+0085.
   */
  private int[] header(int k) {
    Lines v = (Lines) lines;
    int p = v.starts[k];
    int end = v.end(k);
    int[] r = new int[5];
    if (!at(diff, p, end, "@@ -")) {
      return null;
    }
    p += 4;
    for (int side = 0; side < 2; side++) {
      if (side == 1) {
        if (!at(diff, p, end, " +")) {
          return null;
        }
        p += 2;
      }
      int q = digits(p, end);
      if (q < 0) {
        return null;
      }
      r[2 * side] = number(p, q);
      r[2 * side + 1] = 1;
      p = q;
      if (p < end && diff[p] == ',') {
        q = digits(p + 1, end);
        if (q < 0) {
          return null;
        }
        r[2 * side + 1] = number(p + 1, q);
        p = q;
      }
    }
    if (!at(diff, p, end, " @@")) {
      return null;
    }
    p += 3;
    for (int j = p; j < end; j++) {
      if (diff[j] == '\r' || diff[j] == (byte) 0x85) {
        return null;
      }
    }
    r[4] = p;
    return r;
  }

  /** Whether b[p, end) begins with the ASCII text {@code s}. */
  static boolean at(byte[] b, int p, int end, String s) {
    if (end - p < s.length()) {
      return false;
    }
    for (int j = 0; j < s.length(); j++) {
      if (b[p + j] != s.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** The end of the run of 1 to 9 ASCII digits at {@code p}, or -1. */
  private int digits(int p, int end) {
    int q = p;
    while (q < end && diff[q] >= '0' && diff[q] <= '9') {
      q++;
    }
    return q == p || q - p > 9 ? -1 : q;
  }

  private int number(int from, int to) {
    int n = 0;
    for (int j = from; j < to; j++) {
      n = n * 10 + (diff[j] - '0');
    }
    return n;
  }

  /** The last body line, which began at {@code first}, loses its '\n'. */
  private void noNewline(int first, int k, int number, String file) throws PatchFormatException {
    if (used == first) {
      throw fail(k + 1, "hunk #" + number + " of " + file + ": '\\ No newline' marker before any line");
    }
    int last = ranges[2 * used - 1];
    if (!Body.newline(last)) {
      throw fail(k + 1, "hunk #" + number + " of " + file + ": two '\\ No newline' markers for one line");
    }
    ranges[2 * used - 1] = Body.withoutNewline(last);
  }

  private static String abbreviate(String l) {
    String s = l.length() > 40 ? l.substring(0, 40) + "..." : l;
    StringBuilder sb = new StringBuilder();
    for (char ch : s.toCharArray()) {
      sb.append(ch < 0x20 || ch >= 0x7f ? '?' : ch);
    }
    return sb.toString();
  }

  private PatchFormatException fail(long line, String message) {
    return new PatchFormatException(source, line, message);
  }
}
