package srro.os;

import jnr.constants.platform.Errno;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The few system calls srro makes: open, close and ioctl on a device node, and on OpenBSD getfsstat and
 * sysctl for mounts and disk names; {@link JnrSystemCalls} in production, scripted fakes in tests. A call
 * that fails returns -1; {@link #errno()} is read right after it and never otherwise. There is deliberately no
 * read(2): on a /dev/sg node it blocks forever.
 */
interface SystemCalls {

  /** open(2) without O_CREAT: a descriptor, or -1. */
  int open(String path, int flags);

  /** close(2): 0 or -1. */
  int close(int fd);

  /** ioctl(2) with a pointer argument: the ioctl's return value, or -1. */
  int ioctl(int fd, long request, Pointer arg);

  /** OpenBSD getfsstat(2): the number of mounted file systems (records written when {@code buf} is not null), or -1. */
  int getfsstat(Pointer buf, long bufsize, int flags);

  /**
   * sysctl(2), reading only: 0 or -1. {@code oldlen} points to a size_t holding the size of {@code old} (which may
   * be null to ask for the size), and is set to the size the value needs or used.
   */
  int sysctl(int[] mib, Pointer old, Pointer oldlen);

  /** errno of the call that just returned -1 on this thread. */
  int errno();

  /** The JNR runtime native buffers for {@link #ioctl} are allocated in. */
  Runtime runtime();

  /** The symbolic name of {@code errno} on the running OS (EROFS), from jnr-constants; "errno N" if unknown. */
  static String errnoName(int errno) {
    Errno e = Errno.valueOf(errno);
    return e == Errno.__UNKNOWN_CONSTANT__ ? "errno " + errno : e.name();
  }

  /** strerror-like text for {@code errno}, starting lowercase ("read-only file system"). */
  static String describe(int errno) {
    Errno e = Errno.valueOf(errno);
    if (e == Errno.__UNKNOWN_CONSTANT__) {
      return "unknown error " + errno;
    }
    String d = e.description();
    return d.isEmpty() ? e.name() : Character.toLowerCase(d.charAt(0)) + d.substring(1);
  }

  /** The running OS's number for {@code e}, or -1 where the OS has no such errno. */
  static int number(Errno e) {
    return e.defined() ? e.intValue() : -1;
  }
}
