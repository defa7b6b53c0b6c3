package srro.scsi.modepage;

import static srro.scsi.modepage.ModePageLayout.f;

import java.util.List;

/** The tape mode pages srro decodes (SSC-4 §8.3, SSC-5 §8.3). Acronyms are sdparm's. */
final class SscPages {
  private SscPages() {}

  /** Data compression mode page (SSC-4 §8.3.2, table 193). */
  static final ModePageLayout DATA_COMPRESSION =
      new ModePageLayout(0x0f, 0, "dac", "data compression", "SSC-4 8.3.2", List.of(
          f("DCE", 0x02, 7, 1, "Data compression enable"),
          f("DCC", 0x02, 6, 1, "Data compression capable"),
          f("DDE", 0x03, 7, 1, "Data decompression enable"),
          f("RED", 0x03, 6, 2, "Report exception on decompression"),
          f("COMPR_A", 0x04, 7, 32, "Compression algorithm"),
          f("DCOMPR_A", 0x08, 7, 32, "Decompression algorithm")));

  /**
   * Device configuration mode page (SSC-4 §8.3.3, table 196). SWP_T (byte 10 bit 2) is the tape's own
   * software write protect; ASOCWP, PERSWP and PRMWP the volume's write protections.
   */
  static final ModePageLayout DEVICE_CONFIGURATION =
      new ModePageLayout(0x10, 0, "dc", "device configuration", "SSC-4 8.3.3", List.of(
          f("CAF", 0x02, 5, 1, "Change active format"),
          f("ACT_F", 0x02, 4, 5, "Active format"),
          f("ACT_P", 0x03, 7, 8, "Active partition"),
          f("WOBFR", 0x04, 7, 8, "Write object buffer full ratio"),
          f("ROBER", 0x05, 7, 8, "Read object buffer empty ratio"),
          f("WDT", 0x06, 7, 16, "Write delay time (100 ms)"),
          f("OBR", 0x08, 7, 1, "Object buffer recovery"),
          f("LOIS", 0x08, 6, 1, "Logical object identifiers supported"),
          f("RSMK", 0x08, 5, 1, "Report setmarks (obsolete)"),
          f("AVC", 0x08, 4, 1, "Automatic velocity control"),
          f("SOCF", 0x08, 3, 2, "Stop on consecutive filemarks"),
          f("ROBO", 0x08, 1, 1, "Recover object buffer order"),
          f("REW", 0x08, 0, 1, "Report early warning"),
          f("GAP_S", 0x09, 7, 8, "Gap size (obsolete)"),
          f("EOD_D", 0x0a, 7, 3, "EOD (end-of-data) defined"),
          f("EEG", 0x0a, 4, 1, "Enable EOD generation"),
          f("SEW", 0x0a, 3, 1, "Synchronize early warning"),
          f("SWP_T", 0x0a, 2, 1, "Software write protect (tape)"),
          f("BAML", 0x0a, 1, 1, "Block address mode lock"),
          f("BAM", 0x0a, 0, 1, "Block address mode"),
          f("OBSAEW", 0x0b, 7, 24, "Object buffer size at early warning"),
          f("SDCA", 0x0e, 7, 8, "Select data compression algorithm"),
          f("WTRE", 0x0f, 7, 2, "WORM tamper read enable"),
          f("OIR", 0x0f, 5, 1, "Only if reserved"),
          f("ROR", 0x0f, 4, 2, "Rewind on reset"),
          f("ASOCWP", 0x0f, 2, 1, "Associated write protection"),
          f("PERSWP", 0x0f, 1, 1, "Persistent write protection"),
          f("PRMWP", 0x0f, 0, 1, "Permanent write protection")));

  /**
   * Medium partition mode page (SSC-4 §8.3.4, table 199; partition type from SSC-5). P_SZ is the first
   * partition size descriptor; the rest stay in the page's bytes, as sdparm shows them.
   */
  static final ModePageLayout MEDIUM_PARTITION =
      new ModePageLayout(0x11, 0, "mpa", "medium partition", "SSC-4 8.3.4", List.of(
          f("MAX_AP", 0x02, 7, 8, "Maximum additional partitions"),
          f("APD", 0x03, 7, 8, "Additional partitions defined"),
          f("FDP", 0x04, 7, 1, "Fixed data partitions"),
          f("SDP", 0x04, 6, 1, "Select data partitions"),
          f("IDP", 0x04, 5, 1, "Initiator defined partitions"),
          f("PSUM", 0x04, 4, 2, "Partition size unit of measure"),
          f("POFM", 0x04, 2, 1, "Partition on format"),
          f("CLEAR", 0x04, 1, 1, "Erase partition(s) (in concert with ADDP)"),
          f("ADDP", 0x04, 0, 1, "Additional partition bit (in concert with CLEAR)"),
          f("MFR", 0x05, 7, 8, "Medium format recognition"),
          f("PART_T", 0x06, 7, 4, "Partition type"),
          f("PART_U", 0x06, 3, 4, "Partition units (exponent of 10, bytes)"),
          f("P_SZ", 0x08, 7, 16, "Partition size")));
}
