package srro.patch;

import java.io.IOException;

/**
 * The tree changed under the transaction (a symlink swapped in, a file edited since the plan): nothing was
 * left half-written, the message says what was found.
 */
public final class TreeChangedException extends IOException {
  private static final long serialVersionUID = 1L;

  public TreeChangedException(String message) {
    super(message);
  }
}
