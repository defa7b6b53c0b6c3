package srro.findings;

/** How bad a finding is. Only {@link #ERROR} makes a check say no (exit 1). */
public enum Severity {
  /** Something will fail or a protection did not take effect. */
  ERROR,
  /** Suspicious or unusual, but not known to break anything. */
  WARNING,
  /** Context for the operator; never changes the verdict. */
  INFO;

  /** One letter for findmnt-like reports: E, W or a blank. */
  public char letter() {
    return switch (this) {
      case ERROR -> 'E';
      case WARNING -> 'W';
      case INFO -> ' ';
    };
  }
}
