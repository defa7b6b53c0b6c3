package srro.patch;

import java.io.IOException;

/** A previous patch transaction in this tree was interrupted; {@code srro patch recover} must run first. */
public final class PendingTransactionException extends IOException {
  private static final long serialVersionUID = 1L;

  public PendingTransactionException(String message) {
    super(message);
  }
}
