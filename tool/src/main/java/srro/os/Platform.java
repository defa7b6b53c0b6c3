package srro.os;

import java.io.IOException;
import srro.scsi.transport.ScsiDevice;

/**
 * The operating system edge, one implementation per OS (Linux, OpenBSD). It is the only place that loads
 * JNR, and only commands that touch devices ask for it, so the others start fast.
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

  /** The platform for the running OS (by {@code os.name}); loads JNR on first use. */
  static Platform current() throws OsCallException {
    String os = System.getProperty("os.name", "");
    return switch (os) {
      case "Linux" -> new LinuxPlatform(JnrSystemCalls.get());
      case "OpenBSD" -> new OpenBsdPlatform(JnrSystemCalls.get());
      default -> throw new OsCallException(
          "platform " + os, 0, "ENOSYS", "srro talks to SCSI devices on Linux and OpenBSD only");
    };
  }
}
