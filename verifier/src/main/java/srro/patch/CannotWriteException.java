package srro.patch;

import java.io.IOException;

/**
 * An output could not be written: its path is a symbolic link or not a regular file (refused, never followed
 * or replaced, as signify's O_NOFOLLOW does), or the system said no (permission denied, no such directory,
 * disk full). Nothing was written in its place. Exit 74, never "cannot open input".
 */
public final class CannotWriteException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String reason;

  public CannotWriteException(String path, String reason, Throwable cause) {
    super("can't open " + path + " for writing: " + reason, cause);
    this.path = path;
    this.reason = reason;
  }

  /** The output as the user named it. */
  public String path() {
    return path;
  }

  /** Why, lowercase: "is a symbolic link", "permission denied". */
  public String reason() {
    return reason;
  }
}
