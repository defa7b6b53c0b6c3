package srro.os;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import srro.mounts.MountFormatException;
import srro.mounts.MountTable;
import srro.mounts.OpenBsdStatfs;

/**
 * The OpenBSD mount table from getfsstat(2), as mount(8) reads it but without a child process or text to parse.
 * MNT_NOWAIT: file systems are not asked to refresh their statistics, so a dead NFS server cannot hang a check.
 * getfsstat fills at most the records that fit; when it fills them all, a mount may have appeared since it
 * was counted, so srro counts and reads again.
 */
public final class OpenBsdMounts {
  private OpenBsdMounts() {}

  static final String SOURCE = "getfsstat(2)";
  /** sys/mount.h 7.7. */
  static final int MNT_NOWAIT = 2;

  private static final int ATTEMPTS = 4;

  /** The mount table of this machine; loads JNR. */
  public static MountTable read() throws OsCallException, MountFormatException {
    return read(JnrSystemCalls.get());
  }

  static MountTable read(SystemCalls sys) throws OsCallException, MountFormatException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int counted = sys.getfsstat(null, 0, MNT_NOWAIT);
      if (counted == -1) {
        throw failure(sys);
      }
      int room = Math.min(counted + 4, OpenBsdStatfs.MAX_RECORDS);
      long bytes = (long) room * OpenBsdStatfs.RECORD_BYTES;
      Pointer buf = Memory.allocateDirect(sys.runtime(), (int) bytes, true);
      int got = sys.getfsstat(buf, bytes, MNT_NOWAIT);
      if (got == -1) {
        throw failure(sys);
      }
      if (got > room) {
        throw MountFormatException.atByte(
            SOURCE, -1, "getfsstat returned " + got + " records for a buffer of " + room);
      }
      if (got < room || room == OpenBsdStatfs.MAX_RECORDS) {
        byte[] records = new byte[got * OpenBsdStatfs.RECORD_BYTES];
        buf.get(0, records, 0, records.length);
        return OpenBsdStatfs.table(SOURCE, records, got);
      }
    }
    throw new OsCallException("getfsstat", 0, "EAGAIN", "the mount table kept growing while it was read");
  }

  private static OsCallException failure(SystemCalls sys) {
    int errno = sys.errno();
    return new OsCallException("getfsstat", errno, SystemCalls.errnoName(errno), SystemCalls.describe(errno));
  }
}
