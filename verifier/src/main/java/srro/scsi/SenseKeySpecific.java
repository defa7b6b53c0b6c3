package srro.scsi;

/**
 * The three sense-key-specific bytes when SKSV is set (SPC-4 §4.5.2.4): their meaning depends on the sense
 * key. {@link #of} decodes them from the three bytes (SKSV included in the first).
 */
public sealed interface SenseKeySpecific {

  /** ILLEGAL REQUEST: which CDB ({@code inCdb}) or parameter-list byte, and bit if {@code bitPointerValid}. */
  record FieldPointer(boolean inCdb, boolean bitPointerValid, int bitPointer, int fieldPointer)
      implements SenseKeySpecific {}

  /** NOT READY or NO SENSE: progress of the operation, {@code progress}/65536 done. */
  record Progress(int progress) implements SenseKeySpecific {
    /** Percent done, two decimals as sg3_utils prints it. */
    public String percent() {
      return String.format(java.util.Locale.ROOT, "%.2f%%", progress * 100.0 / 65536);
    }
  }

  /** RECOVERED ERROR, MEDIUM ERROR, HARDWARE ERROR: the actual retry count. */
  record RetryCount(int actualRetryCount) implements SenseKeySpecific {}

  /** COPY ABORTED: the segment descriptor ({@code segmentDescriptor}) or parameter-list byte in error. */
  record SegmentPointer(boolean segmentDescriptor, boolean bitPointerValid, int bitPointer, int fieldPointer)
      implements SenseKeySpecific {}

  /** UNIT ATTENTION: whether the unit attention condition queue overflowed. */
  record UnitAttentionQueueOverflow(boolean overflow) implements SenseKeySpecific {}

  /** Any other sense key: the 23 bits after SKSV, undecoded. */
  record Raw(int value) implements SenseKeySpecific {}

  /** Decodes the three bytes at {@code offset} of {@code c} for {@code key}; the caller checked SKSV. */
  static SenseKeySpecific of(SenseKey key, Cursor c, int offset) throws ScsiFormatException {
    int b0 = c.u8(offset);
    int value = c.be16(offset + 1);
    return switch (key) {
      case ILLEGAL_REQUEST -> new FieldPointer((b0 & 0x40) != 0, (b0 & 0x08) != 0, b0 & 0x07, value);
      case NOT_READY, NO_SENSE -> new Progress(value);
      case RECOVERED_ERROR, MEDIUM_ERROR, HARDWARE_ERROR -> new RetryCount(value);
      case COPY_ABORTED -> new SegmentPointer((b0 & 0x20) != 0, (b0 & 0x08) != 0, b0 & 0x07, value);
      case UNIT_ATTENTION -> new UnitAttentionQueueOverflow((b0 & 0x01) != 0);
      default -> new Raw(((b0 & 0x7f) << 16) | value);
    };
  }

  /** One line for people, e.g. "field pointer: cdb byte 2 bit 5". */
  default String describe() {
    if (this instanceof FieldPointer f) {
      return "field pointer: " + (f.inCdb() ? "cdb" : "parameter list") + " byte " + f.fieldPointer()
          + (f.bitPointerValid() ? " bit " + f.bitPointer() : "");
    } else if (this instanceof Progress p) {
      return "progress: " + p.percent();
    } else if (this instanceof RetryCount r) {
      return "actual retry count: " + r.actualRetryCount();
    } else if (this instanceof SegmentPointer s) {
      return "segment pointer: " + (s.segmentDescriptor() ? "segment descriptor" : "parameter list") + " byte "
          + s.fieldPointer() + (s.bitPointerValid() ? " bit " + s.bitPointer() : "");
    } else if (this instanceof UnitAttentionQueueOverflow u) {
      return "unit attention queue overflow: " + (u.overflow() ? "yes" : "no");
    }
    return String.format("sense key specific: 0x%06x", ((Raw) this).value());
  }
}
