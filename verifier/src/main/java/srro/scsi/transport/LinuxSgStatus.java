package srro.scsi.transport;

/**
 * Names of the Linux SG_IO status fields (include/scsi/sg.h, scsi/scsi_status.h of Linux 6.1): host_status
 * DID_* and driver_status DRIVER_* with its SUGGEST_* high nibble.
 */
final class LinuxSgStatus {
  /** sg_io_hdr.info bit 0: SG_INFO_OK_MASK; 0 is SG_INFO_OK, 1 SG_INFO_CHECK. */
  static final int SG_INFO_OK_MASK = 0x1;

  static final int DRIVER_SENSE = 0x08;

  private static final String[] HOST = {
    "DID_OK",
    "DID_NO_CONNECT",
    "DID_BUS_BUSY",
    "DID_TIME_OUT",
    "DID_BAD_TARGET",
    "DID_ABORT",
    "DID_PARITY",
    "DID_ERROR",
    "DID_RESET",
    "DID_BAD_INTR",
    "DID_PASSTHROUGH",
    "DID_SOFT_ERROR",
    "DID_IMM_RETRY",
    "DID_REQUEUE",
    "DID_TRANSPORT_DISRUPTED",
    "DID_TRANSPORT_FAILFAST",
    "DID_TARGET_FAILURE",
    "DID_NEXUS_FAILURE",
    "DID_ALLOC_FAILURE",
    "DID_MEDIUM_ERROR",
    "DID_TRANSPORT_MARGINAL",
  };

  private static final String[] DRIVER = {
    "DRIVER_OK",
    "DRIVER_BUSY",
    "DRIVER_SOFT",
    "DRIVER_MEDIA",
    "DRIVER_ERROR",
    "DRIVER_INVALID",
    "DRIVER_TIMEOUT",
    "DRIVER_HARD",
    "DRIVER_SENSE",
  };

  private static final String[] SUGGEST = {
    "", "SUGGEST_RETRY", "SUGGEST_ABORT", "SUGGEST_REMAP", "SUGGEST_DIE", "", "", "", "SUGGEST_SENSE",
  };

  private LinuxSgStatus() {}

  /** "DID_ERROR" for 0x07; "DID_0xNN" for codes newer than this table. */
  static String hostCode(int hostStatus) {
    return hostStatus >= 0 && hostStatus < HOST.length
        ? HOST[hostStatus]
        : String.format("DID_0x%02x", hostStatus);
  }

  /** "DRIVER_TIMEOUT" for the low nibble 6; unknown values as "DRIVER_0xN". */
  static String driverCode(int driverStatus) {
    int d = driverStatus & 0x0f;
    return d < DRIVER.length ? DRIVER[d] : String.format("DRIVER_0x%x", d);
  }

  /** "SUGGEST_RETRY" and so on for the high nibble, "" when 0 or unassigned. */
  static String suggestion(int driverStatus) {
    int s = (driverStatus >> 4) & 0x0f;
    return s < SUGGEST.length ? SUGGEST[s] : "";
  }
}
