package srro.cli.probe;

import java.util.ArrayList;
import java.util.List;
import srro.cli.Json;
import srro.cli.check.CheckJson;
import srro.cli.check.CheckText;
import srro.cli.decode.DecodeJson;
import srro.findings.Finding;
import srro.mounts.Volume;
import srro.probe.Probe;
import srro.probe.ProbeVerdict;
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
    return device(r.path())
        .put("open", r.openMode())
        .put("inquiry", DecodeJson.inquiry(r.inquiry()))
        .put("steps", steps(r.steps()))
        .put("mode_sense", r.modeSource())
        .put("mode", DecodeJson.mode(m))
        .put("write_protected", m.writeProtected())
        .put("software_write_protect", r.controlPage().softwareWriteProtect())
        .put("software_write_protect_source", r.controlPage().source())
        .put("os", flags)
        .put("verdict", r.verdict().state())
        .put("protected_by", layers(r.verdict().readOnlyLayers()))
        .put("writable_by", layers(r.verdict().writableLayers()))
        .put("evidence", r.verdict().evidence())
        .put("summary", r.verdict().line());
  }

  /**
   * The device object with every key srro-probe/1 lists, in order: null, or an empty list, until the probe
   * knows it; {@code stack} is added only for a device-mapper node.
   */
  private static Json.Obj device(String path) {
    return Json.object().put("device", path).put("open", null).put("inquiry", null).put("steps", List.of())
        .put("mode_sense", null).put("mode", null).put("write_protected", null).put("software_write_protect", null)
        .put("software_write_protect_source", null).put("os", List.of()).put("verdict", null)
        .put("protected_by", List.of()).put("writable_by", List.of()).put("evidence", null).put("summary", null)
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
    return device(path)
        .put("open", openMode.isEmpty() ? null : openMode)
        .put("steps", steps(steps))
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

  /** The probe document's device object (srro-probe/1), with the stack in {@code stack}. */
  static Json.Obj stack(StackProbe.Result r) {
    List<Object> chunks = new ArrayList<>();
    List<Object> evidence = new ArrayList<>();
    evidence.add(CheckText.layer(r.volume()));
    for (Volume c : r.chunks()) {
      chunks.add(stackLayer(c));
      evidence.add("chunk " + CheckText.layer(c));
    }
    List<Object> findings = Json.array();
    for (Finding f : r.findings()) {
      findings.add(Json.object().put("id", f.id()).put("severity", f.severity()).put("message", f.message())
          .put("hint", f.hint()));
    }
    List<Object> os = new ArrayList<>();
    for (Volume.Reading x : r.volume().readings()) {
      os.add(Json.object().put("source", x.source().name().toLowerCase(java.util.Locale.ROOT))
          .put("reading", switch (x.readOnly()) {
            case YES -> "read_only";
            case NO -> "read_write";
            case UNKNOWN -> "unavailable";
          }).put("detail", x.detail()));
    }
    // a mapping's layers are its chunks, under "stack": protected_by and writable_by stay empty
    return device(r.path())
        .put("os", os)
        .put("verdict", r.readOnly() ? "yes" : r.findings().isEmpty() ? "no" : "disagree")
        .put("evidence", evidence)
        .put("summary", StackProbe.verdict(r))
        .put("stack", Json.object().put("mapper", stackLayer(r.volume())).put("chunks", chunks)
            .put("findings", findings));
  }

  private static Json.Obj stackLayer(Volume v) {
    return Json.object().put("device", v.device()).put("aliases", v.aliases())
        .put("read_only", CheckJson.bool(v.readOnly())).put("evidence", v.evidence())
        .put("readings", CheckJson.readings(v));
  }
}
