package srro.cli;

import srro.MalformedInputException;

/**
 * A {@code .tar.gz} that is not a well-formed one: not gzip, cut short, a tar header whose checksum does not
 * match, an entry with an absolute or {@code ..} name. {@link #offset()} is the compressed byte offset reached.
 */
public final class ArchiveFormatException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  public ArchiveFormatException(String source, long offset, String message, Throwable cause) {
    super(source, offset, message, cause);
  }
}
