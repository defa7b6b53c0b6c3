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
import srro.scsi.modepage.DecodedModePage;
import srro.scsi.transport.Command;
import srro.scsi.transport.Outcome;
import srro.scsi.transport.ReadOnlyFlag;
import srro.scsi.transport.Reply;
import srro.scsi.transport.ScsiDevice;

/**
 * What {@code srro probe} asks a device, in sd(4)'s order: INQUIRY for the device type, MODE SENSE(6) for the
 * mode parameter header and, only if that fails, MODE SENSE(10); the control page for its SWP bit (from the
 * same reply, or one MODE SENSE more); then the OS's own read-only flags. Every reply
 * is judged by {@link Outcome#of} before a byte of it is decoded.
 */
public final class Probe {
  public static final int INQUIRY_LENGTH = 96;
  public static final int MODE_SENSE_6_LENGTH = 0xff;
  public static final int MODE_SENSE_10_LENGTH = 0x1000;
  static final int CONTROL_PAGE = 0x0a;

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
      ControlPage controlPage,
      ProbeVerdict verdict) {}

  /**
   * The control mode page (SPC-4 §7.5.8) as probe found it: {@code softwareWriteProtect} is its SWP bit,
   * empty when the device did not return the page (or returned it too short); {@code source} says where it
   * came from ("MODE SENSE(6) page 0x3f control page") or why there is none.
   */
  public record ControlPage(Optional<Boolean> softwareWriteProtect, String source) {
    public ControlPage {
      java.util.Objects.requireNonNull(softwareWriteProtect, "softwareWriteProtect");
      java.util.Objects.requireNonNull(source, "source");
    }
  }

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
    ControlPage control = controlPage(device, mode, source, format, type, steps);
    List<ReadOnlyFlag> flags = device.readOnlyFlags();
    ProbeVerdict verdict = ProbeVerdict.of(
        mode.writeProtected(), source, control.softwareWriteProtect(), control.source(), flags);
    return new Report(
        device.path(), device.mode().describe(), inquiry, List.copyOf(steps), mode, source, flags, control,
        verdict);
  }

  /**
   * The control page's SWP bit: from the reply already read when it holds the page (0x3f does), else from a
   * MODE SENSE for page 0x0a in the format that worked. A device that refuses the page leaves SWP unknown (the
   * step says why); only a failed ioctl ends the probe.
   */
  private static ControlPage controlPage(
      ScsiDevice device, ModeParameters mode, String modeSource, ModeParameters.Format format,
      Optional<DeviceType> type, List<Step> steps) throws IOException, IoctlFailedException, ScsiFormatException {
    Optional<Boolean> swp = swp(mode);
    if (swp.isPresent()) {
      return new ControlPage(swp, modeSource + " control page");
    }
    Command c = format == ModeParameters.Format.SIX
        ? Cdbs.modeSense6(CONTROL_PAGE, 0, PageControl.CURRENT, false, MODE_SENSE_6_LENGTH)
        : Cdbs.modeSense10(CONTROL_PAGE, 0, PageControl.CURRENT, false, false, MODE_SENSE_10_LENGTH);
    Outcome o = ReturnedPage.checkMode(send(device, c, steps), format, type, CONTROL_PAGE, 0);
    steps.add(new Step(c.name(), o));
    if (o instanceof Outcome.Good g) {
      ModeParameters control = ModeParameters.parse(device.path() + " " + c.name() + " reply", g.data(), format,
          type);
      swp = swp(control);
      if (swp.isPresent()) {
        return new ControlPage(swp, c.name());
      }
      return new ControlPage(swp, c.name() + ": no SWP bit in the reply");
    }
    return new ControlPage(Optional.empty(), c.name() + ": " + ((Outcome.Failed) o).message());
  }

  private static Optional<Boolean> swp(ModeParameters mode) throws ScsiFormatException {
    Optional<DecodedModePage> control =
        DecodedModePage.find(DecodedModePage.decodeAll(mode, PageControl.CURRENT), CONTROL_PAGE, 0);
    if (control.isEmpty() || control.get().value("SWP").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(control.get().value("SWP").getAsLong() == 1);
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
