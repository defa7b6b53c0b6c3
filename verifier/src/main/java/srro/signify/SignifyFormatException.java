package srro.signify;

import srro.MalformedInputException;

/**
 * A signify key, signature, checksum list or gzip header that does not have the shape signify(1) requires
 * (exit 65). The message is signify's own where signify has one ("unsupported file k.pub").
 */
public final class SignifyFormatException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  public SignifyFormatException(String source, long offset, String message) {
    super(source, offset, message);
  }

  private SignifyFormatException(String source, long offset, String message, boolean namesItsInput) {
    super(source, offset, message, namesItsInput);
  }

  /** A failure in signify's own words, which name the file ("unable to parse m.sig"): printed as it is. */
  public static SignifyFormatException inSignifyWords(String source, long offset, String message) {
    return new SignifyFormatException(source, offset, message, true);
  }
}
