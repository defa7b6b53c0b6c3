package srro.kit;

import srro.MalformedInputException;

/** A patch kit file (ORIGINALS) that does not have its documented shape (exit 65). Offsets are line numbers. */
public final class KitFormatException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  /** {@code message} names the file and line itself ("ORIGINALS:3: expected ..."), so it is printed as it is. */
  public KitFormatException(String source, long line, String message) {
    super(source, line, message, true);
  }

  @Override
  public boolean lineNumbered() {
    return true;
  }
}
