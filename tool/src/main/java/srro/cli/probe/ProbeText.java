package srro.cli.probe;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import srro.cli.check.CheckText;
import srro.check.Skipped;
import srro.findings.Finding;
import srro.mounts.Volume;
import srro.probe.Probe;
import srro.scsi.Inquiry;
import srro.scsi.ModeParameters;
import srro.scsi.transport.Outcome;
import srro.scsi.transport.ReadOnlyFlag;

/** How {@code srro probe} looks to people: every line starts with the device; {@link ProbeJson} is for scripts. */
final class ProbeText {
  private ProbeText() {}

  /** Every layer of one device, one line each, then the verdict. */
  static void report(PrintStream out, Probe.Report r) {
    String p = r.path() + ": ";
    Inquiry q = r.inquiry();
    out.println(p + "INQUIRY: " + identity(q));
    for (Probe.Step s : r.steps().subList(1, r.steps().size())) {
      out.println(p + step(s));
    }
    ModeParameters m = r.mode();
    out.println(p + r.modeSource() + " header: mode data length " + m.modeDataLength() + " ("
        + m.declaredLength() + " of " + m.availableLength() + " bytes received), medium type 0x"
        + String.format("%02x", m.mediumType()) + ", device-specific parameter "
        + m.deviceSpecificParameter().describe());
    for (String w : m.warnings()) {
      out.println(p + "warning: " + w);
    }
    Probe.ControlPage c = r.controlPage();
    out.println(p + "control page: " + c.softwareWriteProtect()
        .map(swp -> "SWP=" + (swp ? "1, the device refuses writes" : "0") + " (" + c.source() + ")")
        .orElse("SWP unknown (" + c.source() + ")"));
    List<String> os = new ArrayList<>();
    for (ReadOnlyFlag f : r.flags()) {
      os.add(f.describe());
    }
    out.println(p + "os: " + (os.isEmpty() ? "no read-only flag on this system" : String.join(", ", os)));
    out.println(p + r.verdict().line());
  }

  /** "MODE SENSE(6) page 0x3f: good, 255 bytes" or where and why it failed. */
  static String step(Probe.Step s) {
    if (s.outcome() instanceof Outcome.Failed f) {
      return s.command() + ": failed at the " + f.layer().name().toLowerCase(java.util.Locale.ROOT) + " layer ("
          + f.code() + "): " + f.message();
    }
    Outcome.Good g = (Outcome.Good) s.outcome();
    return s.command() + ": good, " + g.data().length + " bytes"
        + (g.warnings().isEmpty() ? "" : " (" + String.join("; ", g.warnings()) + ")");
  }

  /** A device-mapper node: the mapping, its chunks, the findings, what was not checked, the verdict. */
  static void stack(PrintStream out, StackProbe.Result r) {
    String p = r.path() + ": ";
    out.println(p + "device-mapper volume " + CheckText.layer(r.volume()));
    for (Volume c : r.chunks()) {
      out.println(p + "  on chunk " + CheckText.layer(c));
    }
    for (Finding f : r.findings()) {
      out.println(p + f.severity().letter() + " " + f.message() + " [" + f.id() + "]");
      out.println(p + "  fix: " + f.hint());
    }
    for (Skipped s : r.skipped()) {
      out.println(p + "not checked: " + s.check() + ": " + s.reason());
    }
    out.println(p + StackProbe.verdict(r));
  }

  /** "QEMU QEMU HARDDISK 2.5+, direct access block device, SPC-3". */
  static String identity(Inquiry q) {
    String id = String.join(" ",
        q.vendorIdentification().orElse("?"), q.productIdentification().orElse("?"),
        q.productRevisionLevel().orElse("?"));
    String type =
        q.deviceType().map(t -> t.text()).orElse(String.format("type 0x%02x", q.peripheralDeviceType()));
    return id + ", " + type + ", " + q.versionText();
  }
}
