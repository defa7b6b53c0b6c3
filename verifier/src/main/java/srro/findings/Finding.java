package srro.findings;

import java.util.Objects;

/**
 * One result of a rule: which rule ({@code id}, stable, kebab-case, e.g. {@code ro-fs-passno}), how bad, about
 * which target (a mount point, a device, a file), where in that target's source ({@code line}, 0 when none), what
 * is wrong and how to fix it ({@code hint}, for a person; {@code fix}, what srro itself can do about it). Findings
 * are values: a check that says no returns them, it does not throw.
 */
public record Finding(
    String id, Severity severity, String target, int line, String message, String hint, Fix fix) {
  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(fix, "fix");
    if (id.isEmpty() || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("finding id must be kebab-case: " + id);
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
  }

  /** A finding srro cannot fix itself. */
  public Finding(String id, Severity severity, String target, int line, String message, String hint) {
    this(id, severity, target, line, message, hint, Fix.NONE);
  }

  /** Whether srro can fix it ({@code --fix}). */
  public boolean fixable() {
    return fix != Fix.NONE;
  }
}
