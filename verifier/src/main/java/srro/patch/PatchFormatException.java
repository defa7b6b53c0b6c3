package srro.patch;

import srro.MalformedInputException;

/**
 * A diff that is not a well-formed unified diff: a hunk header whose line counts disagree with its body, a
 * line that is neither context, removal, addition nor a "\ No newline" marker, a file over the size limits.
 * {@link #offset()} is the 1-based line number in the diff (or -1 for the diff as a whole).
 */
public final class PatchFormatException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  public PatchFormatException(String source, long line, String message) {
    super(source, line, message);
  }

  @Override
  public boolean lineNumbered() {
    return true;
  }
}
