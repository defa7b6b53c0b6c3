package srro.scsi.vpd;

/** Names of VPD page codes (SPC-4 §7.8.1 table 575; SBC-3 §6.5.1 table 185 for block devices). */
public final class VpdNames {
  private VpdNames() {}

  public static String name(int pageCode, int pdt) {
    boolean block = pdt == 0x00 || pdt == 0x04 || pdt == 0x07 || pdt == 0x0e || pdt == 0x14;
    if (block) {
      switch (pageCode) {
        case 0xb0: return "block limits";
        case 0xb1: return "block device characteristics";
        case 0xb2: return "logical block provisioning";
        case 0xb3: return "referrals";
        case 0xb4: return "supported block lengths and protection types";
        case 0xb5: return "block device characteristics extension";
        case 0xb6: return "zoned block device characteristics";
        case 0xb7: return "block limits extension";
        default: break;
      }
    }
    return switch (pageCode) {
      case 0x00 -> "supported vpd pages";
      case 0x80 -> "unit serial number";
      case 0x83 -> "device identification";
      case 0x84 -> "software interface identification";
      case 0x85 -> "management network addresses";
      case 0x86 -> "extended inquiry data";
      case 0x87 -> "mode page policy";
      case 0x88 -> "scsi ports";
      case 0x89 -> "ata information";
      case 0x8a -> "power condition";
      case 0x8b -> "device constituents";
      case 0x8c -> "cfa profile information";
      case 0x8d -> "power consumption";
      case 0x8f -> "third-party copy";
      case 0x90 -> "protocol specific logical unit information";
      case 0x91 -> "protocol specific port information";
      case 0x92 -> "scsi feature sets";
      default -> pageCode >= 0xc0 ? "vendor specific" : "unnamed";
    };
  }
}
