package srro.cli.check;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import srro.check.CrossCheck;
import srro.check.Report;
import srro.check.Skipped;
import srro.findings.Finding;
import srro.findings.Severity;
import srro.mounts.Volume;

/**
 * Renders a {@link Report} the way findmnt --verify does: one line per target with the worst severity
 * ({@code [E]}, {@code [W]}, {@code [ ]}), each finding indented under it with its fix directly below, then the
 * verdict in one sentence, what was checked and what was not. {@link CheckJson} is the same for scripts.
 */
public final class CheckText {
  private CheckText() {}

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
        out.println("        fix: " + f.hint());
      }
    }
    out.println();
    out.println(verdict(report));
    out.println("checked: " + (report.checksRun().isEmpty() ? "nothing" : String.join(", ", report.checksRun())));
    for (Skipped s : report.checksSkipped()) {
      out.println("not checked: " + s.check() + ": " + s.reason());
    }
  }

  /**
   * The verdict in one sentence a newcomer understands (findmnt says "Success, no errors or warnings
   * detected"): whether anything will fail, and where to look.
   */
  static String verdict(Report report) {
    long errors = report.count(Severity.ERROR);
    long warnings = report.count(Severity.WARNING);
    if (errors > 0) {
      return "Verdict: NOT OK, " + plural(errors, "error") + (warnings > 0 ? " and " + plural(warnings, "warning")
          : "") + ": each E line above says what is wrong, and the fix line under it what to do.";
    }
    if (warnings > 0) {
      return "Verdict: OK, with " + plural(warnings, "warning") + ": nothing above is known to fail, but each W"
          + " line says what to look at.";
    }
    return "Verdict: OK, no errors or warnings in what was checked.";
  }

  /**
   * Every stacked volume (a LUKS or LVM mapping, an md array, a softraid volume) with the chunks under it, each
   * layer with its read-only state and every reading that decided it.
   */
  static void stacks(PrintStream out, List<Volume> volumes) {
    for (Volume v : volumes) {
      if (v.chunks().isEmpty()) {
        continue;
      }
      out.println("volume " + layer(v));
      for (String c : v.chunks()) {
        out.println("  on chunk " + CrossCheck.volumeFor(volumes, c).map(CheckText::layer)
            .orElse(c + ": not found among the volumes"));
      }
    }
  }

  /** "/dev/dm-0 (/dev/mapper/x): read-only (sysfs ro=1, MODE SENSE WP=1)". */
  public static String layer(Volume v) {
    String state = switch (v.readOnly()) {
      case YES -> "read-only";
      case NO -> "read-write";
      case UNKNOWN -> "unknown";
    };
    List<String> readings = new ArrayList<>();
    for (Volume.Reading r : v.readings()) {
      readings.add(evidence(r.source()) + " " + (r.detail().isEmpty()
          ? r.readOnly().name().toLowerCase(java.util.Locale.ROOT) : r.detail()));
    }
    return v.device() + (v.aliases().isEmpty() ? "" : " (" + String.join(", ", v.aliases()) + ")") + ": " + state
        + (readings.isEmpty() ? "" : " (" + String.join(", ", readings) + ")");
  }

  private static String evidence(Volume.Evidence e) {
    return switch (e) {
      case SYSFS_RO -> "sysfs";
      case MODE_SENSE_WP -> "MODE SENSE";
      case SD_ATTACH -> "sd(4) attach";
      case CONTROL_PAGE_SWP -> "control page";
      default -> e.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
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
}
