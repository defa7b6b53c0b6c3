package srro.patch;

import java.util.Objects;

/**
 * One file of a transaction: its tree-relative path, its content before ({@code null}: absent) and after
 * ({@code null}: deleted).
 */
public record Change(String path, byte[] before, byte[] after) {
  public Change {
    Objects.requireNonNull(path, "path");
    if (before == null && after == null) {
      throw new IllegalArgumentException(path + ": a change needs a before or an after");
    }
  }
}
