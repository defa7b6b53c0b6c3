package srro.tape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import srro.scsi.Cursor;
import srro.scsi.Hex;
import srro.scsi.ScsiFormatException;

/**
 * A tape data encryption key-associated data descriptor (SSC-4 §8.5.4.3): byte 0 KEY DESCRIPTOR TYPE (0 U-KAD,
 * 1 A-KAD, 2 nonce, 3 M-KAD, 4 WK-KAD), byte 1 bits 2-0 AUTHENTICATED (status pages only; reserved in SECURITY
 * PROTOCOL OUT), bytes 2-3 KEY DESCRIPTOR LENGTH, then the descriptor. KAD is never key material: it is what
 * the drive writes next to every block so people can tell which key was used.
 */
public record Kad(int type, int authenticated, byte[] descriptor) {
  static final int UKAD = 0;
  static final int AKAD = 1;
  static final int HEADER_LENGTH = 4;

  public Kad {
    if (type < 0 || type > 0xff) {
      throw new IllegalArgumentException("kad type must be 0..255: " + type);
    }
    if (authenticated < 0 || authenticated > 7) {
      throw new IllegalArgumentException("authenticated must be 0..7: " + authenticated);
    }
    if (descriptor.length > 0xffff) {
      throw new IllegalArgumentException("kad descriptor longer than 65535 bytes");
    }
    descriptor = descriptor.clone();
  }

  @Override
  public byte[] descriptor() {
    return descriptor.clone();
  }

  int encodedLength() {
    return HEADER_LENGTH + descriptor.length;
  }

  /** Writes this descriptor at {@code offset} of {@code out}; the AUTHENTICATED bits are left 0 (reserved). */
  void encodeInto(byte[] out, int offset) {
    out[offset] = (byte) type;
    out[offset + 2] = (byte) (descriptor.length >> 8);
    out[offset + 3] = (byte) descriptor.length;
    System.arraycopy(descriptor, 0, out, offset + HEADER_LENGTH, descriptor.length);
  }

  /** "u-kad", "a-kad", "nonce", "m-kad", "wk-kad" or "type 0x.." (SSC-4 table "KEY DESCRIPTOR TYPE"). */
  public String typeName() {
    return switch (type) {
      case 0 -> "u-kad";
      case 1 -> "a-kad";
      case 2 -> "nonce";
      case 3 -> "m-kad";
      case 4 -> "wk-kad";
      default -> String.format("type 0x%02x", type);
    };
  }

  /**
   * AUTHENTICATED in words (SSC-5 §8.5.4.3; status pages only): 1 the descriptor cannot be authenticated
   * (U-KAD, nonce), 2 it could be but was not, 3 authenticated, 4 authentication failed.
   */
  public String authenticatedText() {
    return switch (authenticated) {
      case 1 -> "not authenticated";
      case 2 -> "authentication not attempted";
      case 3 -> "authenticated";
      case 4 -> "authentication failed";
      default -> "reserved (" + authenticated + ")";
    };
  }

  /** The descriptor as text when every byte is printable ASCII, otherwise as hex. */
  public String text() {
    for (byte b : descriptor) {
      if (b < 0x20 || b > 0x7e) {
        return "hex:" + Hex.of(descriptor);
      }
    }
    return new String(descriptor, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /**
   * Every descriptor from {@code offset} to {@code end} of {@code page}. A descriptor whose length runs past
   * {@code end} is malformed; so is a header that does not fit.
   */
  static List<Kad> parseAll(Cursor page, int offset, int end) throws ScsiFormatException {
    List<Kad> kads = new ArrayList<>();
    int at = offset;
    while (at < end) {
      if (end - at < HEADER_LENGTH) {
        throw new ScsiFormatException(page.source(), at,
            "kad descriptor header needs 4 bytes, only " + (end - at) + " left in the page");
      }
      int length = page.be16(at + 2);
      if (length > end - at - HEADER_LENGTH) {
        throw new ScsiFormatException(page.source(), at,
            "kad descriptor declares " + length + " bytes, only " + (end - at - HEADER_LENGTH)
                + " left in the page");
      }
      kads.add(new Kad(page.u8(at), page.bits(at + 1, 0, 3), page.bytes(at + HEADER_LENGTH, length)));
      at += HEADER_LENGTH + length;
    }
    return kads;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Kad k && k.type == type && k.authenticated == authenticated
        && Arrays.equals(k.descriptor, descriptor);
  }

  @Override
  public int hashCode() {
    return (type * 31 + authenticated) * 31 + Arrays.hashCode(descriptor);
  }

  @Override
  public String toString() {
    return typeName() + " " + text();
  }
}
