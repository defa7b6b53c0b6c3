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
}
