package srro.patch;

import java.io.IOException;
import java.util.Objects;

/**
 * One file of a transaction: its tree-relative path, the SHA-256 of its content before ({@code null}: absent)
 * and after ({@code null}: deleted), the two contents' total size, how the file looked when its before hash was
 * taken ({@code seen}; {@code null}: not known), and how to produce the contents when the transaction writes
 * them. A change from a {@link Plan} reads and patches the file again at that moment, a file or two at a time,
 * so a transaction over a large tree holds hashes, not contents; {@link Transaction} checks the contents
 * against the hashes before writing anything: by hashing them again, or, for a file whose stamp shows it
 * unwritten since {@code seen} ({@link Stamp#unchangedAt}), by that alone, the patch applied to it being a
 * function of its bytes.
 */
public record Change(String path, String before, String after, long bytes, Stamp seen, Contents contents) {
  /**
   * Both contents of a change ({@code null}: absent), and how the old file looked just before it was read
   * ({@code null}: not known).
   */
  public record Content(byte[] before, byte[] after, Stamp stamp) {
    public Content(byte[] before, byte[] after) {
      this(before, after, null);
    }
  }

  /**
   * Produces a change's contents when they are written, reading what it needs from {@code tree}: the tree being
   * changed, as the calling thread sees it (each thread walks a tree of its own, {@link Tree#sibling}).
   */
  @FunctionalInterface
  public interface Contents {
    Content load(Source tree) throws IOException;
  }

  public Change(String path, String before, String after, long bytes, Contents contents) {
    this(path, before, after, bytes, null, contents);
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
