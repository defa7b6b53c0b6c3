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

  protected MalformedInputException(String source, long offset, String message) {
    super(message);
    this.source = source;
    this.offset = offset;
  }

  protected MalformedInputException(String source, long offset, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.offset = offset;
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
}
