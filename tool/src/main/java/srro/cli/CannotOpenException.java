package srro.cli;

import java.io.IOException;

/** An input named on the command line could not be opened (exit 66); the message names it and says why. */
public final class CannotOpenException extends IOException {
  private static final long serialVersionUID = 1L;

  public CannotOpenException(String message) {
    super(message);
  }

  public CannotOpenException(String message, Throwable cause) {
    super(message, cause);
  }
}
