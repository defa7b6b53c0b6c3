package srro.cli;

import srro.MalformedInputException;

/** An input is longer than the limit for its kind; it was not read past the limit. Exit 65. */
public final class InputTooLargeException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  public InputTooLargeException(String source, long limit, String what) {
    super(source, -1, "more than " + limit + " bytes, the limit for " + what);
  }
}
