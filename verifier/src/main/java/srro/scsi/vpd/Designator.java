package srro.scsi.vpd;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import srro.scsi.Hex;

/**
 * One designation descriptor (SPC-4 §7.8.6.1, table 460): protocol identifier, code set, PIV, association,
 * designator type, and the designator bytes as received ({@code designator}; fewer than {@code
 * designatorLength} when the page was cut off). {@link #describe} decodes the designator by its type
 * (§7.8.6.2-§7.8.6.11): T10 vendor ID, EUI-64, NAA (2, 3, 5, 6), relative target port, target port group,
 * logical unit group, MD5, SCSI name string, protocol specific port identifier, UUID.
 */
public record Designator(
    int offset, int protocolIdentifier, int codeSet, boolean protocolIdentifierValid, int association,
    int designatorType, int designatorLength, byte[] designator) {

  public Designator {
    Objects.requireNonNull(designator, "designator");
    if (designator.length > designatorLength) {
      throw new IllegalArgumentException("more designator bytes than declared");
    }
  }

  public boolean truncated() {
    return designator.length < designatorLength;
  }

  /** Table 463. */
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

  /** Table 462. */
  public String associationText() {
    return switch (association) {
      case 0 -> "logical unit";
      case 1 -> "target port";
      case 2 -> "target device";
      default -> "reserved";
    };
  }

  /** Table 461. */
  public String codeSetText() {
    return switch (codeSet) {
      case 1 -> "binary";
      case 2 -> "ASCII";
      case 3 -> "UTF-8";
      default -> String.format("reserved (0x%x)", codeSet);
    };
  }

  /** The protocol identifier (SPC-4 table 362) when PIV says it applies (target port and device only). */
  public String protocolText() {
    return switch (protocolIdentifier) {
      case 0 -> "Fibre Channel";
      case 1 -> "parallel SCSI";
      case 2 -> "SSA";
      case 3 -> "IEEE 1394";
      case 4 -> "SCSI RDMA";
      case 5 -> "iSCSI";
      case 6 -> "SAS";
      case 7 -> "ADT";
      case 8 -> "ATA/ATAPI";
      case 9 -> "UAS";
      case 0xa -> "SOP";
      case 0xb -> "PCIe";
      case 0xf -> "no specific protocol";
      default -> String.format("reserved (0x%x)", protocolIdentifier);
    };
  }

  /** Whether the protocol identifier is meaningful (PIV set, association target port or target device). */
  public boolean protocolApplies() {
    return protocolIdentifierValid && (association == 1 || association == 2);
  }

  /** The designator decoded for its type, e.g. "NAA 5, IEEE company id 0x6001405, vendor specific 0x...". */
  public String describe() {
    if (truncated()) {
      return "truncated, " + designator.length + " of " + designatorLength + " bytes: " + Hex.of(designator);
    }
    byte[] d = designator;
    return switch (designatorType) {
      case 0 -> codeSet == 2 || codeSet == 3 ? text(d) : "0x" + Hex.of(d);
      case 1 -> d.length < 8
          ? "vendor identification too short: " + text(d)
          : "vendor " + ascii(d, 0, 8).strip() + ", identifier " + (codeSet == 1 ? "0x" + Hex.of(tail(d, 8))
              : ascii(d, 8, d.length - 8).strip());
      case 2 -> eui64(d);
      case 3 -> naa(d);
      case 4 -> d.length == 4 ? "relative target port " + be16(d, 2) : "0x" + Hex.of(d) + " (expected 4 bytes)";
      case 5 -> d.length == 4 ? "target port group " + be16(d, 2) : "0x" + Hex.of(d) + " (expected 4 bytes)";
      case 6 -> d.length == 4 ? "logical unit group " + be16(d, 2) : "0x" + Hex.of(d) + " (expected 4 bytes)";
      case 7 -> "md5 0x" + Hex.of(d);
      case 8 -> text(d);
      case 9 -> protocolPort(d);
      case 0xa -> uuid(d);
      default -> "0x" + Hex.of(d);
    };
  }

  /** Protocol specific port identifiers (SPC-4 §7.8.6.10): USB (table 478) and PCIe (SOP) routing. */
  private String protocolPort(byte[] d) {
    if (protocolIdentifier == 9 && d.length == 4) {
      return "USB device address " + (d[0] & 0x7f) + ", interface number " + (d[2] & 0xff);
    }
    if (protocolIdentifier == 0xb && d.length == 8) {
      return String.format("PCIe routing id 0x%04x", be16(d, 0));
    }
    return "0x" + Hex.of(d);
  }

  private static String eui64(byte[] d) {
    return switch (d.length) {
      case 8 -> "EUI-64 0x" + Hex.of(d);
      case 12 -> "EUI-64 based 12-byte 0x" + Hex.of(d);
      case 16 -> "EUI-64 based 16-byte 0x" + Hex.of(d);
      default -> "0x" + Hex.of(d) + " (an EUI-64 designator is 8, 12 or 16 bytes)";
    };
  }

  /** NAA designators (SPC-4 §7.8.6.6): the NAA field is the top 4 bits of the first byte. */
  private static String naa(byte[] d) {
    if (d.length == 0) {
      return "empty";
    }
    int naa = (d[0] >> 4) & 0xf;
    int expected = naa == 6 ? 16 : naa == 2 || naa == 3 || naa == 5 ? 8 : -1;
    if (expected < 0) {
      return "NAA " + naa + " (reserved) 0x" + Hex.of(d);
    }
    if (d.length != expected) {
      return "NAA " + naa + " 0x" + Hex.of(d) + " (expected " + expected + " bytes)";
    }
    String id = "0x" + Hex.of(d);
    return switch (naa) {
      case 2 -> id + " (NAA 2 IEEE extended, company id 0x" + hexBits(d, 16, 24) + ")";
      case 3 -> id + " (NAA 3 locally assigned)";
      case 5 -> id + " (NAA 5 IEEE registered, company id 0x" + hexBits(d, 4, 24) + ")";
      default -> id + " (NAA 6 IEEE registered extended, company id 0x" + hexBits(d, 4, 24) + ")";
    };
  }

  private static String uuid(byte[] d) {
    if (d.length != 18 || ((d[0] >> 4) & 0xf) != 1) {
      return "0x" + Hex.of(d) + " (expected 18 bytes with UUID type 1)";
    }
    String h = Hex.of(tail(d, 2));
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-"
        + h.substring(20);
  }

  /** {@code width} bits starting {@code from} bits into {@code d}, as hex. */
  private static String hexBits(byte[] d, int from, int width) {
    long v = 0;
    for (int i = from; i < from + width; i++) {
      v = (v << 1) | ((d[i / 8] >> (7 - i % 8)) & 1);
    }
    return String.format("%06x", v);
  }

  private static int be16(byte[] d, int at) {
    return ((d[at] & 0xff) << 8) | (d[at + 1] & 0xff);
  }

  private static byte[] tail(byte[] d, int from) {
    return java.util.Arrays.copyOfRange(d, from, d.length);
  }

  private static String ascii(byte[] d, int from, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < from + n; i++) {
      int c = d[i] & 0xff;
      sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
    }
    return sb.toString();
  }

  /** ASCII or UTF-8 text without NULs, control characters shown as '.'. */
  private String text(byte[] d) {
    String s = new String(d, codeSet == 3 ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII);
    StringBuilder sb = new StringBuilder();
    s.codePoints().filter(cp -> cp != 0)
        .forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) || cp == 0xfffd ? '.' : cp));
    return sb.toString().strip();
  }
}
