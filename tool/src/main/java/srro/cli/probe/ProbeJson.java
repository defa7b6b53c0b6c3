package srro.cli.probe;

import java.util.ArrayList;
import java.util.List;
import srro.cli.Json;
import srro.cli.decode.ScsiJson;
import srro.probe.Probe;
import srro.probe.ProbeVerdict;
import srro.scsi.Inquiry;
import srro.scsi.ModeParameters;
import srro.scsi.transport.Outcome;
import srro.scsi.transport.ReadOnlyFlag;

/**
 * The --json shape of {@code srro probe} (docs/schema/srro-probe.json): one object per device, the same keys
 * whether the probe got to a verdict or failed part-way (then {@code error} says why and what was not reached is
 * null). INQUIRY and the mode parameters have the shape {@code srro decode} gives them.
 */
final class ProbeJson {
  static final String SCHEMA = "srro-probe/1";

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
        .put("inquiry", ScsiJson.inquiry(r.inquiry()))
        .put("steps", steps(r.steps()))
        .put("mode_sense", r.modeSource())
        .put("mode", ScsiJson.mode(m))
        .put("write_protected", m.writeProtected())
        .put("software_write_protect", r.controlPage().softwareWriteProtect())
        .put("software_write_protect_source", r.controlPage().source())
        .put("os", flags)
        .put("verdict", r.verdict().state())
        .put("protected_by", layers(r.verdict().readOnlyLayers()))
        .put("writable_by", layers(r.verdict().writableLayers()))
        .put("evidence", r.verdict().evidence())
        .put("summary", r.verdict().line())
        .put("error", null);
  }

  /** "wp_bit", "swp", "os". */
  private static List<Object> layers(List<ProbeVerdict.Layer> layers) {
    List<Object> out = new ArrayList<>();
    for (ProbeVerdict.Layer l : layers) {
      out.add(l.name().toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }

  static Json.Obj failure(String path, String openMode, List<Probe.Step> steps, Json.Obj error) {
    return Json.object()
        .put("device", path)
        .put("open", openMode.isEmpty() ? null : openMode)
        .put("inquiry", null)
        .put("steps", steps(steps))
        .put("mode_sense", null)
        .put("mode", null)
        .put("write_protected", null)
        .put("software_write_protect", null)
        .put("software_write_protect_source", null)
        .put("os", List.of())
        .put("verdict", null)
        .put("protected_by", List.of())
        .put("writable_by", List.of())
        .put("evidence", null)
        .put("summary", null)
        .put("error", error);
  }

  private static List<Object> steps(List<Probe.Step> steps) {
    List<Object> out = new ArrayList<>();
    for (Probe.Step s : steps) {
      Json.Obj o = Json.object().put("command", s.command()).put("result", null).put("bytes", null)
          .put("warnings", List.of()).put("layer", null).put("code", null).put("message", null)
          .put("sense_key", null).put("sense", null);
      if (s.outcome() instanceof Outcome.Failed f) {
        o.put("result", "failed").put("layer", f.layer()).put("code", f.code()).put("message", f.message());
        f.sense().ifPresent(sense -> o.put("sense_key", sense.senseKey().text()).put("sense", sense.summary()));
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
