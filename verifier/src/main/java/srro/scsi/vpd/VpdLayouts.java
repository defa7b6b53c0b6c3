package srro.scsi.vpd;

import static srro.scsi.vpd.VpdLayout.f;

import java.util.List;
import java.util.Optional;

/**
 * The fixed-field VPD pages srro decodes: extended INQUIRY data (SPC-4 §7.8.7, SPC-5 §7.7.7) for every
 * device, and for block devices block limits, block device characteristics and logical block provisioning
 * (SBC-3 §6.5.3, §6.5.2, §6.5.4; the fields SBC-4 added are decoded too and marked so).
 */
public final class VpdLayouts {
  private VpdLayouts() {}

  /** Extended INQUIRY data VPD page 0x86 (SPC-4 §7.8.7 table 589; bytes 12-19 from SPC-5). */
  static final VpdLayout EXTENDED_INQUIRY =
      new VpdLayout(0x86, "ei", "extended inquiry data", "SPC-4 7.8.7", List.of(
          f("ACTIVATE_MICROCODE", 4, 7, 2, "Activate microcode"),
          f("SPT", 4, 5, 3, "Supported protection type"),
          f("GRD_CHK", 4, 2, 1, "Guard check"),
          f("APP_CHK", 4, 1, 1, "Application tag check"),
          f("REF_CHK", 4, 0, 1, "Reference tag check"),
          f("UASK_SUP", 5, 5, 1, "Unit attention condition sense key specific data supported"),
          f("GROUP_SUP", 5, 4, 1, "Grouping function supported"),
          f("PRIOR_SUP", 5, 3, 1, "Priority supported"),
          f("HEADSUP", 5, 2, 1, "Head of queue supported"),
          f("ORDSUP", 5, 1, 1, "Ordered supported"),
          f("SIMPSUP", 5, 0, 1, "Simple supported"),
          f("WU_SUP", 6, 3, 1, "Write uncorrectable supported"),
          f("CRD_SUP", 6, 2, 1, "Correction disable supported (obsolete)"),
          f("NV_SUP", 6, 1, 1, "Non-volatile cache supported"),
          f("V_SUP", 6, 0, 1, "Volatile cache supported"),
          f("NO_PI_CHK", 7, 5, 1, "No protection information checking"),
          f("P_I_I_SUP", 7, 4, 1, "Protection information interval supported"),
          f("LUICLR", 7, 0, 1, "Logical unit I_T nexus clear"),
          f("LU_COLL_TYPE", 8, 7, 3, "Logical unit collection type"),
          f("R_SUP", 8, 4, 1, "Referrals supported"),
          f("RTD_SUP", 8, 3, 1, "Revert to defaults supported"),
          f("HSSRELEF", 8, 1, 1, "History snapshots release effects"),
          f("CBCS", 8, 0, 1, "Capability-based command security (obsolete)"),
          f("MULTI_IT_MICROCODE", 9, 3, 4, "Multi I_T nexus microcode download"),
          f("EXT_SELF_TEST_MIN", 10, 7, 16, "Extended self-test completion minutes"),
          f("POA_SUP", 12, 7, 1, "Power on activation supported"),
          f("HRA_SUP", 12, 6, 1, "Hard reset activation supported"),
          f("VSA_SUP", 12, 5, 1, "Vendor specific activation supported"),
          f("DMS_VALID", 12, 4, 1, "Download microcode support byte valid"),
          f("MAX_SENSE_LEN", 13, 7, 8, "Maximum supported sense data length"),
          f("IBS", 14, 7, 1, "Implicit bind supported"),
          f("IAS", 14, 6, 1, "Implicit affiliation supported"),
          f("SAC", 14, 2, 1, "Single affiliation constraint"),
          f("NRD1", 14, 1, 1, "No redirect one"),
          f("NRD0", 14, 0, 1, "No redirect zero"),
          f("MAX_INQ_CHANGE_LOGS", 15, 7, 16, "Maximum inquiry change logs"),
          f("MAX_MODE_CHANGE_LOGS", 17, 7, 16, "Maximum mode page change logs"),
          f("DM_MD_4", 19, 7, 1, "Download microcode mode 4 supported"),
          f("DM_MD_5", 19, 6, 1, "Download microcode mode 5 supported"),
          f("DM_MD_6", 19, 5, 1, "Download microcode mode 6 supported"),
          f("DM_MD_7", 19, 4, 1, "Download microcode mode 7 supported"),
          f("DM_MD_D", 19, 3, 1, "Download microcode mode 0xd supported"),
          f("DM_MD_E", 19, 2, 1, "Download microcode mode 0xe supported"),
          f("DM_MD_F", 19, 1, 1, "Download microcode mode 0xf supported")));

