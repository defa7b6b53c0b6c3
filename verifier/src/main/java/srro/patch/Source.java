package srro.patch;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the files a patchset changes are read from: a directory tree ({@link Tree}) or the entries of an
 * archive. Paths are relative, '/'-separated, already stripped and checked by {@link TargetPath}.
 */
public interface Source {
  /** Why {@code path} must not be touched (a symlink out of the tree, not a regular file), or empty. */
  Optional<String> refusal(String path) throws IOException;

  /** The file's bytes, or empty when it does not exist; a file srro must not touch is refused. */
  Optional<byte[]> read(String path) throws IOException, TargetRefusedException;

  /**
   * {@link #refusal} of {@code path} and, only when there is none, {@link #read}: what a caller that needs both
   * asks once. A {@link Tree} answers it with one walk from its root instead of two.
   */
  default Look look(String path) throws IOException, TargetRefusedException {
    Optional<String> why = refusal(path);
    return new Look(why, why.isPresent() ? Optional.empty() : read(path));
  }

  /**
   * What {@link #look} found: a refusal, or the content ({@code content} empty: no such file), and how the file
   * looked just before it was read ({@code null}: absent, or a source that keeps no {@link Stamp}s).
   */
  record Look(Optional<String> refusal, Optional<byte[]> content, Stamp stamp) {
    public Look(Optional<String> refusal, Optional<byte[]> content) {
      this(refusal, content, null);
    }
  }
}
