package srro.scsi.vpd;

/**
 * Version descriptor codes (SPC-4 §6.6.2, table 144; the list T10 keeps at t10.org/lists/stds.htm). A
 * standard owns a block of 32 codes: the first means "no version claimed", the others particular revisions.
 * srro names the standard of a code's block; sg_inq also names each revision.
 */
final class VersionDescriptors {
  private VersionDescriptors() {}

  static String describe(int code) {
    String name = standard(code & ~0x1f);
    if (name == null) {
      return String.format("0x%04x (not a standard srro knows)", code);
    }
    return (code & 0x1f) == 0 ? name + " (no version claimed)" : String.format("%s (0x%04x)", name, code);
  }

  /** The standard whose block starts at {@code base}, or null. */
  static String standard(int base) {
    return switch (base) {
      case 0x0020 -> "SAM";
      case 0x0040 -> "SAM-2";
      case 0x0060 -> "SAM-3";
      case 0x0080 -> "SAM-4";
      case 0x00a0 -> "SAM-5";
      case 0x00c0 -> "SAM-6";
      case 0x0120 -> "SPC";
      case 0x0140 -> "MMC";
      case 0x0160 -> "SCC";
      case 0x0180 -> "SBC";
      case 0x01a0 -> "SMC";
      case 0x01c0 -> "SES";
      case 0x01e0 -> "SCC-2";
      case 0x0200 -> "SSC";
      case 0x0220 -> "RBC";
      case 0x0240 -> "MMC-2";
      case 0x0260 -> "SPC-2";
      case 0x0280 -> "OCRW";
      case 0x02a0 -> "MMC-3";
      case 0x02e0 -> "SMC-2";
      case 0x0300 -> "SPC-3";
      case 0x0320 -> "SBC-2";
      case 0x0340 -> "OSD";
      case 0x0360 -> "SSC-2";
      case 0x0380 -> "BCC";
      case 0x03a0 -> "MMC-4";
      case 0x03c0 -> "ADC";
      case 0x03e0 -> "SES-2";
      case 0x0400 -> "SSC-3";
      case 0x0420 -> "MMC-5";
      case 0x0440 -> "OSD-2";
      case 0x0460 -> "SPC-4";
      case 0x0480 -> "SMC-3";
      case 0x04a0 -> "ADC-2";
      case 0x04c0 -> "SBC-3";
      case 0x04e0 -> "MMC-6";
      case 0x0500 -> "ADC-3";
      case 0x0520 -> "SSC-4";
      case 0x0560 -> "OSD-3";
      case 0x0580 -> "SES-3";
      case 0x05a0 -> "SSC-5";
      case 0x05c0 -> "SPC-5";
      case 0x05e0 -> "SFSC";
      case 0x0600 -> "SBC-4";
      case 0x0620 -> "ZBC";
      case 0x0640 -> "ADC-4";
      case 0x0660 -> "ZBC-2";
      case 0x0680 -> "SES-4";
      case 0x0820 -> "SSA-TL2";
      case 0x0840 -> "SSA-TL1";
      case 0x0860 -> "SSA-S3P";
      case 0x0880 -> "SSA-S2P";
      case 0x08a0 -> "SIP";
      case 0x08c0 -> "FCP";
      case 0x08e0 -> "SBP-2";
      case 0x0900 -> "FCP-2";
      case 0x0920 -> "SST";
      case 0x0940 -> "SRP";
      case 0x0960 -> "iSCSI";
      case 0x0980 -> "SBP-3";
      case 0x09a0 -> "SRP-2";
      case 0x09c0 -> "ADP";
      case 0x09e0 -> "ADT";
      case 0x0a00 -> "FCP-3";
      case 0x0a20 -> "ADT-2";
      case 0x0a40 -> "FCP-4";
      case 0x0a60 -> "ADT-3";
      case 0x0aa0 -> "SPI";
      case 0x0ac0 -> "Fast-20";
      case 0x0ae0 -> "SPI-2";
      case 0x0b00 -> "SPI-3";
      case 0x0b20 -> "EPI";
      case 0x0b40 -> "SPI-4";
      case 0x0b60 -> "SPI-5";
      case 0x0be0 -> "SAS";
      case 0x0c00 -> "SAS-1.1";
      case 0x0c20 -> "SAS-2";
      case 0x0c40 -> "SAS-2.1";
      case 0x0c60 -> "SAS-3";
      case 0x0c80 -> "SAS-4";
      case 0x0d20 -> "FC-PH";
      case 0x0d40 -> "FC-AL";
      case 0x0d60 -> "FC-AL-2";
      case 0x0d80 -> "FC-PH-3";
      case 0x0da0 -> "FC-FS";
      case 0x0dc0 -> "FC-PI";
      case 0x0de0 -> "FC-PI-2";
      case 0x0e00 -> "FC-FS-2";
      case 0x0e20 -> "FC-LS";
      case 0x0e40 -> "FC-SP";
      case 0x0e60 -> "FC-PI-3";
      case 0x0e80 -> "FC-PI-4";
      case 0x0ea0 -> "FC 10GFC";
      case 0x0ec0 -> "FC-SP-2";
      case 0x0ee0 -> "FC-FS-3";
      case 0x0f00 -> "FC-LS-2";
      case 0x0f20 -> "FC-PI-5";
      case 0x0f40 -> "FC-PI-6";
      case 0x0f60 -> "FC-FS-4";
      case 0x0f80 -> "FC-LS-3";
      case 0x12a0 -> "FC-SCM";
      case 0x12c0 -> "FC-DA-2";
      case 0x12e0 -> "FC-DA";
      case 0x1300 -> "FC-Tape";
      case 0x1320 -> "FC-FLA";
      case 0x1340 -> "FC-PLDA";
      case 0x1360 -> "SSA-PH2";
      case 0x1380 -> "SSA-PH3";
      case 0x14a0 -> "IEEE 1394";
      case 0x14c0 -> "IEEE 1394a";
      case 0x14e0 -> "IEEE 1394b";
      case 0x15e0 -> "ATA/ATAPI-6";
      case 0x1600 -> "ATA/ATAPI-7";
      case 0x1620 -> "ATA/ATAPI-8 ATA-AAM Architecture model";
      case 0x1740 -> "UAS";
      case 0x1780 -> "UAS-2";
      case 0x1ea0 -> "SAT";
      case 0x1ec0 -> "SAT-2";
      case 0x1ee0 -> "SAT-3";
      case 0x1f00 -> "SAT-4";
      case 0x20a0 -> "SPL";
      case 0x20c0 -> "SPL-2";
      case 0x20e0 -> "SPL-3";
      case 0x2100 -> "SPL-4";
      case 0x2120 -> "SPL-5";
      case 0x21e0 -> "SOP";
      case 0x2200 -> "PQI";
      case 0x2240 -> "PQI-2";
      default -> null;
    };
  }
}
