package srro.scsi.transport;

import java.util.Objects;

/**
 * What a transport brought back: the status at every layer and the data bytes received (for FROM_DEVICE, the
 * buffer as the OS left it, allocation length long; the transfer length is for {@link Outcome#of} to decide
 * from resid and the reply's own header).
 */
public record Reply(TransportStatus status, byte[] data) {
  public Reply {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(data, "data");
  }
}
