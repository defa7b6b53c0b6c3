package srro.scsi;

/** Names of common mode pages (SPC-4 §7.5.2 table 453, SBC-3 §6.4, SSC-4 §8.3), as srro decode prints them. */
public final class ModePageNames {
  private ModePageNames() {}

  public static String name(int pageCode, int subpageCode) {
    if (subpageCode != 0 && subpageCode != 0xff) {
      return switch ((pageCode << 8) | subpageCode) {
        case 0x0a01 -> "control extension";
        case 0x0af0 -> "control data protection";
        case 0x1c01 -> "background control";
        default -> "unnamed subpage";
      };
    }
    return switch (pageCode) {
      case 0x00 -> "vendor specific";
      case 0x01 -> "read-write error recovery";
      case 0x02 -> "disconnect-reconnect";
      case 0x03 -> "format device";
      case 0x04 -> "rigid disk geometry";
      case 0x07 -> "verify error recovery";
      case 0x08 -> "caching";
      case 0x0a -> "control";
      case 0x0f -> "data compression";
      case 0x10 -> "device configuration";
      case 0x11 -> "medium partition";
      case 0x18 -> "protocol specific logical unit";
      case 0x19 -> "protocol specific port";
      case 0x1a -> "power condition";
      case 0x1c -> "informational exceptions control";
      case 0x1d -> "medium configuration";
      case 0x3f -> "all pages";
      default -> "unnamed page";
    };
  }
}
