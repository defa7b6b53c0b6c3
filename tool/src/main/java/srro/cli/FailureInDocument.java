package srro.cli;

/**
 * A failure the command has already described inside its own --json document (probe's per-device
 * {@code error}): the reporter prints the one-line message on stderr and maps the cause to its exit status, but
 * prints no second document on stdout.
 */
public final class FailureInDocument extends Exception {
  private static final long serialVersionUID = 1L;

  public FailureInDocument(Exception cause) {
    super(cause.getMessage(), cause);
  }
}
