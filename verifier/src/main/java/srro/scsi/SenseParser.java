package srro.scsi;

/**
 * The two sense data layouts: fixed (SPC-4 §4.5.3, table 47) and descriptor (§4.5.2, table 25). Both read
 * only within the smaller of the declared and received lengths and say so in a warning when those differ.
 */
final class SenseParser {
  private static final int FIXED_MIN = 8;
  private static final int DESCRIPTOR_HEADER = 8;

  private SenseParser() {}

  static Sense fixed(Cursor all, int responseCode) throws ScsiFormatException {
    Sense.Builder b = new Sense.Builder();
    b.responseCode = responseCode;
    Cursor c = bounded(all, 7, b);
    if (!c.has(2, 1)) {
      throw new ScsiFormatException(
          all.source(), all.length(), "fixed format sense data too short for a sense key: " + all.length()
              + " byte" + (all.length() == 1 ? "" : "s"));
    }
    b.filemark = c.bit(2, 7);
    b.endOfMedium = c.bit(2, 6);
    b.ili = c.bit(2, 5);
    b.senseKey = SenseKey.of(c.bits(2, 0, 4));
    if (c.has(3, 4) && c.bit(0, 7)) {
      b.information = c.be32(3);
    }
    if (c.has(8, 4)) {
      b.commandSpecificInformation = c.be32(8);
    }
    if (c.has(12, 2)) {
      b.additionalSense = new Sense.AdditionalSense(c.u8(12), c.u8(13));
    }
    if (c.has(14, 1)) {
      b.fru = c.u8(14);
    }
    if (c.has(15, 3) && c.bit(15, 7)) {
      b.senseKeySpecific = SenseKeySpecific.of(b.senseKey, c, 15);
    }
    return b.build();
  }

  static Sense descriptor(Cursor all, int responseCode) throws ScsiFormatException {
    Sense.Builder b = new Sense.Builder();
    b.responseCode = responseCode;
    b.descriptorFormat = true;
    Cursor c = bounded(all, 7, b);
    if (!c.has(1, 1)) {
      throw new ScsiFormatException(
          all.source(), all.length(), "descriptor format sense data too short for a sense key: 1 byte");
    }
    b.senseKey = SenseKey.of(c.bits(1, 0, 4));
    if (c.has(2, 2)) {
      b.additionalSense = new Sense.AdditionalSense(c.u8(2), c.u8(3));
    }
    int offset = DESCRIPTOR_HEADER;
    while (c.has(offset, 1)) {
      int type = c.u8(offset);
      if (!c.has(offset + 1, 1)) {
        b.warnings.add("sense descriptor type 0x" + hex(type) + " at byte " + offset + " has no length byte");
        b.descriptors.add(new Sense.SenseDescriptor(type, -1, c.bytes(offset, 1), true));
        break;
      }
      int additionalLength = c.u8(offset + 1);
      Cursor d = c.sliceAtMost(offset, 2 + additionalLength);
      boolean truncated = d.length() < 2 + additionalLength;
      if (truncated) {
        b.warnings.add(
            "sense descriptor type 0x" + hex(type) + " at byte " + offset + " declares " + (2 + additionalLength)
                + " bytes, only " + d.length() + " present");
      }
      b.descriptors.add(new Sense.SenseDescriptor(type, additionalLength, d.bytes(0, d.length()), truncated));
      decodeDescriptor(b, type, d);
      offset += 2 + additionalLength;
    }
    return b.build();
  }

  /** Fields of the descriptor types srro understands (SPC-4 §4.5.2.2 .. §4.5.2.6); others stay raw. */
  private static void decodeDescriptor(Sense.Builder b, int type, Cursor d) throws ScsiFormatException {
    switch (type) {
      case 0x00 -> {
        if (d.has(4, 8) && d.bit(2, 7)) {
          b.information = d.be64(4);
        }
      }
      case 0x01 -> {
        if (d.has(4, 8)) {
          b.commandSpecificInformation = d.be64(4);
        }
      }
      case 0x02 -> {
        if (d.has(4, 3) && d.bit(4, 7)) {
          b.senseKeySpecific = SenseKeySpecific.of(b.senseKey, d, 4);
        }
      }
      case 0x03 -> {
        if (d.has(3, 1)) {
          b.fru = d.u8(3);
        }
      }
      case 0x04 -> {
        if (d.has(3, 1)) {
          b.filemark = d.bit(3, 7);
          b.endOfMedium = d.bit(3, 6);
          b.ili = d.bit(3, 5);
        }
      }
      case 0x05 -> {
        if (d.has(3, 1)) {
          b.ili = d.bit(3, 5);
        }
      }
      default -> {
        // kept raw in the descriptor list
      }
    }
  }

  /**
   * The window of sense bytes to decode: the smaller of 8 + additional sense length (byte 7) and the bytes
   * received, capped at {@link Sense#MAX_LENGTH}; disagreements become warnings.
   */
  private static Cursor bounded(Cursor all, int lengthByte, Sense.Builder b) throws ScsiFormatException {
    int available = all.length();
    b.availableLength = available;
    if (!all.has(lengthByte, 1)) {
      b.declaredLength = -1;
      b.warnings.add(
          "sense data truncated: " + available + " byte" + (available == 1 ? "" : "s")
              + " received, the additional sense length (byte 7) is missing");
      return all.sliceAtMost(0, Sense.MAX_LENGTH);
    }
    int declared = FIXED_MIN + all.u8(lengthByte);
    b.declaredLength = declared;
    if (declared > available) {
      b.warnings.add(
          "sense data truncated: additional sense length declares " + declared + " bytes, only " + available
              + " received");
    }
    return all.sliceAtMost(0, Math.min(declared, Sense.MAX_LENGTH));
  }

  private static String hex(int v) {
    return String.format("%02x", v);
  }
}
