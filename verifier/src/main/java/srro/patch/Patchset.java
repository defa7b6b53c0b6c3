package srro.patch;

import java.util.List;
import java.util.Objects;

/**
 * A parsed unified diff as OpenBSD errata, {@code diff -uNp}, {@code cvs diff} and {@code git diff} write them:
 * the leading description text (kept verbatim, e.g. an erratum's explanation and instructions) and one {@link
 * FilePatch} per file, in order.
 */
public record Patchset(String source, String description, List<FilePatch> files) {
  /** Largest diff accepted, in bytes. */
  public static final int MAX_DIFF_BYTES = 64 << 20;
  /** Longest diff line accepted, in bytes. */
  public static final int MAX_LINE_BYTES = 1 << 20;
  /** Most files one patchset may change. */
  public static final int MAX_FILES = 10_000;
  /** Most hunks in one patchset. */
  public static final int MAX_HUNKS = 1_000_000;

  public Patchset {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(description, "description");
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a patchset changes at least one file");
    }
  }

  /**
   * Parses {@code diff}. {@code source} names it in error messages (a path or "stdin").
   *
   * @throws PatchFormatException if it is not a well-formed unified diff (the offset is the line number)
   */
  public static Patchset parse(String source, byte[] diff) throws PatchFormatException {
    return new DiffParser(source, diff).parse();
  }

  /**
   * The patchsets of several diffs applied as one, in order: the sources joined with ", ", the first
   * description, every file patch.
   */
  public static Patchset concat(List<Patchset> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    List<FilePatch> all = new java.util.ArrayList<>();
    List<String> sources = new java.util.ArrayList<>();
    for (Patchset p : parts) {
      sources.add(p.source());
      all.addAll(p.files());
    }
    return new Patchset(String.join(", ", sources), parts.get(0).description(), all);
  }

  /** Number of hunks over all files. */
  public int hunkCount() {
    return files.stream().mapToInt(f -> f.hunks().size()).sum();
  }
}
