package srro.patch;

import java.io.IOException;
import java.util.Objects;

/**
 * One file of a transaction: its tree-relative path, the SHA-256 of its content before ({@code null}: absent)
 * and after ({@code null}: deleted), the two contents' total size, and how to produce the contents when the
 * transaction writes them. A change from a {@link Plan} reads and patches the file again at that moment, a
 * file or two at a time, so a transaction over a large tree holds hashes, not contents; {@link Transaction}
 * checks the contents against the hashes before writing anything.
 */
public record Change(String path, String before, String after, long bytes, Contents contents) {
  /** Both contents of a change ({@code null}: absent). */
  public record Content(byte[] before, byte[] after) {}

  /**
   * Produces a change's contents when they are written, reading what it needs from {@code tree}: the tree being
   * changed, as the calling thread sees it (each thread walks a tree of its own, {@link Tree#sibling}).
   */
  @FunctionalInterface
  public interface Contents {
    Content load(Source tree) throws IOException;
  }

  public Change {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(contents, "contents");
    if (before == null && after == null) {
      throw new IllegalArgumentException(path + ": a change needs a before or an after");
    }
  }

  /** A change whose contents are already in memory. */
  public static Change of(String path, byte[] before, byte[] after) {
    long bytes = (before == null ? 0 : before.length) + (after == null ? 0 : after.length);
    Content c = new Content(before, after);
    return new Change(path, DurableFiles.hash(before), DurableFiles.hash(after), bytes, tree -> c);
  }
}