  /** Block limits VPD page 0xb0 (SBC-3 §6.5.3 table 188; the atomic fields from byte 44 are SBC-4's). */
  static final VpdLayout BLOCK_LIMITS =
      new VpdLayout(0xb0, "bl", "block limits", "SBC-3 6.5.3", List.of(
          f("WSNZ", 4, 0, 1, "Write same non-zero"),
          f("MAX_CMP_WRITE_LEN", 5, 7, 8, "Maximum compare and write length"),
          f("OPT_XFER_LEN_GRAN", 6, 7, 16, "Optimal transfer length granularity"),
          f("MAX_XFER_LEN", 8, 7, 32, "Maximum transfer length"),
          f("OPT_XFER_LEN", 12, 7, 32, "Optimal transfer length"),
          f("MAX_PREFETCH_LEN", 16, 7, 32, "Maximum prefetch transfer length"),
          f("MAX_UNMAP_LBA_COUNT", 20, 7, 32, "Maximum unmap LBA count"),
          f("MAX_UNMAP_DESC_COUNT", 24, 7, 32, "Maximum unmap block descriptor count"),
          f("OPT_UNMAP_GRAN", 28, 7, 32, "Optimal unmap granularity"),
          f("UGAVALID", 32, 7, 1, "Unmap granularity alignment valid"),
          f("UNMAP_GRAN_ALIGN", 32, 6, 31, "Unmap granularity alignment"),
          f("MAX_WRITE_SAME_LEN", 36, 7, 64, "Maximum write same length"),
          f("MAX_ATOMIC_XFER_LEN", 44, 7, 32, "Maximum atomic transfer length"),
          f("ATOMIC_ALIGN", 48, 7, 32, "Atomic alignment"),
          f("ATOMIC_XFER_LEN_GRAN", 52, 7, 32, "Atomic transfer length granularity"),
          f("MAX_ATOMIC_XFER_LEN_BOUNDARY", 56, 7, 32, "Maximum atomic transfer length with atomic boundary"),
          f("MAX_ATOMIC_BOUNDARY", 60, 7, 32, "Maximum atomic boundary size")));

  /**
   * Block device characteristics VPD page 0xb1 (SBC-3 §6.5.2 table 186: rotation rate, form factor, FUAB,
   * VBULS; product type, WABEREQ, WACEREQ, ZONED, RBWZ, BOCS and depopulation time are SBC-4's).
   */
  static final VpdLayout BLOCK_DEVICE_CHARACTERISTICS =
      new VpdLayout(0xb1, "bdc", "block device characteristics", "SBC-3 6.5.2", List.of(
          f("MEDIUM_ROTATION_RATE", 4, 7, 16, "Medium rotation rate (1: non-rotating, else rpm)"),
          f("PRODUCT_TYPE", 6, 7, 8, "Product type"),
          f("WABEREQ", 7, 7, 2, "Write after block erase required"),
          f("WACEREQ", 7, 5, 2, "Write after cryptographic erase required"),
          f("NOMINAL_FORM_FACTOR", 7, 3, 4, "Nominal form factor"),
          f("ZONED", 8, 5, 2, "Zoned"),
          f("RBWZ", 8, 3, 1, "Background operation control: reassign block within zone"),
          f("BOCS", 8, 2, 1, "Background operation control supported"),
          f("FUAB", 8, 1, 1, "Force unit access behavior"),
          f("VBULS", 8, 0, 1, "Verify byte check unmapped LBA supported"),
          f("DEPOPULATION_TIME", 12, 7, 32, "Depopulation time (seconds)")));

  /** Logical block provisioning VPD page 0xb2 (SBC-3 §6.5.4 table 190; LBPRZ is 3 bits since SBC-4). */
  static final VpdLayout LOGICAL_BLOCK_PROVISIONING =
      new VpdLayout(0xb2, "lbpv", "logical block provisioning", "SBC-3 6.5.4", List.of(
          f("THRESHOLD_EXPONENT", 4, 7, 8, "Threshold exponent"),
          f("LBPU", 5, 7, 1, "Unmap command supported"),
          f("LBPWS", 5, 6, 1, "Write same (16) with unmap bit supported"),
          f("LBPWS10", 5, 5, 1, "Write same (10) with unmap bit supported"),
          f("LBPRZ", 5, 4, 3, "Logical block provisioning read zeros"),
          f("ANC_SUP", 5, 1, 1, "Anchored LBAs supported"),
          f("DP", 5, 0, 1, "Descriptor present"),
          f("MINIMUM_PERCENTAGE", 6, 7, 5, "Minimum percentage"),
          f("PROVISIONING_TYPE", 6, 2, 3, "Provisioning type"),
          f("THRESHOLD_PERCENTAGE", 7, 7, 8, "Threshold percentage")));

  /** Every fixed-field layout, in page code order. */
  public static List<VpdLayout> all() {
    return List.of(EXTENDED_INQUIRY, BLOCK_LIMITS, BLOCK_DEVICE_CHARACTERISTICS, LOGICAL_BLOCK_PROVISIONING);
  }

  /** The layout of page {@code pageCode} for a device whose peripheral device type is {@code pdt}. */
  public static Optional<VpdLayout> find(int pageCode, int pdt) {
    if (pageCode == 0x86) {
      return Optional.of(EXTENDED_INQUIRY);
    }
    boolean block = pdt == 0x00 || pdt == 0x04 || pdt == 0x07 || pdt == 0x0e || pdt == 0x14;
    if (!block) {
      return Optional.empty(); // 0xb0-0xb2 mean other pages on tapes (SSC) and changers (SMC)
    }
    return switch (pageCode) {
      case 0xb0 -> Optional.of(BLOCK_LIMITS);
      case 0xb1 -> Optional.of(BLOCK_DEVICE_CHARACTERISTICS);
      case 0xb2 -> Optional.of(LOGICAL_BLOCK_PROVISIONING);
      default -> Optional.empty();
    };
  }
}
