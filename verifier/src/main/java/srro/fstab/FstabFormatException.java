package srro.fstab;

import srro.MalformedInputException;

/**
 * An fstab file that cannot be read as text lines at all (too large, a NUL byte). Entries that are merely wrong
 * (too few fields, a non-numeric fs_passno) are findings, not exceptions: the file is still the admin's.
 */
public final class FstabFormatException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  public FstabFormatException(String source, long offset, String message) {
    super(source, offset, message);
  }
}
