package srro;

/**
 * Input that does not have the shape its format requires: a key file of the wrong length, a diff whose hunk
 * header lies about its line counts, a mode page longer than the reply. Each domain throws its own subclass;
 * the command line maps every one of them to exit status 65.
 *
 * <p>The message is one lowercase line that names the input and says what was expected, like signify's. {@link
 * #source()} names the input (a path, "stdin", "reply"); {@link #offset()} is the byte or line position where
 * the problem was found, or -1 when the input as a whole is wrong.
 */
public abstract class MalformedInputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long offset;
  private final boolean namesItsInput;

  protected MalformedInputException(String source, long offset, String message) {
    this(source, offset, message, false);
  }

  /**
   * {@code namesItsInput}: the message already names the input in its own tool's words (signify's "unable to
   * parse m.sig" is an interface), so {@link #located()} prints it as it is.
   */
  protected MalformedInputException(String source, long offset, String message, boolean namesItsInput) {
    super(message);
    this.source = source;
    this.offset = offset;
    this.namesItsInput = namesItsInput;
  }

  protected MalformedInputException(String source, long offset, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.offset = offset;
    this.namesItsInput = false;
  }

  /** The input's name as the user gave it, or a name for the data ("stdin", "mode sense reply"). */
  public String source() {
    return source;
  }

  /** Byte offset (or line number, where {@link #lineNumbered()} says so) of the problem; -1 for the whole input. */
  public long offset() {
    return offset;
  }

  /** Whether {@link #offset()} is a 1-based line number (line-oriented formats) rather than a byte offset. */
  public boolean lineNumbered() {
    return false;
  }

  /**
   * The one line the command line prints: "file:14: message" for line-oriented inputs, "file at offset 57:
   * message" for binary ones, "file: message" for the input as a whole, or the message alone when it names its
   * input itself.
   */
  public String located() {
    String msg = getMessage();
    if (namesItsInput || source.isEmpty()) {
      return msg;
    }
    if (offset < 0) {
      return source + ": " + msg;
    }
    return lineNumbered() ? source + ":" + offset + ": " + msg : source + " at offset " + offset + ": " + msg;
  }
}
