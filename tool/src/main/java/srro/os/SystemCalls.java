package srro.os;

import jnr.constants.platform.Errno;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The few system calls srro makes on a device node: {@link JnrSystemCalls} in production, scripted fakes in
 * tests. A call that fails returns -1; {@link #errno()} is read right after it and never otherwise. There is
 * deliberately no read(2): on a /dev/sg node it blocks forever.
 */
interface SystemCalls {

  /** open(2) without O_CREAT: a descriptor, or -1. */
  int open(String path, int flags);

  /** close(2): 0 or -1. */
  int close(int fd);

  /** ioctl(2) with a pointer argument: the ioctl's return value, or -1. */
  int ioctl(int fd, long request, Pointer arg);

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
