package srro.scsi;

import java.util.Optional;

/** Peripheral device types (SPC-4 §6.6.2, table 141) that srro names; the code is five bits. */
public enum DeviceType {
  DISK(0x00, "direct access block device"),
  TAPE(0x01, "sequential access device"),
  PRINTER(0x02, "printer device"),
  PROCESSOR(0x03, "processor device"),
  WORM(0x04, "write-once device"),
  CDROM(0x05, "cd/dvd device"),
  SCANNER(0x06, "scanner device"),
  OPTICAL(0x07, "optical memory device"),
  CHANGER(0x08, "medium changer device"),
  COMMUNICATIONS(0x09, "communications device"),
  STORAGE_ARRAY(0x0c, "storage array controller device"),
  ENCLOSURE(0x0d, "enclosure services device"),
  RBC(0x0e, "simplified direct-access device"),
  OCRW(0x0f, "optical card reader/writer device"),
  BRIDGE(0x10, "bridge controller commands"),
  OSD(0x11, "object-based storage device"),
  ADC(0x12, "automation/drive interface"),
  SECURITY_MANAGER(0x13, "security manager device"),
  ZBC(0x14, "host managed zoned block device"),
  WELL_KNOWN_LU(0x1e, "well known logical unit"),
  UNKNOWN(0x1f, "unknown or no device type");

  private final int code;
  private final String text;

  DeviceType(int code, String text) {
    this.code = code;
    this.text = text;
  }

  public int code() {
    return code;
  }

  public String text() {
    return text;
  }

  /** The type for a five-bit code, or empty for reserved codes. */
  public static Optional<DeviceType> of(int code) {
    for (DeviceType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Whether the device-specific parameter and block descriptors follow SBC (disk-like devices). */
  boolean blockDevice() {
    return this == DISK || this == OPTICAL || this == RBC || this == ZBC || this == WORM;
  }
}
