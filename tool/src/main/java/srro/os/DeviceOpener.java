package srro.os;

import java.nio.file.NoSuchFileException;
import java.util.Set;
import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import srro.scsi.transport.OpenMode;

/**
 * Opens a device node the way every srro command does: read-write first, and when the OS refuses writing for a
 * reason that only means "this is read-only" (EACCES from OpenBSD sd(4), EROFS from Linux sd and vnd(4) or a
 * read-only mount, EPERM from securelevel or a sandbox) read-only, recording why. Open flags and errnos come
 * from jnr-constants for the running OS, never literals.
 */
final class DeviceOpener {

  /** An open descriptor and how it was obtained. */
  record Opened(int fd, OpenMode mode) {}

  private static final Set<Errno> READ_ONLY_REASONS = Set.of(Errno.EACCES, Errno.EROFS, Errno.EPERM);

  private final SystemCalls sys;
  private final int extraFlags;

  /** {@code extraFlags} are or-ed into every open (O_NONBLOCK on Linux, as sg3_utils does). */
  DeviceOpener(SystemCalls sys, int extraFlags) {
    this.sys = sys;
    this.extraFlags = extraFlags;
  }

  Opened open(String path, Platform.Access access) throws OsCallException, NoSuchFileException {
    int rdwr = OpenFlags.O_RDWR.intValue();
    int rdonly = OpenFlags.O_RDONLY.intValue();
    if (access == Platform.Access.READ_ONLY) {
      return new Opened(openOrThrow(path, rdonly, "O_RDONLY", ""), new OpenMode(true, ""));
    }
    int fd = sys.open(path, rdwr | extraFlags);
    if (fd >= 0) {
      return new Opened(fd, OpenMode.readWrite());
    }
    int errno = sys.errno();
    String name = SystemCalls.errnoName(errno);
    if (access == Platform.Access.READ_WRITE || !isReadOnlyReason(errno)) {
      throw failure(path, "O_RDWR", errno,
          access == Platform.Access.READ_WRITE ? " (this command needs read-write access)" : "");
    }
    String why = " after O_RDWR failed with " + name;
    return new Opened(openOrThrow(path, rdonly, "O_RDONLY", why), new OpenMode(true, name));
  }

  private int openOrThrow(String path, int flags, String flagName, String context)
      throws OsCallException, NoSuchFileException {
    int fd = sys.open(path, flags | extraFlags);
    if (fd < 0) {
      throw failure(path, flagName, sys.errno(), context);
    }
    return fd;
  }

  private static boolean isReadOnlyReason(int errno) {
    return READ_ONLY_REASONS.contains(Errno.valueOf(errno));
  }

  /** ENOENT is a missing input (exit 66); anything else is an OS call that failed (exit 71). */
  private static OsCallException failure(String path, String flagName, int errno, String context)
      throws NoSuchFileException {
    if (Errno.valueOf(errno) == Errno.ENOENT) {
      throw new NoSuchFileException(path);
    }
    return new OsCallException(
        "open " + path + " " + flagName + context, errno, SystemCalls.errnoName(errno),
        SystemCalls.describe(errno));
  }
}
