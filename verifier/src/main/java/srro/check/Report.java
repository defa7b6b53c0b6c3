package srro.check;

import java.util.List;
import java.util.Objects;
import srro.findings.Finding;
import srro.findings.Severity;

/**
 * The result of a check run on one host: which checks ran, which did not and why, and the findings. Only
 * {@link Severity#ERROR} findings make the verdict "no".
 */
public record Report(String host, List<String> checksRun, List<Skipped> checksSkipped, List<Finding> findings) {
  public Report {
    Objects.requireNonNull(host, "host");
    checksRun = List.copyOf(checksRun);
    checksSkipped = List.copyOf(checksSkipped);
    findings = List.copyOf(findings);
  }

  /** The number of findings of {@code severity}. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** True when no finding is an error. */
  public boolean ok() {
    return count(Severity.ERROR) == 0;
  }
}
