package srro.cli;

/** The arguments do not make sense together (exit 2); picocli's own parse errors are mapped the same way. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
