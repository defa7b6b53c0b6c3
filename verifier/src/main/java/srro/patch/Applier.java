package srro.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link FilePatch} to a file's content in memory, placing hunks as GNU patch 2.7 does
 * (patch.c {@code locate_hunk}, {@code patch_match}, {@code apply_hunk}): first where the header says (shifted
 * by the offset earlier hunks needed), then at growing offsets after and before, then with fuzz 1 and 2,
 * which ignore that many context lines at the ends of the hunk. Context lines are taken from the file, not
 * the patch, so fuzzed-over lines keep their content. When a hunk does not apply, the reverse of the patch is
 * tried to tell "already applied" from "conflict".
 */
public final class Applier {
  /** Most context lines ignored at each end of a hunk, as patch(1)'s default -F2. */
  public static final int MAX_FUZZ = 2;

  private Applier() {}

  /**
   * Applies {@code patch} to {@code content} ({@code null} when the file does not exist). Never throws for a
   * patch that does not fit: the answer is in the result.
   */
  public static FileResult apply(FilePatch patch, byte[] content) {
    return apply(patch, content, true);
  }

  /**
   * As {@link #apply(FilePatch, byte[])}; without {@code output} the patched bytes are not built (the result's
   * new content is null, its status and hunks the same): for a plan that only reports. The reverse attempts,
   * which only tell "already applied" from "conflict", never build them.
   */
  static FileResult apply(FilePatch patch, byte[] content, boolean output) {
    if (content == null) {
      return absent(patch);
    }
    if (patch.kind() == FilePatch.Kind.CREATE && content.length > 0) {
      if (patch.hunks().size() == 1 && java.util.Arrays.equals(patch.hunks().get(0).body().side(false), content)) {
        return already(patch);
      }
      return rejectedAll(patch, "file exists but the patch creates it");
    }
    Lines lines = Lines.of(content);
    Attempt forward = attempt(patch, lines, MAX_FUZZ, output);
    if (forward.failures == 0 && forward.fuzzed() && attempt(patch.reversed(), lines, 0, false).failures == 0) {
      // GNU patch too prefers an exact reverse match to a fuzzy forward one ("Reversed (or previously
      // applied) patch detected!"): a patch applied twice must not apply again with fuzz.
      return already(patch);
    }
    if (forward.failures == 0) {
      if (patch.kind() == FilePatch.Kind.DELETE) {
        if (forward.output.length() != 0) {
          return rejectedAll(patch, "file has lines the patch does not delete");
        }
        return new FileResult(FileResult.Status.APPLIES, forward.results, null);
      }
      return new FileResult(FileResult.Status.APPLIES, forward.results, output ? forward.output.toBytes() : null);
    }
    Attempt reverse = attempt(patch.reversed(), lines, 0, false);
    if (reverse.failures == 0) {
      return already(patch);
    }
    List<HunkResult> mixed = new ArrayList<>(forward.results);
    for (int i = 0; i < mixed.size(); i++) {
      if (mixed.get(i) instanceof HunkResult.Rejected && reverse.results.get(i) instanceof HunkResult.Applied) {
        mixed.set(i, new HunkResult.AlreadyApplied());
      }
    }
    return new FileResult(FileResult.Status.CONFLICT, mixed, null);
  }

  private static FileResult absent(FilePatch patch) {
    if (patch.kind() == FilePatch.Kind.CREATE) {
      // The hunks' new sides, concatenated straight from the diff's bytes: a creation of a large file made a
      // HunkLine, a String and a StringBuilder's worth of garbage per line (a fifth of a large apply's allocation).
      List<HunkResult> results = new ArrayList<>();
      byte[] content = null;
      for (Hunk h : patch.hunks()) {
        byte[] side = h.body().side(false);
        content = content == null ? side : concat(content, side);
        results.add(new HunkResult.Applied(1, 0, 0));
      }
      return new FileResult(FileResult.Status.APPLIES, results, content == null ? new byte[0] : content);
    }
    if (patch.kind() == FilePatch.Kind.DELETE) {
      return already(patch);
    }
    return rejectedAll(patch, "no such file");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, Math.addExact(a.length, b.length));
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static FileResult already(FilePatch patch) {
    List<HunkResult> r = new ArrayList<>();
    patch.hunks().forEach(h -> r.add(new HunkResult.AlreadyApplied()));
    return new FileResult(FileResult.Status.ALREADY_APPLIED, r, null);
  }

  private static FileResult rejectedAll(FilePatch patch, String reason) {
    List<HunkResult> r = new ArrayList<>();
    patch.hunks().forEach(h -> r.add(new HunkResult.Rejected(reason)));
    return new FileResult(FileResult.Status.CONFLICT, r, null);
  }

  private static Attempt attempt(FilePatch patch, Lines input, int maxFuzz, boolean output) {
    long size = input.starts(input.size());
    if (output) {
      for (Hunk h : patch.hunks()) {
        size += h.body().sizeChange();
      }
    }
    Attempt a = new Attempt(input, output, (int) Math.max(0, Math.min(Integer.MAX_VALUE - 8, size)));
    for (Hunk h : patch.hunks()) {
      a.hunk(h, maxFuzz);
    }
    a.copyTill(input.size());
    return a;
  }

  /** One pass over the file: GNU patch's in_offset, out_offset and last_frozen_line, 1-based. */
  private static final class Attempt {
    final Lines input;
    final Lines.Output output;
    final List<HunkResult> results = new ArrayList<>();
    int failures;
    int inOffset;
    int outOffset;
    int frozen;

