package srro.os;

import jnr.constants.platform.Errno;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Reads a string-valued OpenBSD sysctl(2) node: ask the size, allocate a little more (the value may grow, a
 * disk may attach in between), read; retry on ENOMEM. size_t is 8 bytes: only amd64 layouts are pinned.
 */
final class Sysctl {
  private Sysctl() {}

  /** {@code hw.disknames}: CTL_HW 6, HW_DISKNAMES 8 (sys/sysctl.h 7.7). */
  static final int[] HW_DISKNAMES = {6, 8};

  /** Most bytes read from one node. */
  static final int MAX_BYTES = 1 << 20;

  private static final int ATTEMPTS = 4;
  /** Room for the value to grow between asking its size and reading it. */
  private static final int SLACK = 256;

  /** The value of {@code mib} up to its first NUL; {@code name} names it in errors ("hw.disknames"). */
  static String string(SystemCalls sys, String name, int[] mib) throws OsCallException {
    Pointer length = Memory.allocateDirect(sys.runtime(), 8, true);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      length.putLong(0, 0);
      if (sys.sysctl(mib, null, length) == -1) {
        throw failure(sys, name);
      }
      long need = length.getLong(0);
      if (need < 0 || need > MAX_BYTES - SLACK) {
        throw new OsCallException("sysctl " + name, 0, "E2BIG", "the value needs " + Long.toUnsignedString(need)
            + " bytes, more than the limit of " + (MAX_BYTES - SLACK));
      }
      long room = need + SLACK;
      Pointer value = Memory.allocateDirect(sys.runtime(), (int) room, true);
      length.putLong(0, room);
      if (sys.sysctl(mib, value, length) == -1) {
        if (sys.errno() == SystemCalls.number(Errno.ENOMEM)) {
          continue;
        }
        throw failure(sys, name);
      }
      long used = length.getLong(0);
      if (used < 0 || used > room) {
        throw new OsCallException("sysctl " + name, 0, "EINVAL",
            "the kernel says it wrote " + used + " bytes into a buffer of " + room);
      }
      byte[] b = new byte[(int) used];
      value.get(0, b, 0, b.length);
      int n = 0;
      while (n < b.length && b[n] != 0) {
        n++;
      }
      return new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    throw new OsCallException("sysctl " + name, SystemCalls.number(Errno.ENOMEM), "ENOMEM",
        "the value kept growing while it was read");
  }

  private static OsCallException failure(SystemCalls sys, String name) {
    int errno = sys.errno();
    return new OsCallException(
        "sysctl " + name, errno, SystemCalls.errnoName(errno), SystemCalls.describe(errno));
  }
}
