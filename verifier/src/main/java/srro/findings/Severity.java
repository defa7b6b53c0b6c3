package srro.findings;

/** How bad a finding is. Only {@link #ERROR} makes a check say no (exit 1). */
public enum Severity {
  /** Something will fail or a protection did not take effect. */
  ERROR,
  /** Suspicious or unusual, but not known to break anything. */
  WARNING;

  /** One letter for findmnt-like reports: E or W. */
  public char letter() {
    return switch (this) {
      case ERROR -> 'E';
      case WARNING -> 'W';
    };
  }
}
