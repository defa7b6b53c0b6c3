package srro.probe;

import java.io.IOException;
import srro.scsi.transport.Outcome;

/**
 * A SCSI command came back failed at a layer above the ioctl (transport, host, driver, SCSI status, sense,
 * transfer, page): the device or the path to it said no. Exit status 1, the check's answer (an ioctl that
 * fails is {@link IoctlFailedException}, 71); the message names the device, the command, the layer and the
 * code.
 */
public final class CommandFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Outcome.Failed failure;

  public CommandFailedException(String path, String command, Outcome.Failed failure) {
    super(path + ": " + command + " failed at the " + failure.layer().name().toLowerCase(java.util.Locale.ROOT)
        + " layer (" + failure.code() + "): " + failure.message());
    this.failure = failure;
  }

  public Outcome.Failed failure() {
    return failure;
  }
}
