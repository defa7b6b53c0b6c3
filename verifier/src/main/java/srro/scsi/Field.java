package srro.scsi;

import java.util.Objects;

/**
 * A field at a fixed place in a page, in the notation of sdparm's tables and of the T10 standards' figures:
 * the byte it starts in ({@code byteOffset}, counted from the start of the page including its header), the
 * field's most significant bit in that byte ({@code startBit}, 7..0) and its width in bits. A field wider than
 * what is left of its first byte continues in whole following bytes, big-endian ("TST [0x02:7:3]", "BTP
 * [0x08:7:16]").
 */
public record Field(String acronym, String description, int byteOffset, int startBit, int bitWidth) {
  public Field {
    Objects.requireNonNull(acronym, "acronym");
    Objects.requireNonNull(description, "description");
    if (byteOffset < 0 || startBit < 0 || startBit > 7 || bitWidth < 1 || bitWidth > 64) {
      throw new IllegalArgumentException(acronym + ": bad place " + byteOffset + ":" + startBit + ":" + bitWidth);
    }
    if (bitWidth > startBit + 1 && (bitWidth - startBit - 1) % 8 != 0) {
      throw new IllegalArgumentException(acronym + ": a field past its first byte must end on a byte boundary");
    }
  }

  /** How many bytes the field touches. */
  public int byteCount() {
    return bitWidth <= startBit + 1 ? 1 : 1 + (bitWidth - startBit - 1) / 8;
  }

  /** The offset just past the field's last byte. */
  public int end() {
    return byteOffset + byteCount();
  }

  /** The largest value the field can hold (all its bits set), as an unsigned long. */
  public long allOnes() {
    return bitWidth == 64 ? -1L : (1L << bitWidth) - 1;
  }

  /** The field's value in {@code page}; the caller checks {@link Cursor#has} first. */
  long read(Cursor page) throws ScsiFormatException {
    int n = byteCount();
    long raw = 0;
    for (int i = 0; i < n; i++) {
      raw = (raw << 8) | page.u8(byteOffset + i);
    }
    int shift = n * 8 - (7 - startBit) - bitWidth;
    return (raw >>> shift) & allOnes();
  }

  /** "[0x02:7:3]", as sdparm's enumeration prints a field's place. */
  public String place() {
    return String.format("[0x%02x:%d:%d]", byteOffset, startBit, bitWidth);
  }
}
