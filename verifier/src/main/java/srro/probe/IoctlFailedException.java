package srro.probe;

/**
 * The pass-through ioctl itself failed while probing ({@code call} names the device and the command), so no
 * layer above it answered. The command line maps it, like any failed OS call, to exit status 71.
 */
public final class IoctlFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String call;
  private final int errno;
  private final String errnoName;

  public IoctlFailedException(String call, int errno, String errnoName) {
    super(call + ": the pass-through ioctl failed (" + errnoName + ")");
    this.call = call;
    this.errno = errno;
    this.errnoName = errnoName;
  }

  public String call() {
    return call;
  }

  public int errno() {
    return errno;
  }

  public String errnoName() {
    return errnoName;
  }
}
