package srro.findings;

/**
 * Whether srro can fix a finding itself, and how. A rule says so when it makes the finding; {@code fstab --fix}
 * and {@code check --fix} act on this, never on a list of rule ids.
 */
public enum Fix {
  /** Nothing srro is sure of: the hint says what a person should do. */
  NONE,
  /** Set fs_passno of the finding's line to 0 (only that field's bytes change). */
  PASSNO_TO_ZERO
}
