package srro.scsi.modepage;

import static srro.scsi.modepage.ModePageLayout.f;

import java.util.List;

/**
 * The mode pages every device type shares (SPC-4 §7.5, SPC-5 §7.5): disconnect-reconnect, control, control
 * extension, power condition and informational exceptions control. Acronyms are sdparm's.
 */
final class SpcPages {
  private SpcPages() {}

  /** Disconnect-reconnect mode page (SPC-4 §7.5.9, table 461). */
  static final ModePageLayout DISCONNECT_RECONNECT =
      new ModePageLayout(0x02, 0, "dr", "disconnect-reconnect", "SPC-4 7.5.9", List.of(
          f("BFR", 0x02, 7, 8, "Buffer full ratio"),
          f("BER", 0x03, 7, 8, "Buffer empty ratio"),
          f("BIL", 0x04, 7, 16, "Bus inactivity limit"),
          f("DTL", 0x06, 7, 16, "Disconnect time limit"),
          f("CTL", 0x08, 7, 16, "Connect time limit"),
          f("MBS", 0x0a, 7, 16, "Maximum burst size (512 bytes)"),
          f("EMDP", 0x0c, 7, 1, "Enable modify data pointers"),
          f("FA", 0x0c, 6, 3, "Fair arbitration"),
          f("DIMM", 0x0c, 3, 1, "Disconnect immediate"),
          f("DTDC", 0x0c, 2, 3, "Data transfer disconnect control"),
          f("FBS", 0x0e, 7, 16, "First burst size (512 bytes)")));

  /**
   * Control mode page (SPC-4 §7.5.8, table 458; SBLP from SPC-5). SWP (byte 4 bit 3) set means the logical
   * unit refuses every write to its medium: a write protection of its own, apart from the WP bit of the mode
   * parameter header.
   */
  static final ModePageLayout CONTROL =
      new ModePageLayout(0x0a, 0, "co", "control", "SPC-4 7.5.8", List.of(
          f("TST", 0x02, 7, 3, "Task set type"),
          f("TMF_ONLY", 0x02, 4, 1, "Task management functions only"),
          f("DPICZ", 0x02, 3, 1, "Disable protection information check if protect field zero"),
          f("D_SENSE", 0x02, 2, 1, "Descriptor format sense data"),
          f("GLTSD", 0x02, 1, 1, "Global logging target save disable"),
          f("RLEC", 0x02, 0, 1, "Report log exception condition"),
          f("QAM", 0x03, 7, 4, "Queue algorithm modifier"),
          f("NUAR", 0x03, 3, 1, "No unit attention on release"),
          f("QERR", 0x03, 2, 2, "Queue error management"),
          f("VS_CTL", 0x04, 7, 1, "Vendor specific [byte 4, bit 7]"),
          f("RAC", 0x04, 6, 1, "Report a check"),
          f("UA_INTLCK", 0x04, 5, 2, "Unit attention interlocks control"),
          f("SWP", 0x04, 3, 1, "Software write protect"),
          f("ATO", 0x05, 7, 1, "Application tag owner"),
          f("TAS", 0x05, 6, 1, "Task aborted status"),
          f("ATMPE", 0x05, 5, 1, "Application tag mode page enabled"),
          f("RWWP", 0x05, 4, 1, "Reject write without protection"),
          f("SBLP", 0x05, 3, 1, "Supported block lengths and protection information"),
          f("AUTOLOAD", 0x05, 2, 3, "Autoload mode"),
          f("BTP", 0x08, 7, 16, "Busy timeout period (100us)"),
          f("ESTCT", 0x0a, 7, 16, "Extended self test completion time (sec)")));

  /** Control extension mode page (SPC-4 §7.5.10, table 463; DLC, NSQCC and SQCO from SPC-5). */
  static final ModePageLayout CONTROL_EXTENSION =
      new ModePageLayout(0x0a, 0x01, "coe", "control extension", "SPC-4 7.5.10", List.of(
          f("DLC", 0x04, 3, 1, "Device life control"),
          f("TCMOS", 0x04, 2, 1, "Timestamp changeable by methods outside standard"),
          f("SCSIP", 0x04, 1, 1, "SCSI timestamp commands take precedence over other methods"),
          f("IALUAE", 0x04, 0, 1, "Implicit asymmetric logical unit access enabled"),
          f("INIT_PR", 0x05, 3, 4, "Initial command priority"),
          f("MSDL", 0x06, 7, 8, "Maximum sense data length"),
          f("NSQCC", 0x07, 7, 8, "Non-sequestered command count"),
          f("SQCO", 0x08, 7, 8, "Sequestered command order")));

  /** Power condition mode page (SPC-4 §7.5.13, table 477); timers in units of 100 ms. */
  static final ModePageLayout POWER_CONDITION =
      new ModePageLayout(0x1a, 0, "po", "power condition", "SPC-4 7.5.13", List.of(
          f("PM_BG", 0x02, 7, 2, "Power management, background functions, precedence"),
          f("STANDBY_Y", 0x02, 0, 1, "Standby_y timer enable"),
          f("IDLE_C", 0x03, 3, 1, "Idle_c timer enable"),
          f("IDLE_B", 0x03, 2, 1, "Idle_b timer enable"),
          f("IDLE_A", 0x03, 1, 1, "Idle_a timer enable"),
          f("STANDBY_Z", 0x03, 0, 1, "Standby_z timer enable"),
          f("IACT", 0x04, 7, 32, "Idle_a condition timer (100 ms)"),
          f("SZCT", 0x08, 7, 32, "Standby_z condition timer (100 ms)"),
          f("IBCT", 0x0c, 7, 32, "Idle_b condition timer (100 ms)"),
          f("ICCT", 0x10, 7, 32, "Idle_c condition timer (100 ms)"),
          f("SYCT", 0x14, 7, 32, "Standby_y condition timer (100 ms)"),
          f("CCF_IDLE", 0x27, 7, 2, "Check condition if from idle_c"),
          f("CCF_STAND", 0x27, 5, 2, "Check condition if from a standby"),
          f("CCF_STOPP", 0x27, 3, 2, "Check condition if from stopped")));

  /** Informational exceptions control mode page (SPC-4 §7.5.12, table 474). */
  static final ModePageLayout INFORMATIONAL_EXCEPTIONS =
      new ModePageLayout(0x1c, 0, "ie", "informational exceptions control", "SPC-4 7.5.12", List.of(
          f("PERF", 0x02, 7, 1, "Performance (impact of ie operations)"),
          f("EBF", 0x02, 5, 1, "Enable background function"),
          f("EWASC", 0x02, 4, 1, "Enable warning"),
          f("DEXCPT", 0x02, 3, 1, "Disable exceptions"),
          f("TEST", 0x02, 2, 1, "Test (simulate device failure)"),
          f("EBACKERR", 0x02, 1, 1, "Enable background (scan + self test) error reporting"),
          f("LOGERR", 0x02, 0, 1, "Log informational exception errors"),
          f("MRIE", 0x03, 3, 4, "Method of reporting informational exceptions"),
          f("INTT", 0x04, 7, 32, "Interval timer (100 ms)"),
          f("REPC", 0x08, 7, 32, "Report count")));
}
