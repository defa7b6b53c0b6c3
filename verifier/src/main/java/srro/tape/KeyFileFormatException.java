package srro.tape;

import srro.MalformedInputException;

/**
 * A tape key file that is not "hex key line, optional description line" (stenc's format). The message never
 * contains any part of the key, not even the character that was wrong.
 */
public final class KeyFileFormatException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  KeyFileFormatException(String source, long offset, String message) {
    super(source, offset, message);
  }
}
