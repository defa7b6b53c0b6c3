package srro.scsi;

/** The sense key (SPC-4 §4.5.6, table 27): the broad class of a CHECK CONDITION. */
public enum SenseKey {
  NO_SENSE("NO SENSE"),
  RECOVERED_ERROR("RECOVERED ERROR"),
  NOT_READY("NOT READY"),
  MEDIUM_ERROR("MEDIUM ERROR"),
  HARDWARE_ERROR("HARDWARE ERROR"),
  ILLEGAL_REQUEST("ILLEGAL REQUEST"),
  UNIT_ATTENTION("UNIT ATTENTION"),
  DATA_PROTECT("DATA PROTECT"),
  BLANK_CHECK("BLANK CHECK"),
  VENDOR_SPECIFIC("VENDOR SPECIFIC"),
  COPY_ABORTED("COPY ABORTED"),
  ABORTED_COMMAND("ABORTED COMMAND"),
  OBSOLETE_C("OBSOLETE (0xC)"),
  VOLUME_OVERFLOW("VOLUME OVERFLOW"),
  MISCOMPARE("MISCOMPARE"),
  COMPLETED("COMPLETED");

  private final String text;

  SenseKey(String text) {
    this.text = text;
  }

  /** The key for the four-bit field value {@code code}. */
  public static SenseKey of(int code) {
    return values()[code & 0xf];
  }

  public int code() {
    return ordinal();
  }

  /** The spec's name, e.g. "ILLEGAL REQUEST". */
  public String text() {
    return text;
  }
}
