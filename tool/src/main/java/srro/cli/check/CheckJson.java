package srro.cli.check;

import java.util.List;
import srro.check.Report;
import srro.check.Skipped;
import srro.cli.Json;
import srro.findings.Finding;
import srro.findings.Severity;
import srro.mounts.Volume;

/** The fleet document of {@code srro check} ({@code srro-check/2}); {@code srro fstab} shares its findings part. */
public final class CheckJson {
  static final String SCHEMA = "srro-check/2";

  private CheckJson() {}

  /** The findings part every report document shares: {@code srro-check/2} and {@code srro-fstab/1}. */
  public static Json.Obj json(Report report) {
    return json(SCHEMA, report);
  }

  public static Json.Obj json(String schema, Report report) {
    List<Object> skipped = Json.array();
    for (Skipped s : report.checksSkipped()) {
      skipped.add(Json.object().put("check", s.check()).put("reason", s.reason()));
    }
    List<Object> findings = Json.array();
    for (Finding f : report.findings()) {
      findings.add(
          Json.object()
              .put("id", f.id())
              .put("severity", f.severity())
              .put("target", f.target())
              .put("line", f.line() > 0 ? f.line() : null)
              .put("message", f.message())
              .put("hint", f.hint()));
    }
    return Json.object()
        .put("schema", schema)
        .put("host", report.host())
        .put("ok", report.ok())
        .put("errors", report.count(Severity.ERROR))
        .put("warnings", report.count(Severity.WARNING))
        .put("checks_run", report.checksRun())
        .put("checks_skipped", skipped)
        .put("findings", findings);
  }

  /** The volumes for --json: device, aliases, read_only (true, false, or null when unknown), evidence, chunks. */
  static List<Object> volumes(List<Volume> volumes) {
    List<Object> out = Json.array();
    for (Volume v : volumes) {
      out.add(
          Json.object()
              .put("device", v.device())
              .put("aliases", v.aliases())
              .put("read_only", bool(v.readOnly()))
              .put("evidence", v.evidence())
              .put("chunks", v.chunks())
              .put("readings", readings(v)));
    }
    return out;
  }

  /** A read-only state as JSON: true, false, or null when unknown (srro-check/2). */
  public static Boolean bool(Volume.ReadOnly r) {
    return switch (r) {
      case YES -> Boolean.TRUE;
      case NO -> Boolean.FALSE;
      case UNKNOWN -> null;
    };
  }

  public static List<Object> readings(Volume v) {
    List<Object> out = Json.array();
    for (Volume.Reading r : v.readings()) {
      out.add(Json.object().put("source", r.source()).put("read_only", bool(r.readOnly())).put("detail", r.detail()));
    }
    return out;
  }
}
