package srro.patch;

import java.io.IOException;

/** Another srro run holds the tree's lock (apply, recover, rollback, kit apply); the message names its process. */
public final class TreeBusyException extends IOException {
  private static final long serialVersionUID = 1L;

  public TreeBusyException(String message) {
    super(message);
  }
}
