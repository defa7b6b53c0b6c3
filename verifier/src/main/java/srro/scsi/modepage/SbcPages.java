package srro.scsi.modepage;

import static srro.scsi.modepage.ModePageLayout.f;

import java.util.List;

/** The direct-access (disk) mode pages srro decodes (SBC-3 §6.4, SBC-4 §6.5). Acronyms are sdparm's. */
final class SbcPages {
  private SbcPages() {}

  /** Read-write error recovery mode page (SBC-3 §6.4.8, table 165; MWR from SBC-4). */
  static final ModePageLayout READ_WRITE_ERROR_RECOVERY =
      new ModePageLayout(0x01, 0, "rw", "read-write error recovery", "SBC-3 6.4.8", List.of(
          f("AWRE", 0x02, 7, 1, "Automatic write reallocation enabled"),
          f("ARRE", 0x02, 6, 1, "Automatic read reallocation enabled"),
          f("TB", 0x02, 5, 1, "Transfer block"),
          f("RC", 0x02, 4, 1, "Read continuous"),
          f("EER", 0x02, 3, 1, "Enable early recovery (obsolete)"),
          f("PER", 0x02, 2, 1, "Post error"),
          f("DTE", 0x02, 1, 1, "Data terminate on error"),
          f("DCR", 0x02, 0, 1, "Disable correction (obsolete)"),
          f("RRC", 0x03, 7, 8, "Read retry count"),
          f("COR_S", 0x04, 7, 8, "Correction span (obsolete)"),
          f("HOC", 0x05, 7, 8, "Head offset count (obsolete)"),
          f("DSOC", 0x06, 7, 8, "Data strobe offset count (obsolete)"),
          f("LBPERE", 0x07, 7, 1, "Logical block provisioning error reporting enabled"),
          f("MWR", 0x07, 6, 2, "Misaligned write reporting"),
          f("WRC", 0x08, 7, 8, "Write retry count"),
          f("RTL", 0x0a, 7, 16, "Recovery time limit (ms)")));

  /** Caching mode page (SBC-3 §6.4.5, table 158; SYNC_PROG from SBC-4). WCE is the write cache switch. */
  static final ModePageLayout CACHING =
      new ModePageLayout(0x08, 0, "ca", "caching", "SBC-3 6.4.5", List.of(
          f("IC", 0x02, 7, 1, "Initiator control"),
          f("ABPF", 0x02, 6, 1, "Abort pre-fetch"),
          f("CAP", 0x02, 5, 1, "Caching analysis permitted"),
          f("DISC", 0x02, 4, 1, "Discontinuity"),
          f("SIZE", 0x02, 3, 1, "Size enable"),
          f("WCE", 0x02, 2, 1, "Write cache enable"),
          f("MF", 0x02, 1, 1, "Multiplication factor"),
          f("RCD", 0x02, 0, 1, "Read cache disable"),
          f("DRRP", 0x03, 7, 4, "Demand read retention priority"),
          f("WRP", 0x03, 3, 4, "Write retention priority"),
          f("DPTL", 0x04, 7, 16, "Disable pre-fetch transfer length"),
          f("MIPF", 0x06, 7, 16, "Minimum pre-fetch"),
          f("MAPF", 0x08, 7, 16, "Maximum pre-fetch"),
          f("MAPFC", 0x0a, 7, 16, "Maximum pre-fetch ceiling"),
          f("FSW", 0x0c, 7, 1, "Force sequential write"),
          f("LBCSS", 0x0c, 6, 1, "Logical block cache segment size"),
          f("DRA", 0x0c, 5, 1, "Disable read ahead"),
          f("SYNC_PROG", 0x0c, 2, 2, "Synchronous cache progress indication"),
          f("NV_DIS", 0x0c, 0, 1, "Non-volatile cache disable"),
          f("NCS", 0x0d, 7, 8, "Number of cache segments"),
          f("CSS", 0x0e, 7, 16, "Cache segment size")));
}
