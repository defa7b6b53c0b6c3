package srro.check;

import java.util.Objects;

/** A check that did not run here, and why (no permission, no such devices, needs another issue's code). */
public record Skipped(String check, String reason) {
  public Skipped {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(reason, "reason");
  }
}
