package srro.check;

import java.util.Objects;
import srro.scsi.transport.Outcome;

/**
 * A disk behind {@code volume} that refused a SCSI command the check sent it (INQUIRY, MODE SENSE): the OS call
 * worked, and the device, the HBA or the driver said no. {@code message} is the line {@code srro probe} prints for
 * the same refusal, {@code <device>: <command> failed at the <layer> layer (<CODE>): <message>}; {@code failure}
 * is the layer and code it was judged at. {@link CrossCheck} makes it the error {@code device-refused-command}: a
 * disk that cannot answer cannot say whether it is write-protected, which is a no, as in probe.
 */
public record DeviceRefusal(String volume, String message, Outcome.Failed failure) {
  public DeviceRefusal {
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(failure, "failure");
  }
}
