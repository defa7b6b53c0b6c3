package srro.scsi.transport;

/** Names of the SAM status byte (SAM-5 §5.3.1, table 34), as the transport layers report it. */
final class ScsiStatus {
  static final int GOOD = 0x00;
  static final int CHECK_CONDITION = 0x02;

  private ScsiStatus() {}

  /** The spec's name with underscores ("CHECK_CONDITION"), or "STATUS_0xNN" for reserved values. */
  static String code(int status) {
    return switch (status) {
      case 0x00 -> "GOOD";
      case 0x02 -> "CHECK_CONDITION";
      case 0x04 -> "CONDITION_MET";
      case 0x08 -> "BUSY";
      case 0x10 -> "INTERMEDIATE";
      case 0x14 -> "INTERMEDIATE_CONDITION_MET";
      case 0x18 -> "RESERVATION_CONFLICT";
      case 0x22 -> "COMMAND_TERMINATED";
      case 0x28 -> "TASK_SET_FULL";
      case 0x30 -> "ACA_ACTIVE";
      case 0x40 -> "TASK_ABORTED";
      default -> String.format("STATUS_0x%02x", status);
    };
  }

  /** Lowercase words for messages: "check condition", "task set full". */
  static String words(int status) {
    return code(status).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
