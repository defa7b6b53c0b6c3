package srro.os;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/** Scripted system calls: opens fail with chosen errnos per access mode, ioctls run a test's kernel stand-in. */
final class FakeSystemCalls implements SystemCalls {

  /** What the "kernel" does with an ioctl: fill the argument and return 0, or set errno and return -1. */
  interface Kernel {
    int ioctl(FakeSystemCalls sys, long request, Pointer arg);
  }

  final List<String> calls = new ArrayList<>();
  private final Map<Integer, Errno> openFailures = new HashMap<>();
  private Kernel kernel = (sys, request, arg) -> sys.fail(Errno.ENOTTY);
  private int errno;
  private int nextFd = 3;
  int closeErrno;

  FakeSystemCalls failOpen(int accessFlag, Errno e) {
    openFailures.put(accessFlag, e);
    return this;
  }

  FakeSystemCalls kernel(Kernel k) {
    this.kernel = k;
    return this;
  }

  /** Sets errno and returns -1, as a failing system call does. */
  int fail(Errno e) {
    errno = e.intValue();
    return -1;
  }

  static String access(int flags) {
    int acc = flags & 3;
    return acc == OpenFlags.O_RDWR.intValue() ? "O_RDWR" : acc == OpenFlags.O_RDONLY.intValue() ? "O_RDONLY" : "?";
  }

  @Override
  public int open(String path, int flags) {
    calls.add("open " + path + " " + access(flags)
        + ((flags & OpenFlags.O_NONBLOCK.intValue()) != 0 ? "|O_NONBLOCK" : ""));
    Errno e = openFailures.get(flags & 3);
    return e == null ? nextFd++ : fail(e);
  }

  @Override
  public int close(int fd) {
    calls.add("close " + fd);
    return closeErrno == 0 ? 0 : fail(Errno.valueOf(closeErrno));
  }

  @Override
  public int ioctl(int fd, long request, Pointer arg) {
    calls.add(String.format("ioctl %d 0x%x", fd, request));
    return kernel.ioctl(this, request, arg);
  }

  @Override
  public int errno() {
    return errno;
  }

  @Override
  public Runtime runtime() {
    return Runtime.getSystemRuntime();
  }
}
