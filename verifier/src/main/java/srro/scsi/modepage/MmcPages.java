package srro.scsi.modepage;

import static srro.scsi.modepage.ModePageLayout.f;

import java.util.List;

/** The CD/DVD mode page srro decodes (MMC-3 §6.3.11, kept obsolete-but-reported in MMC-6). */
final class MmcPages {
  private MmcPages() {}

  /** CD/DVD capabilities and mechanical status mode page (MMC-3 table 361); sdparm's fields. */
  static final ModePageLayout CAPABILITIES =
      new ModePageLayout(0x2a, 0, "cms", "cd/dvd capabilities and mechanical status", "MMC-3 6.3.11", List.of(
          f("D_RAM_R", 0x02, 5, 1, "DVD-RAM read"),
          f("D_R_R", 0x02, 4, 1, "DVD-R read"),
          f("D_ROM_R", 0x02, 3, 1, "DVD-ROM read"),
          f("METH2", 0x02, 2, 1, "Method 2"),
          f("CD_RW_R", 0x02, 1, 1, "CD-RW read"),
          f("CD_R_R", 0x02, 0, 1, "CD-R read"),
          f("D_RAM_W", 0x03, 5, 1, "DVD-RAM write"),
          f("D_R_W", 0x03, 4, 1, "DVD-R write"),
          f("TST_WR", 0x03, 2, 1, "Test write"),
          f("CD_RW_W", 0x03, 1, 1, "CD-RW write"),
          f("CD_R_W", 0x03, 0, 1, "CD-R write"),
          f("BUF", 0x04, 7, 1, "Buffer underrun free recording"),
          f("MULT_S", 0x04, 6, 1, "Multi session"),
          f("M2F2", 0x04, 5, 1, "Mode 2 form 2"),
          f("M2F1", 0x04, 4, 1, "Mode 2 form 1"),
          f("DP_2", 0x04, 3, 1, "Digital port 2"),
          f("DP_1", 0x04, 2, 1, "Digital port 1"),
          f("COMP", 0x04, 1, 1, "Composite"),
          f("AUDIO_P", 0x04, 0, 1, "Audio play"),
          f("RBC", 0x05, 7, 1, "Read bar code"),
          f("UPC", 0x05, 6, 1, "Uniform product code"),
          f("ISRC", 0x05, 5, 1, "International standard recording code"),
          f("C2PS", 0x05, 4, 1, "C 2 pointers supported"),
          f("RW_DC", 0x05, 3, 1, "R-W de-interleaved and corrected"),
          f("RW_S", 0x05, 2, 1, "R-W supported"),
          f("CDDA_SA", 0x05, 1, 1, "CD-DA stream accurate"),
          f("CDDA_CS", 0x05, 0, 1, "CD-DA commands supported"),
          f("LMT", 0x06, 7, 3, "Loading mechanism type"),
          f("EJECT", 0x06, 3, 1, "Eject (individual or magazine)"),
          f("PJ", 0x06, 2, 1, "Prevent jumper"),
          f("LS", 0x06, 1, 1, "Lock state"),
          f("LOCK", 0x06, 0, 1, "Lock (supported)"),
          f("RWILI", 0x07, 5, 1, "R-W in lead in"),
          f("SCC", 0x07, 4, 1, "Side change capable"),
          f("SSS", 0x07, 3, 1, "Software slot selection"),
          f("CSDP", 0x07, 2, 1, "Changer supports disc present"),
          f("SCM", 0x07, 1, 1, "Separate channel mute"),
          f("SVL", 0x07, 0, 1, "Separate volume levels"),
          f("MRSS", 0x08, 7, 16, "Maximum read speed supported (kBps) (obs)"),
          f("NVLS", 0x0a, 7, 16, "Number of volume levels supported"),
          f("BSS", 0x0c, 7, 16, "Buffer size supported (1024 bytes)"),
          f("LENGTH", 0x11, 5, 2, "Length (bit length of IEC958 words)"),
          f("LSBF", 0x11, 3, 1, "LSB (least significant bit) first"),
          f("RCK", 0x11, 2, 1, "High on LRCK indicates left channel"),
          f("BCKF", 0x11, 1, 1, "BCK signal falling edge"),
          f("CMRS", 0x16, 7, 16, "Copy management revision supported"),
          f("RCS", 0x1b, 1, 2, "Rotation control selected"),
          f("CWSS", 0x1c, 7, 16, "Current write speed selected")));
}
