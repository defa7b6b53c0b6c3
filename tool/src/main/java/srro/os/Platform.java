package srro.os;

import java.io.IOException;

/**
 * The operating system edge, one implementation per OS (Linux, OpenBSD). It is the only place that loads
 * JNR, and only commands that touch devices ask for it, so the others start fast. (Issue 5 implements it.)
 */
public interface Platform {

  /** What access a command needs from a device. */
  enum Access {
    /** Try read-write, fall back to read-only on EACCES/EROFS/EPERM and say so. */
    PREFER_READ_WRITE,
    /** Read-write or fail: e.g. SPOUT on OpenBSD, where a read-only descriptor allows only read-safe opcodes. */
    READ_WRITE,
    /** Read-only only. */
    READ_ONLY
  }

  /** Opens {@code path} for SCSI pass-through. */
  ScsiDevice openScsi(String path, Access access) throws OsCallException, IOException;

  /** The platform for the running OS; loads JNR. */
  static Platform current() throws OsCallException {
    throw new OsCallException("platform " + System.getProperty("os.name"), 0, "ENOSYS", "not implemented yet");
  }
}
