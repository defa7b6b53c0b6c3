package srro.scsi.transport;

import java.util.Objects;

/**
 * The access a device was opened with. {@code readOnly} is what was obtained; {@code fallbackErrno} names the
 * errno (EROFS, EACCES, EPERM) that made srro retry read-only, or is empty when the first open worked.
 */
public record OpenMode(boolean readOnly, String fallbackErrno) {
  public OpenMode {
    Objects.requireNonNull(fallbackErrno, "fallbackErrno");
  }

  public static OpenMode readWrite() {
    return new OpenMode(false, "");
  }

  /** What to print: "read-write", "read-only", or "read-only (read-write open failed: EROFS)". */
  public String describe() {
    if (!readOnly) {
      return "read-write";
    }
    return fallbackErrno.isEmpty() ? "read-only" : "read-only (read-write open failed: " + fallbackErrno + ")";
  }
}
