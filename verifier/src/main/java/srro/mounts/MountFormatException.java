package srro.mounts;

import srro.MalformedInputException;

/**
 * A mount table or disk listing that is not one. For text (mountinfo, mount(8) output) {@code offset} is the
 * 1-based line; for binary records (getfsstat(2)'s struct statfs array) it is a byte offset.
 */
public final class MountFormatException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  private final boolean lineNumbered;

  /** A problem on a 1-based {@code line} of a text table (-1: the table as a whole). */
  public MountFormatException(String source, long line, String message) {
    this(source, line, message, true);
  }

  private MountFormatException(String source, long offset, String message, boolean lineNumbered) {
    super(source, offset, message);
    this.lineNumbered = lineNumbered;
  }

  /** A problem at byte {@code offset} of binary records. */
  public static MountFormatException atByte(String source, long offset, String message) {
    return new MountFormatException(source, offset, message, false);
  }

  @Override
  public boolean lineNumbered() {
    return lineNumbered;
  }
}
