package srro.cli.check;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import srro.check.Report;
import srro.check.Skipped;
import srro.findings.Finding;
import srro.findings.Severity;
import srro.mounts.Volume;

/**
 * {@code srro check --prometheus}: the report in the Prometheus text exposition format (version 0.0.4) that
 * node_exporter's textfile collector reads. Every metric is a gauge of the last run; findings are counted by
 * rule, severity and mount point (so two findings of one rule on one target are one series with value 2).
 */
final class CheckMetrics {
  private CheckMetrics() {}

  static String render(Report report, List<Volume> volumes) {
    StringBuilder sb = new StringBuilder();
    gauge(sb, "srro_check_ok", "1 when the last srro check found no error, else 0.");
    sb.append("srro_check_ok ").append(report.ok() ? 1 : 0).append('\n');
    gauge(sb, "srro_check_errors", "Error findings of the last srro check.");
    sb.append("srro_check_errors ").append(report.count(Severity.ERROR)).append('\n');
    gauge(sb, "srro_check_warnings", "Warning findings of the last srro check.");
    sb.append("srro_check_warnings ").append(report.count(Severity.WARNING)).append('\n');

    gauge(sb, "srro_check_findings", "Findings of the last srro check by rule, severity and mount point.");
    Map<String, Integer> counts = new TreeMap<>();
    for (Finding f : report.findings()) {
      String labels = labels("rule", f.id(), "severity", f.severity().name().toLowerCase(java.util.Locale.ROOT),
          "mountpoint", f.target());
      counts.merge(labels, 1, Integer::sum);
    }
    counts.forEach((labels, n) -> sb.append("srro_check_findings").append(labels).append(' ').append(n).append('\n'));

    gauge(sb, "srro_check_skipped", "Checks the last srro check could not run (1 each), by check.");
    for (Skipped s : report.checksSkipped()) {
      sb.append("srro_check_skipped").append(labels("check", s.check())).append(" 1\n");
    }

    if (volumes != null) {
      gauge(sb, "srro_volume_read_only", "1 when the volume reports read-only, 0 when writable or unknown.");
      for (Volume v : volumes) {
        sb.append("srro_volume_read_only").append(volumeLabels(v)).append(' ')
            .append(v.readOnly() == Volume.ReadOnly.YES ? 1 : 0).append('\n');
      }
      gauge(sb, "srro_volume_read_only_known", "1 when some layer answered whether the volume is read-only.");
      for (Volume v : volumes) {
        sb.append("srro_volume_read_only_known").append(volumeLabels(v)).append(' ')
            .append(v.readOnly() == Volume.ReadOnly.UNKNOWN ? 0 : 1).append('\n');
      }
    }
    return sb.toString();
  }

  private static String volumeLabels(Volume v) {
    return labels("device", v.device(), "evidence", v.evidence().name().toLowerCase(java.util.Locale.ROOT));
  }

  private static void gauge(StringBuilder sb, String name, String help) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" gauge\n");
  }

  /** {@code {k="v",...}} with the exposition format's escapes: backslash, double quote, line feed. */
  static String labels(String... kv) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < kv.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(kv[i]).append("=\"");
      String v = kv[i + 1];
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        switch (c) {
          case '\\' -> sb.append("\\\\");
          case '"' -> sb.append("\\\"");
          case '\n' -> sb.append("\\n");
          default -> sb.append(c);
        }
      }
      sb.append('"');
    }
    return sb.append('}').toString();
  }
}
