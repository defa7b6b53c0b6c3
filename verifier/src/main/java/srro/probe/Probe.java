package srro.probe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import srro.scsi.Cdbs;
import srro.scsi.DeviceType;
import srro.scsi.Inquiry;
import srro.scsi.ModeParameters;
import srro.scsi.PageControl;
import srro.scsi.ReturnedPage;
import srro.scsi.ScsiFormatException;
import srro.scsi.transport.Command;
import srro.scsi.transport.Outcome;
import srro.scsi.transport.ReadOnlyFlag;
import srro.scsi.transport.Reply;
import srro.scsi.transport.ScsiDevice;

/**
 * What {@code srro probe} asks a device, in sd(4)'s order: INQUIRY for the device type, MODE SENSE(6) for the
 * mode parameter header and, only if that fails, MODE SENSE(10); then the OS's own read-only flags. Every reply
 * is judged by {@link Outcome#of} before a byte of it is decoded.
 */
public final class Probe {
  public static final int INQUIRY_LENGTH = 96;
  public static final int MODE_SENSE_6_LENGTH = 0xff;
  public static final int MODE_SENSE_10_LENGTH = 0x1000;

  private Probe() {}

  /** One command and what came of it, for the report. */
  public record Step(String command, Outcome outcome) {}

  /** Everything probe learned about one device. */
  public record Report(
      String path,
      String openMode,
      Inquiry inquiry,
      List<Step> steps,
      ModeParameters mode,
      String modeSource,
      List<ReadOnlyFlag> flags,
      ProbeVerdict verdict) {}

  /**
   * Probes {@code device} asking for mode page {@code pageCode}. A command that fails where probe cannot go on
   * (INQUIRY, or both MODE SENSEs) throws {@link CommandFailedException} (or {@link IoctlFailedException} when the
   * ioctl itself failed) naming the command and the layer, after {@code steps} has recorded it.
   */
  public static Report run(ScsiDevice device, int pageCode, List<Step> steps)
      throws IOException, IoctlFailedException, ScsiFormatException {
    Command inquiryCommand = Cdbs.inquiry(INQUIRY_LENGTH);
    Outcome.Good inquiryReply = good(device, inquiryCommand, send(device, inquiryCommand, steps), steps);
    Inquiry inquiry = Inquiry.parse(device.path() + " inquiry data", inquiryReply.data());
    Optional<DeviceType> type = inquiry.deviceType();

    Command six = Cdbs.modeSense6(pageCode, 0, PageControl.CURRENT, false, MODE_SENSE_6_LENGTH);
    ModeParameters.Format format = ModeParameters.Format.SIX;
    Outcome outcome = ReturnedPage.checkMode(send(device, six, steps), format, type, pageCode, 0);
    if (outcome instanceof Outcome.Failed) {
      steps.add(new Step(six.name(), outcome));
      Command ten = Cdbs.modeSense10(pageCode, 0, PageControl.CURRENT, false, false, MODE_SENSE_10_LENGTH);
      format = ModeParameters.Format.TEN;
      Outcome tenOutcome = ReturnedPage.checkMode(send(device, ten, steps), format, type, pageCode, 0);
      outcome = good(device, ten, tenOutcome, steps);
    } else {
      steps.add(new Step(six.name(), outcome));
    }
    String source = format == ModeParameters.Format.SIX ? "MODE SENSE(6)" : "MODE SENSE(10)";
    byte[] modeData = ((Outcome.Good) outcome).data();
    ModeParameters mode = ModeParameters.parse(device.path() + " " + source + " reply", modeData, format, type);
    List<ReadOnlyFlag> flags = device.readOnlyFlags();
    ProbeVerdict verdict = ProbeVerdict.of(mode.writeProtected(), source, flags);
    return new Report(
        device.path(), device.mode().describe(), inquiry, List.copyOf(steps), mode, source, flags, verdict);
  }

  /** Sends {@code command} and judges the reply; an ioctl that failed ends the probe (no fallback helps). */
  private static Outcome send(ScsiDevice device, Command command, List<Step> steps)
      throws IOException, IoctlFailedException {
    Reply reply = device.execute(command);
    Outcome o = Outcome.of(command, reply);
    if (o instanceof Outcome.Failed f && f.layer() == Outcome.Layer.IOCTL) {
      steps.add(new Step(command.name(), o));
      throw new IoctlFailedException(
          device.path() + ": " + command.name(), reply.status().ioctlErrno(), reply.status().errnoName());
    }
    return o;
  }

  /** The good outcome, or the step is recorded and the failure thrown with its layer. */
  private static Outcome.Good good(ScsiDevice device, Command command, Outcome outcome, List<Step> steps)
      throws CommandFailedException {
    steps.add(new Step(command.name(), outcome));
    if (outcome instanceof Outcome.Good g) {
      return g;
    }
    throw new CommandFailedException(device.path(), command.name(), (Outcome.Failed) outcome);
  }
}
