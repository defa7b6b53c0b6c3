package srro.scsi.modepage;

import java.util.List;
import java.util.Optional;
import srro.scsi.DeviceType;

/**
 * Which layout a mode page has: the SPC pages for every device type, SBC's for disks, SSC's for tapes,
 * MMC's for CD/DVD drives. A page code means different things to different types (0x10 is device
 * configuration on a tape and XOR control on an old disk), so an unknown type gets only the SPC pages.
 */
public final class ModePageLayouts {
  private ModePageLayouts() {}

  /** Every layout srro knows, in page code order. */
  public static List<ModePageLayout> all() {
    return List.of(
        SbcPages.READ_WRITE_ERROR_RECOVERY, SpcPages.DISCONNECT_RECONNECT, SbcPages.CACHING, SpcPages.CONTROL,
        SpcPages.CONTROL_EXTENSION, SscPages.DATA_COMPRESSION, SscPages.DEVICE_CONFIGURATION,
        SscPages.MEDIUM_PARTITION, SpcPages.POWER_CONDITION, SpcPages.INFORMATIONAL_EXCEPTIONS,
        MmcPages.CAPABILITIES);
  }

  /** The layout of page {@code pageCode}/{@code subpageCode} on a device of {@code type}, if srro has one. */
  public static Optional<ModePageLayout> find(int pageCode, int subpageCode, Optional<DeviceType> type) {
    ModePageLayout common = common(pageCode, subpageCode);
    if (common != null) {
      return Optional.of(common);
    }
    if (subpageCode != 0 || type.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (type.get()) {
          case DISK, ZBC, RBC, OPTICAL, WORM -> switch (pageCode) {
            case 0x01 -> SbcPages.READ_WRITE_ERROR_RECOVERY;
            case 0x08 -> SbcPages.CACHING;
            default -> null;
          };
          case TAPE -> switch (pageCode) {
            case 0x0f -> SscPages.DATA_COMPRESSION;
            case 0x10 -> SscPages.DEVICE_CONFIGURATION;
            case 0x11 -> SscPages.MEDIUM_PARTITION;
            default -> null;
          };
          case CDROM -> pageCode == 0x2a ? MmcPages.CAPABILITIES : null;
          default -> null;
        });
  }

  private static ModePageLayout common(int pageCode, int subpageCode) {
    return switch ((pageCode << 8) | subpageCode) {
      case 0x0200 -> SpcPages.DISCONNECT_RECONNECT;
      case 0x0a00 -> SpcPages.CONTROL;
      case 0x0a01 -> SpcPages.CONTROL_EXTENSION;
      case 0x1a00 -> SpcPages.POWER_CONDITION;
      case 0x1c00 -> SpcPages.INFORMATIONAL_EXCEPTIONS;
      default -> null;
    };
  }
}
