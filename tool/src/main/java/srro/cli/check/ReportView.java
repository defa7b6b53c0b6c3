package srro.cli.check;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import srro.check.Report;
import srro.check.Skipped;
import srro.cli.Json;
import srro.findings.Finding;
import srro.findings.Severity;
import srro.mounts.Volume;

/**
 * Renders a {@link Report} the way findmnt --verify does: one line per target with the worst severity
 * ({@code [E]}, {@code [W]}, {@code [ ]}), the findings indented under it, then a summary, what was not checked,
 * and one fix hint per rule. {@link #json} is the fleet schema {@code srro-check/1}.
 */
public final class ReportView {
  static final String SCHEMA = "srro-check/2";

  private ReportView() {}

  /** {@code source} names where finding lines point ("fstab" or a file name). */
  public static void text(PrintStream out, Report report, List<String> targets, String source) {
    Map<String, List<Finding>> byTarget = new LinkedHashMap<>();
    for (String t : targets) {
      byTarget.putIfAbsent(t, new ArrayList<>());
    }
    for (Finding f : report.findings()) {
      byTarget.computeIfAbsent(f.target(), k -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<Finding>> e : byTarget.entrySet()) {
      char worst = ' ';
      for (Finding f : e.getValue()) {
        if (f.severity() == Severity.ERROR) {
          worst = 'E';
        } else if (f.severity() == Severity.WARNING && worst != 'E') {
          worst = 'W';
        }
      }
      out.println("[" + worst + "] " + e.getKey());
      for (Finding f : e.getValue()) {
        String where = f.line() > 0 ? source + " line " + f.line() + ": " : "";
        out.println("      " + f.severity().letter() + " " + where + f.message() + " [" + f.id() + "]");
      }
    }
    long errors = report.count(Severity.ERROR);
    long warnings = report.count(Severity.WARNING);
    out.println();
    out.println(
        plural(errors, "error") + ", " + plural(warnings, "warning") + "; checked: "
            + (report.checksRun().isEmpty() ? "nothing" : String.join(", ", report.checksRun())));
    for (Skipped s : report.checksSkipped()) {
      out.println("not checked: " + s.check() + ": " + s.reason());
    }
    LinkedHashSet<String> hints = new LinkedHashSet<>();
    for (Finding f : report.findings()) {
      hints.add(f.id() + ": " + f.hint());
    }
    if (!hints.isEmpty()) {
      out.println("fix:");
      for (String h : hints) {
        out.println("  " + h);
      }
    }
  }

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
              .put("read_only", switch (v.readOnly()) {
                case YES -> Boolean.TRUE;
                case NO -> Boolean.FALSE;
                case UNKNOWN -> null;
              })
              .put("evidence", v.evidence())
              .put("chunks", v.chunks()));
    }
    return out;
  }

  /** One line per volume that reports read-only, before the targets: the first question an operator asks. */
  static void readOnlyVolumes(PrintStream out, List<Volume> volumes) {
    List<String> ro = new ArrayList<>();
    for (Volume v : volumes) {
      if (v.readOnly() == Volume.ReadOnly.YES) {
        String evidence = v.evidence().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        ro.add(v.device() + (v.aliases().isEmpty() ? "" : " " + v.aliases()) + " (" + evidence + ")");
      }
    }
    out.println("read-only volumes: " + (ro.isEmpty() ? "none" : String.join(", ", ro)));
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** The name of the machine srro runs on, for the report's {@code host}. */
  public static String thisHost() {
    try {
      Path p = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(p)) {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).strip();
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
