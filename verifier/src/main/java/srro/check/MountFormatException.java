package srro.check;

import srro.MalformedInputException;

/** A mount table (mountinfo or mount(8) output) that is not one; {@code offset} is the 1-based line. */
public final class MountFormatException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  public MountFormatException(String source, long line, String message) {
    super(source, line, message);
  }

  @Override
  public boolean lineNumbered() {
    return true;
  }
}
