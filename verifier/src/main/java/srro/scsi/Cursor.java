package srro.scsi;

import java.util.Arrays;

/**
 * The one bounds-checked reader every SCSI parser uses: big-endian fields at absolute offsets within a window
 * of a byte array. No parser indexes a reply directly. A read past the window throws {@link
 * ScsiFormatException} naming the source, the offset and how many bytes were there; callers that can report a
 * short reply as a normal result check {@link #has} first.
 */
public final class Cursor {
  private final String source;
  private final byte[] bytes;
  private final int start;
  private final int length;

  private Cursor(String source, byte[] bytes, int start, int length) {
    this.source = source;
    this.bytes = bytes;
    this.start = start;
    this.length = length;
  }

  /** A cursor over all of {@code bytes} (not copied: callers hand over replies they no longer change). */
  public static Cursor of(String source, byte[] bytes) {
    return new Cursor(source, bytes, 0, bytes.length);
  }

  public String source() {
    return source;
  }

  /** Bytes available in this window. */
  public int length() {
    return length;
  }

  /** Whether {@code n} bytes starting at {@code offset} lie inside the window. */
  public boolean has(int offset, int n) {
    return offset >= 0 && n >= 0 && offset <= length - n;
  }

  private int at(int offset, int n) throws ScsiFormatException {
    if (!has(offset, n)) {
      throw new ScsiFormatException(
          source,
          start + (long) offset,
          "need " + n + " byte" + (n == 1 ? "" : "s") + " at offset " + offset + ", only " + length
              + " present");
    }
    return start + offset;
  }

  public int u8(int offset) throws ScsiFormatException {
    return bytes[at(offset, 1)] & 0xff;
  }

  public int be16(int offset) throws ScsiFormatException {
    int i = at(offset, 2);
    return ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
  }

  public int be24(int offset) throws ScsiFormatException {
    int i = at(offset, 3);
    return ((bytes[i] & 0xff) << 16) | ((bytes[i + 1] & 0xff) << 8) | (bytes[i + 2] & 0xff);
  }

  public long be32(int offset) throws ScsiFormatException {
    int i = at(offset, 4);
    return ((long) (bytes[i] & 0xff) << 24)
        | ((bytes[i + 1] & 0xff) << 16)
        | ((bytes[i + 2] & 0xff) << 8)
        | (bytes[i + 3] & 0xff);
  }

  /** An unsigned 64-bit field; values above Long.MAX_VALUE come back negative, as Java longs do. */
  public long be64(int offset) throws ScsiFormatException {
    int i = at(offset, 8);
    long v = 0;
    for (int k = 0; k < 8; k++) {
      v = (v << 8) | (bytes[i + k] & 0xff);
    }
    return v;
  }

  /** Bit {@code bit} (0 = least significant) of the byte at {@code offset}. */
  public boolean bit(int offset, int bit) throws ScsiFormatException {
    return ((u8(offset) >> bit) & 1) != 0;
  }

  /** {@code width} bits starting at bit {@code low} of the byte at {@code offset}. */
  public int bits(int offset, int low, int width) throws ScsiFormatException {
    return (u8(offset) >> low) & ((1 << width) - 1);
  }

  /** A copy of {@code n} bytes at {@code offset}. */
  public byte[] bytes(int offset, int n) throws ScsiFormatException {
    int i = at(offset, n);
    return Arrays.copyOfRange(bytes, i, i + n);
  }

  /** ASCII text of {@code n} bytes at {@code offset}, trailing spaces and NULs removed (INQUIRY strings). */
  public String ascii(int offset, int n) throws ScsiFormatException {
    int i = at(offset, n);
    int end = i + n;
    while (end > i && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
      end--;
    }
    StringBuilder sb = new StringBuilder(end - i);
    for (int k = i; k < end; k++) {
      int c = bytes[k] & 0xff;
      sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
    }
    return sb.toString();
  }

  /** A window of {@code n} bytes at {@code offset}; offsets in it start at 0. */
  public Cursor slice(int offset, int n) throws ScsiFormatException {
    return new Cursor(source, bytes, at(offset, n), n);
  }

  /** The window from {@code offset} to the end, or as much of {@code n} bytes as is present. */
  public Cursor sliceAtMost(int offset, int n) throws ScsiFormatException {
    at(offset, 0);
    return new Cursor(source, bytes, start + offset, Math.min(n, length - offset));
  }
}
