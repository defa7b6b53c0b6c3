package srro.patch;

import java.util.List;
import java.util.Objects;

/**
 * What applying one {@link FilePatch} to one file's content gives: a status, one {@link HunkResult} per hunk,
 * and, when the status is {@link Status#APPLIES}, the new content ({@code null} when the patch deletes the
 * file).
 */
public record FileResult(Status status, List<HunkResult> hunks, byte[] newContent) {
  /** The file-level verdict. */
  public enum Status {
    /** Every hunk applies. */
    APPLIES,
    /** Every hunk is already applied. */
    ALREADY_APPLIED,
    /** Some hunk neither applies nor is already applied. */
    CONFLICT
  }

  public FileResult {
    Objects.requireNonNull(status, "status");
    hunks = List.copyOf(hunks);
  }
}
