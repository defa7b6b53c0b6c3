package srro.scsi;

/** The PC field of MODE SENSE (SPC-4 §6.11.1, table 99): which values of the mode parameters to return. */
public enum PageControl {
  CURRENT(0),
  CHANGEABLE(1),
  DEFAULT(2),
  SAVED(3);

  private final int code;

  PageControl(int code) {
    this.code = code;
  }

  /** The two-bit field value. */
  public int code() {
    return code;
  }
}
