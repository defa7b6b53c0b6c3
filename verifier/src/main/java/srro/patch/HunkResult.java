package srro.patch;

import java.util.Objects;

/** Where one hunk landed, or why it did not: the per-hunk answer patch(1) prints. */
public sealed interface HunkResult {
  /**
   * The hunk applies at {@code line} of the new file, {@code offset} lines from where its header said
   * (cumulative over the file, as patch(1) reports it), after ignoring {@code fuzz} context lines at each end.
   */
  record Applied(int line, int offset, int fuzz) implements HunkResult {
    public Applied {
      if (line < 0 || fuzz < 0 || fuzz > Applier.MAX_FUZZ) {
        throw new IllegalArgumentException("line " + line + " fuzz " + fuzz);
      }
    }
  }

  /** The hunk's change is already in the file: its reverse applies cleanly. */
  record AlreadyApplied() implements HunkResult {}

  /** The hunk does not apply; {@code reason} says why in one lowercase line. */
  record Rejected(String reason) implements HunkResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
