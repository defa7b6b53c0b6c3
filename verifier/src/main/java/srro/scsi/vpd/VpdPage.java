package srro.scsi.vpd;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import srro.scsi.Cursor;
import srro.scsi.FieldValue;
import srro.scsi.ScsiFormatException;

/**
 * A vital product data page (SPC-4 §7.8) decoded as far as srro knows it: the 4-byte header (peripheral
 * qualifier and device type, page code, page length) and a {@link Content}. {@code declaredLength} is page
 * length + 4, {@code availableLength} the bytes received; content is read only within the smaller of the two,
 * and everything the page declares beyond what arrived is a warning or an absent field, never an exception.
 */
public record VpdPage(
    int peripheralQualifier, int peripheralDeviceType, int pageCode, int pageLength, int declaredLength,
    int availableLength, Content content, List<String> warnings) {

  static final int HEADER = 4;

  public VpdPage {
    Objects.requireNonNull(content, "content");
    warnings = List.copyOf(warnings);
  }

  /** What the page says, by page code. */
  public sealed interface Content {}

  /** 0x00: the page codes the device supports (§7.8.14). */
  public record SupportedPages(List<Integer> pageCodes) implements Content {
    public SupportedPages {
      pageCodes = List.copyOf(pageCodes);
    }
  }

  /** 0x80: the product serial number (§7.8.15), ASCII, leading and trailing blanks removed. */
  public record UnitSerialNumber(String serialNumber) implements Content {
    public UnitSerialNumber {
      Objects.requireNonNull(serialNumber, "serialNumber");
    }
  }

  /** 0x83: designation descriptors (§7.8.6). */
  public record DeviceIdentification(List<Designator> designators) implements Content {
    public DeviceIdentification {
      designators = List.copyOf(designators);
    }
  }

  /**
   * 0x86, 0xb0, 0xb1, 0xb2: fixed fields; for 0xb2 with DP=1 also the provisioning group descriptor (SBC-3
   * §6.5.4), a designation descriptor.
   */
  public record Fields(VpdLayout layout, List<FieldValue> fields, List<Designator> descriptors)
      implements Content {
    public Fields {
      Objects.requireNonNull(layout, "layout");
      fields = List.copyOf(fields);
      descriptors = List.copyOf(descriptors);
    }
  }

  /** Any other page, or one of the above for a device type it does not apply to: the bytes after the header. */
  public record Undecoded(byte[] bytes) implements Content {
    public Undecoded {
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  public static VpdPage parse(String source, byte[] bytes) throws ScsiFormatException {
    return parse(Cursor.of(source, bytes));
  }

  /** Decodes a VPD page; only a reply shorter than the 4-byte header is an error. */
  public static VpdPage parse(Cursor c) throws ScsiFormatException {
    if (c.length() < HEADER) {
      throw new ScsiFormatException(
          c.source(), c.length(), "vpd page needs a 4-byte header, only " + c.length() + " received");
    }
    List<String> warnings = new ArrayList<>();
    int pdt = c.bits(0, 0, 5);
    int pageCode = c.u8(1);
    int pageLength = c.be16(2);
    int declared = pageLength + HEADER;
    int available = c.length();
    if (declared > available) {
      warnings.add(String.format("vpd page 0x%02x declares %d bytes, only %d received", pageCode, declared,
          available));
    }
    Cursor body = c.slice(0, Math.min(declared, available));
    Optional<VpdLayout> layout = VpdLayouts.find(pageCode, pdt);
    Content content;
    if (pageCode == 0x00) {
      content = supported(body);
    } else if (pageCode == 0x80) {
      content = new UnitSerialNumber(body.ascii(HEADER, body.length() - HEADER).strip());
    } else if (pageCode == 0x83) {
      content = new DeviceIdentification(designators(body, HEADER, body.length(), warnings));
    } else if (layout.isPresent()) {
      content = fields(layout.get(), declared, body, warnings);
    } else {
      content = new Undecoded(body.bytes(HEADER, body.length() - HEADER));
    }
    return new VpdPage(c.bits(0, 5, 3), pdt, pageCode, pageLength, declared, available, content, warnings);
  }

  private static Content supported(Cursor body) throws ScsiFormatException {
    List<Integer> codes = new ArrayList<>();
    for (int i = HEADER; i < body.length(); i++) {
      codes.add(body.u8(i));
    }
    return new SupportedPages(codes);
  }

  private static Content fields(VpdLayout layout, int declared, Cursor body, List<String> warnings)
      throws ScsiFormatException {
    List<FieldValue> values = FieldValue.readAll(layout.fields(), declared, body);
    List<Designator> descriptors = List.of();
    if (layout.pageCode() == 0xb2 && FieldValue.find(values, "DP").orElse(0) == 1) {
      descriptors = designators(body, 8, Math.min(body.length(), 8 + descriptorLength(body)), warnings);
    }
    return new Fields(layout, values, descriptors);
  }

  /** The provisioning group descriptor's size: its header plus designator length, or what is there. */
  private static int descriptorLength(Cursor body) throws ScsiFormatException {
    return body.has(8, 4) ? 4 + body.u8(11) : body.length() - 8;
  }

  /** Designation descriptors from {@code from} to {@code to} of {@code body}. */
  static List<Designator> designators(Cursor body, int from, int to, List<String> warnings)
      throws ScsiFormatException {
    List<Designator> out = new ArrayList<>();
    int offset = from;
    while (offset < to) {
      if (offset + 4 > to) {
        warnings.add("designation descriptor at byte " + offset + " is truncated: its 4-byte header is cut off");
        break;
      }
      int length = body.u8(offset + 3);
      int present = Math.min(length, to - offset - 4);
      if (present < length) {
        warnings.add("designation descriptor at byte " + offset + " declares " + length
            + " designator bytes, only " + present + " present");
      }
      out.add(new Designator(offset, body.bits(offset, 4, 4), body.bits(offset, 0, 4), body.bit(offset + 1, 7),
          body.bits(offset + 1, 4, 2), body.bits(offset + 1, 0, 4), length, body.bytes(offset + 4, present)));
      offset += 4 + length;
    }
    return out;
  }
}
