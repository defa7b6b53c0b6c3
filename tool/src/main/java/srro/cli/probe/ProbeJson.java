package srro.cli.probe;

import java.util.ArrayList;
import java.util.List;
import srro.cli.Json;
import srro.probe.Probe;
import srro.scsi.Inquiry;
import srro.scsi.ModeParameters;
import srro.scsi.transport.Outcome;
import srro.scsi.transport.ReadOnlyFlag;

/** The --json shape of {@code srro probe}: one object per device, steps with their layer and code. */
final class ProbeJson {
  private ProbeJson() {}

  static Json.Obj report(Probe.Report r) {
    ModeParameters m = r.mode();
    List<Object> flags = new ArrayList<>();
    for (ReadOnlyFlag f : r.flags()) {
      flags.add(Json.object().put("source", f.source()).put("reading", f.reading()).put("detail", f.detail()));
    }
    return Json.object()
        .put("device", r.path())
        .put("open", r.openMode())
        .put("inquiry", inquiry(r.inquiry()))
        .put("steps", steps(r.steps()))
        .put("modeSense", r.modeSource())
        .put("mediumType", m.mediumType())
        .put("deviceSpecificParameter", m.deviceSpecificParameter().raw())
        .put("writeProtected", m.writeProtected().orElse(null))
        .put("modeWarnings", m.warnings())
        .put("os", flags)
        .put("verdict", r.verdict().state())
        .put("evidence", r.verdict().evidence())
        .put("line", r.verdict().line());
  }

  static Json.Obj failure(String path, String openMode, List<Probe.Step> steps, String error) {
    return Json.object()
        .put("device", path)
        .put("open", openMode.isEmpty() ? null : openMode)
        .put("steps", steps(steps))
        .put("error", error);
  }

  private static Json.Obj inquiry(Inquiry q) {
    return Json.object()
        .put("peripheralQualifier", q.peripheralQualifier())
        .put("peripheralDeviceType", q.peripheralDeviceType())
        .put("deviceType", q.deviceType().map(t -> t.text()).orElse(null))
        .put("vendor", q.vendorIdentification().orElse(null))
        .put("product", q.productIdentification().orElse(null))
        .put("revision", q.productRevisionLevel().orElse(null))
        .put("version", q.versionText());
  }

  private static List<Object> steps(List<Probe.Step> steps) {
    List<Object> out = new ArrayList<>();
    for (Probe.Step s : steps) {
      Json.Obj o = Json.object().put("command", s.command());
      if (s.outcome() instanceof Outcome.Failed f) {
        o.put("result", "failed").put("layer", f.layer()).put("code", f.code()).put("message", f.message());
        f.sense().ifPresent(sense -> o.put("senseKey", sense.senseKey().text()).put("sense", sense.summary()));
      } else {
        Outcome.Good g = (Outcome.Good) s.outcome();
        o.put("result", "good").put("bytes", g.data().length).put("warnings", g.warnings());
      }
      out.add(o);
    }
    return out;
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
