package srro.os;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.NativeLong;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.u_int32_t;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * System calls through JNR: open/close from jnr-posix's native POSIX (never the Java fallback, whose open()
 * throws), ioctl, getfsstat and sysctl from a small JNR-FFI binding of libc (jnr-posix has none of them).
 * Loaded once, on first use, so commands that touch no device never load JNR.
 */
final class JnrSystemCalls implements SystemCalls {

  /**
   * The libc functions jnr-posix lacks; the request of ioctl is an unsigned long on Linux and OpenBSD alike.
   * JNR binds each function on its first call, so getfsstat (OpenBSD only) costs nothing on Linux.
   */
  public interface LibC {
    @SaveError
    int ioctl(int fd, NativeLong request, Pointer arg);

    @SaveError
    int getfsstat(Pointer buf, @size_t long bufsize, int flags);

    @SaveError
    int sysctl(@In int[] name, @u_int32_t int namelen, Pointer oldp, Pointer oldlenp, Pointer newp,
        @size_t long newlen);
  }

  private final POSIX posix;
  private final LibC libc;
  private final Runtime runtime;
  /** Which of the two bindings made the last call, so errno is read from the one that saved it. */
  private final ThreadLocal<Boolean> lastWasFfi = ThreadLocal.withInitial(() -> false);

  private JnrSystemCalls(POSIX posix, LibC libc) {
    this.posix = posix;
    this.libc = libc;
    this.runtime = Runtime.getRuntime(libc);
  }

  private static final class Holder {
    /** The loaded calls, or why they could not be loaded. */
    static final Object INSTANCE = load();

    private static Object load() {
      // srro's own copy of jffi's stub where it has one for this machine (JffiStub); elsewhere jffi unpacks its own
      JffiStub.prepare();
      try {
        POSIX posix = POSIXFactory.getNativePOSIX();
        if (posix == null || !posix.isNative()) {
          return "jnr-posix has no native binding for " + System.getProperty("os.name") + " "
              + System.getProperty("os.arch");
        }
        LibC libc = LibraryLoader.create(LibC.class).load("c");
        return new JnrSystemCalls(posix, libc);
      } catch (LinkageError | RuntimeException e) {
        return "cannot load JNR: " + e;
      } finally {
        JffiStub.cleanUp();
      }
    }
  }

  /** The process-wide instance; loads JNR on first call. */
  static JnrSystemCalls get() throws OsCallException {
    Object o = Holder.INSTANCE;
    if (o instanceof String failure) {
      throw new OsCallException("load native POSIX", 0, "ENOSYS", failure);
    }
    return (JnrSystemCalls) o;
  }

  @Override
  public int open(String path, int flags) {
    lastWasFfi.set(false);
    return posix.open(path, flags, 0);
  }

  @Override
  public int close(int fd) {
    lastWasFfi.set(false);
    return posix.close(fd);
  }

  @Override
  public int ioctl(int fd, long request, Pointer arg) {
    lastWasFfi.set(true);
    return libc.ioctl(fd, NativeLong.valueOf(request), arg);
  }

  @Override
  public int getfsstat(Pointer buf, long bufsize, int flags) {
    lastWasFfi.set(true);
    return libc.getfsstat(buf, bufsize, flags);
  }

  @Override
  public int sysctl(int[] mib, Pointer old, Pointer oldlen) {
    lastWasFfi.set(true);
    return libc.sysctl(mib, mib.length, old, oldlen, null, 0);
  }

  @Override
  public int errno() {
    return lastWasFfi.get() ? LastError.getLastError(runtime) : posix.errno();
  }

  @Override
  public Runtime runtime() {
    return runtime;
  }
}
