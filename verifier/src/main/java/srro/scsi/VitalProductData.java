package srro.scsi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A vital product data page (SPC-4 §7.8): the 4-byte header (qualifier and device type, page code, page
 * length) and, for the pages srro decodes, their content: 0x80 unit serial number (§7.8.15) and 0x83 device
 * identification designators (§7.8.6). {@code declaredLength} is page length + 4.
 */
public record VitalProductData(
    int peripheralQualifier,
    int peripheralDeviceType,
    int pageCode,
    int pageLength,
    int declaredLength,
    int availableLength,
    Optional<String> unitSerialNumber,
    List<Designator> designators,
    List<String> warnings) {

  private static final int HEADER = 4;

  /** One designation descriptor (SPC-4 §7.8.6.1, table 460) with its designator bytes as received. */
  public record Designator(
      int protocolIdentifier, int codeSet, boolean protocolIdentifierValid, int association, int designatorType,
      int designatorLength, byte[] designator) {
    public Designator {
      Objects.requireNonNull(designator, "designator");
    }

    /** "NAA", "T10 vendor ID" ... (table 463). */
    public String typeText() {
      return switch (designatorType) {
        case 0 -> "vendor specific";
        case 1 -> "T10 vendor ID";
        case 2 -> "EUI-64";
        case 3 -> "NAA";
        case 4 -> "relative target port";
        case 5 -> "target port group";
        case 6 -> "logical unit group";
        case 7 -> "MD5 logical unit identifier";
        case 8 -> "SCSI name string";
        case 9 -> "protocol specific port identifier";
        case 0xa -> "UUID";
        default -> String.format("reserved (0x%x)", designatorType);
      };
    }

    /** "logical unit", "target port", "target device" (table 462). */
    public String associationText() {
      return switch (association) {
        case 0 -> "logical unit";
        case 1 -> "target port";
        case 2 -> "target device";
        default -> "reserved";
      };
    }

    /** ASCII and UTF-8 code sets as text, binary as lowercase hex. */
    public String value() {
      if (codeSet == 2 || codeSet == 3) {
        String s = new String(designator, codeSet == 2 ? StandardCharsets.US_ASCII : StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        s.codePoints()
            .filter(cp -> cp != 0)
            .forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? '.' : cp));
        return sb.toString().strip();
      }
      return Hex.of(designator);
    }
  }

  public VitalProductData {
    Objects.requireNonNull(unitSerialNumber, "unitSerialNumber");
    designators = List.copyOf(designators);
    warnings = List.copyOf(warnings);
  }

  public static VitalProductData parse(String source, byte[] bytes) throws ScsiFormatException {
    return parse(Cursor.of(source, bytes));
  }

  /** Decodes a VPD page; only a reply shorter than the 4-byte header is an error. */
  public static VitalProductData parse(Cursor c) throws ScsiFormatException {
    if (c.length() < HEADER) {
      throw new ScsiFormatException(
          c.source(), c.length(), "vpd page needs a 4-byte header, only " + c.length() + " received");
    }
    List<String> warnings = new ArrayList<>();
    int pageCode = c.u8(1);
    int pageLength = c.be16(2);
    int declared = pageLength + HEADER;
    int available = c.length();
    if (declared > available) {
      warnings.add(
          String.format("vpd page 0x%02x declares %d bytes, only %d received", pageCode, declared, available));
    }
    Cursor body = c.slice(0, Math.min(declared, available));
    Optional<String> serial = Optional.empty();
    List<Designator> designators = new ArrayList<>();
    if (pageCode == 0x80) {
      serial = Optional.of(body.ascii(HEADER, body.length() - HEADER).strip());
    } else if (pageCode == 0x83) {
      designators(body, designators, warnings);
    }
    return new VitalProductData(
        c.bits(0, 5, 3), c.bits(0, 0, 5), pageCode, pageLength, declared, available, serial, designators,
        warnings);
  }

  private static void designators(Cursor body, List<Designator> out, List<String> warnings)
      throws ScsiFormatException {
    int offset = HEADER;
    while (offset < body.length()) {
      if (!body.has(offset, 4)) {
        warnings.add("designation descriptor at byte " + offset + " is truncated: its 4-byte header is cut off");
        return;
      }
      int length = body.u8(offset + 3);
      Cursor d = body.sliceAtMost(offset + 4, length);
      if (d.length() < length) {
        warnings.add(
            "designation descriptor at byte " + offset + " declares " + length + " designator bytes, only "
                + d.length() + " present");
      }
      out.add(
          new Designator(
              body.bits(offset, 4, 4), body.bits(offset, 0, 4), body.bit(offset + 1, 7),
              body.bits(offset + 1, 4, 2), body.bits(offset + 1, 0, 4), length, d.bytes(0, d.length())));
      offset += 4 + length;
    }
  }
}
