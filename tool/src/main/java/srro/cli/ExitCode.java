package srro.cli;

/**
 * The exit statuses of every srro command, from sysexits(3) where one fits. docs/exit-status.md is the
 * user-facing copy of this table; ExitCodeTest asserts one case per row.
 */
public enum ExitCode {
  /** Everything checked out. */
  OK(0),
  /** The check ran and said no: bad signature, rejected hunk, an error finding, write protection off. */
  NO(1),
  /** The command line was wrong. */
  USAGE(2),
  /** Input was malformed (EX_DATAERR). */
  DATAERR(65),
  /** An input could not be opened (EX_NOINPUT). */
  NOINPUT(66),
  /** Internal error, a bug in srro (EX_SOFTWARE). */
  SOFTWARE(70),
  /** An operating system call failed (EX_OSERR). */
  OSERR(71),
  /** Reading or writing failed (EX_IOERR). */
  IOERR(74);

  private final int status;

  ExitCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }
}
