package srro.os;

/**
 * An operating system call failed: {@code call} is what was asked (e.g. {@code ioctl SG_IO /dev/sg0}),
 * {@code errno} the number the OS returned and {@code errnoName} its symbolic name (EROFS), taken from
 * jnr-constants for the running OS. The command line maps it to exit status 71.
 */
public final class OsCallException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String call;
  private final int errno;
  private final String errnoName;

  public OsCallException(String call, int errno, String errnoName, String description) {
    super(call + ": " + description + " (" + errnoName + ")");
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
