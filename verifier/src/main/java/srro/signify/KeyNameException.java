package srro.signify;

/** A key file name that breaks signify's naming rules, or a -t key type that does not match (exit 1). */
public final class KeyNameException extends Exception {
  private static final long serialVersionUID = 1L;

  public KeyNameException(String message) {
    super(message);
  }
}