    /**
     * {@code expected} is what the new content's size will be when every hunk applies (it is exact unless the
     * file's last line lacks its '\n'): its array then needs neither growing nor trimming, a copy of the whole
     * new content each.
     */
    Attempt(Lines input, boolean output, int expected) {
      this.input = input;
      this.output = output ? new Lines.Output(expected) : Lines.Output.counting();
    }

    /** Whether some hunk needed fuzz to apply. */
    boolean fuzzed() {
      return results.stream().anyMatch(r -> r instanceof HunkResult.Applied a && a.fuzz() > 0);
    }

    void hunk(Hunk h, int maxFuzz) {
      Body body = h.body();
      int n = body.size();
      int[] pattern = new int[h.oldCount()]; // the body's old-side lines
      int m = 0;
      for (int j = 0; j < n; j++) {
        if (body.kind(j) != '+') {
          pattern[m++] = j;
        }
      }
      int prefix = 0;
      while (prefix < n && body.kind(prefix) == ' ') {
        prefix++;
      }
      int suffix = 0;
      while (suffix < n - prefix && body.kind(n - 1 - suffix) == ' ') {
        suffix++;
      }
      int context = Math.max(prefix, suffix);
      int myMaxFuzz = Math.min(maxFuzz, context);
      int first = h.oldCount() == 0 ? h.oldStart() + 1 : h.oldStart();
      int where = 0;
      int fuzz = 0;
      do {
        where = locate(first, body, pattern, prefix, suffix, context, fuzz);
      } while (where == 0 && ++fuzz <= myMaxFuzz);
      int newWhere = (where != 0 ? where : first) + outOffset;
      if (where == 0) {
        failures++;
        results.add(new HunkResult.Rejected("hunk #" + (results.size() + 1) + " does not match at line " + newWhere
            + " or nearby, even with fuzz " + myMaxFuzz));
        return;
      }
      if (!applyAt(h, body, where)) {
        failures++;
        results.add(new HunkResult.Rejected("hunk #" + (results.size() + 1) + " overlaps an earlier hunk"));
        return;
      }
      results.add(new HunkResult.Applied(newWhere, inOffset, fuzz));
    }

    /** GNU patch locate_hunk: the 1-based line where the pattern starts, or 0. */
    int locate(int pfirst, Body body, int[] pattern, int prefixContext, int suffixContext, int context, int fuzz) {
      int first = pfirst + inOffset;
      int patLines = pattern.length;
      int inputLines = input.size();
      int prefixFuzz = fuzz + prefixContext - context;
      int suffixFuzz = fuzz + suffixContext - context;
      int maxWhere = inputLines - (patLines - suffixFuzz) + 1;
      int minWhere = frozen + 1 - (prefixContext - prefixFuzz);
      int maxPos = maxWhere - first;
      int maxNeg = first - minWhere;
      int maxOffset = Math.max(maxPos, maxNeg);
      if (patLines == 0) {
        return first;
      }
      if (first <= maxNeg) {
        maxNeg = first - 1;
      }
      if (prefixFuzz < 0 && pfirst <= 1) {
        if (suffixFuzz < 0 && (patLines != inputLines || prefixContext < frozen)) {
          return 0;
        }
        int offset = 1 - first;
        if (frozen <= prefixContext && offset <= maxPos && match(body, pattern, first, offset, 0, suffixFuzz)) {
          inOffset += offset;
          return first + offset;
        }
        return 0;
      } else if (prefixFuzz < 0) {
        prefixFuzz = 0;
      }
      if (suffixFuzz < 0) {
        int offset = first - (inputLines - patLines + 1);
        if (offset <= maxNeg && match(body, pattern, first, -offset, prefixFuzz, 0)) {
          inOffset -= offset;
          return first - offset;
        }
        return 0;
      }
      for (int offset = 0; offset <= maxOffset; offset++) {
        if (offset <= maxPos && match(body, pattern, first, offset, prefixFuzz, suffixFuzz)) {
          inOffset += offset;
          return first + offset;
        }
        if (0 < offset && offset <= maxNeg && match(body, pattern, first, -offset, prefixFuzz, suffixFuzz)) {
          inOffset -= offset;
          return first - offset;
        }
      }
      return 0;
    }

    /** GNU patch patch_match: pattern lines 1+prefixFuzz .. n-suffixFuzz equal the input from base+offset. */
    boolean match(Body body, int[] pattern, int base, int offset, int prefixFuzz, int suffixFuzz) {
      int last = pattern.length - suffixFuzz;
      int iline = base + offset + prefixFuzz;
      for (int pline = 1 + prefixFuzz; pline <= last; pline++, iline++) {
        if (iline < 1 || iline > input.size() || !input.equals(iline - 1, body, pattern[pline - 1])) {
          return false;
        }
      }
      return true;
    }

    /** GNU patch apply_hunk: removed lines are skipped, added ones written, context comes from the input. */
    boolean applyAt(Hunk h, Body body, int where) {
      int w = where - 1;
      int old = 1;
      for (int j = 0; j < body.size(); j++) {
        switch (body.kind(j)) {
          case '-' -> {
            if (!copyTill(w + old - 1)) {
              return false;
            }
            frozen++;
            old++;
          }
          case '+' -> {
            if (!copyTill(w + old - 1)) {
              return false;
            }
            body.appendTo(j, output);
          }
          default -> old++;
        }
      }
      outOffset += h.newCount() - h.oldCount();
      return true;
    }

    boolean copyTill(int lastLine) {
      if (frozen > lastLine) {
        return false;
      }
      if (frozen < lastLine) { // lines frozen+1 .. lastLine (1-based), those the input has, in one copy
        int from = Math.min(frozen, input.size());
        int to = Math.min(lastLine, input.size());
        if (to > from) {
          input.copy(from, to, output);
        }
        frozen = lastLine;
      }
      return true;
    }
  }
}
