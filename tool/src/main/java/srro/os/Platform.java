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

  /** The platform for {@code os} ({@code osName} for the message when srro has none); loads JNR. */
  static Platform of(Host.Os os, String osName) throws OsCallException {
    return switch (os) {
      case LINUX -> new LinuxPlatform(JnrSystemCalls.get());
      case OPENBSD -> new OpenBsdPlatform(JnrSystemCalls.get());
      case OTHER -> throw new OsCallException(
          "platform " + osName, 0, "ENOSYS", "srro talks to SCSI devices on Linux and OpenBSD only");
    };
  }
}
