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

  /** What the "kernel" answers to getfsstat(2). */
  interface Getfsstat {
    int call(FakeSystemCalls sys, Pointer buf, long bufsize, int flags);
  }

  /** What the "kernel" answers to sysctl(2). */
  interface Sysctl {
    int call(FakeSystemCalls sys, int[] mib, Pointer old, Pointer oldlen);
  }

  final List<String> calls = new ArrayList<>();
  private Getfsstat getfsstat = (sys, buf, size, flags) -> sys.fail(Errno.ENOSYS);
  private Sysctl sysctl = (sys, mib, old, oldlen) -> sys.fail(Errno.ENOENT);
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

  FakeSystemCalls getfsstat(Getfsstat g) {
    this.getfsstat = g;
    return this;
  }

  FakeSystemCalls sysctl(Sysctl s) {
    this.sysctl = s;
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
  public int getfsstat(Pointer buf, long bufsize, int flags) {
    calls.add("getfsstat " + (buf == null ? "NULL" : "buf") + " " + bufsize + " " + flags);
    return getfsstat.call(this, buf, bufsize, flags);
  }

  @Override
  public int sysctl(int[] mib, Pointer old, Pointer oldlen) {
    calls.add("sysctl " + java.util.Arrays.toString(mib) + " " + (old == null ? "NULL" : "buf"));
    return sysctl.call(this, mib, old, oldlen);
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
