package srro.scsi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Standard INQUIRY data (SPC-4 §6.6.2, table 140). {@code declaredLength} is additional length + 5, {@code
 * availableLength} the bytes received; the identification strings are absent when the reply ends before them
 * (a warning says so). The peripheral qualifier (bits 7-5 of byte 0) says whether a device is connected: 0
 * yes, 1 capable but not connected, 3 not capable of a device here.
 */
public record Inquiry(
    int peripheralQualifier,
    int peripheralDeviceType,
    boolean removableMedium,
    int version,
    int responseDataFormat,
    Optional<String> vendorIdentification,
    Optional<String> productIdentification,
    Optional<String> productRevisionLevel,
    int declaredLength,
    int availableLength,
    List<String> warnings) {

  private static final int HEADER = 5;

  public Inquiry {
    Objects.requireNonNull(vendorIdentification, "vendorIdentification");
    Objects.requireNonNull(productIdentification, "productIdentification");
    Objects.requireNonNull(productRevisionLevel, "productRevisionLevel");
    warnings = List.copyOf(warnings);
  }

  public Optional<DeviceType> deviceType() {
    return DeviceType.of(peripheralDeviceType);
  }

  /** "SPC-4" for version 6 and so on (SPC-4 §6.6.2, table 142). */
  public String versionText() {
    return switch (version) {
      case 0x00 -> "no standard claimed";
      case 0x03 -> "SPC";
      case 0x04 -> "SPC-2";
      case 0x05 -> "SPC-3";
      case 0x06 -> "SPC-4";
      case 0x07 -> "SPC-5";
      default -> String.format("0x%02x", version);
    };
  }

  /** "connected", "not connected" or "no device supported" for qualifiers 0, 1, 3. */
  public String qualifierText() {
    return switch (peripheralQualifier) {
      case 0 -> "connected";
      case 1 -> "not connected";
      case 3 -> "no device supported";
      default -> "reserved (" + peripheralQualifier + ")";
    };
  }

  public static Inquiry parse(String source, byte[] bytes) throws ScsiFormatException {
    return parse(Cursor.of(source, bytes));
  }

  /** Decodes standard INQUIRY data; only a reply shorter than its 5-byte header is an error. */
  public static Inquiry parse(Cursor c) throws ScsiFormatException {
    if (c.length() < HEADER) {
      throw new ScsiFormatException(
          c.source(), c.length(), "inquiry data needs a 5-byte header, only " + c.length() + " received");
    }
    List<String> warnings = new ArrayList<>();
    int declared = c.u8(4) + HEADER;
    int available = c.length();
    if (declared > available) {
      warnings.add("additional length declares " + declared + " bytes, only " + available + " received");
    }
    Cursor body = c.slice(0, Math.min(declared, available));
    if (!body.has(32, 4)) {
      warnings.add(
          "inquiry data ends at byte " + body.length() + ", before the end of the identification strings (36)");
    }
    return new Inquiry(
        c.bits(0, 5, 3),
        c.bits(0, 0, 5),
        c.bit(1, 7),
        c.u8(2),
        c.bits(3, 0, 4),
        text(body, 8, 8),
        text(body, 16, 16),
        text(body, 32, 4),
        declared,
        available,
        warnings);
  }

  private static Optional<String> text(Cursor c, int offset, int n) throws ScsiFormatException {
    return c.has(offset, n) ? Optional.of(c.ascii(offset, n)) : Optional.empty();
  }
}
