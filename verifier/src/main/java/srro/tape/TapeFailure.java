package srro.tape;

import java.util.Objects;
import srro.scsi.transport.Outcome;

/**
 * A command to the drive that did not come back good: which command ({@code commandName}, e.g. "SECURITY
 * PROTOCOL IN protocol 0x20 specific 0x0020"), the layer that said no and why ({@code outcome}), and the
 * ioctl's errno (0 unless the OS call itself failed) so the command line can tell an OS failure from a drive
 * that refused.
 */
public record TapeFailure(String commandName, Outcome.Failed outcome, int ioctlErrno) {
  public TapeFailure {
    Objects.requireNonNull(commandName, "commandName");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** Whether the operating system call failed (as opposed to the HBA, the drive or its reply). */
  public boolean osCallFailed() {
    return outcome.layer() == Outcome.Layer.IOCTL;
  }

  /** Whether the drive itself answered with CHECK CONDITION or another non-GOOD status. */
  public boolean driveRefused() {
    return outcome.layer() == Outcome.Layer.SCSI_STATUS || outcome.layer() == Outcome.Layer.SENSE;
  }

  /** One lowercase line: the command and the failure. */
  public String describe() {
    return commandName + ": " + outcome.message();
  }
}
