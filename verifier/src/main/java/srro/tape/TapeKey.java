package srro.tape;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A tape data encryption key read from a stenc-compatible key file: line 1 the key in hex (no separators, no
 * {@code 0x}; an odd number of digits has an implied leading 0, as stenc reads it), line 2 optional, a key
 * description that becomes the U-KAD. The key lives in one byte array that {@link #close()} zeroes; it is
 * never in a String, a message or {@link #toString()}.
 */
public final class TapeKey implements AutoCloseable {
  /** Largest key file read (a 256-byte key in hex plus a description line fits easily). */
  public static final int MAX_FILE_BYTES = 4096;
  /** Largest key accepted; LTO drives use 32 bytes (AES-256), the page field allows 65535. */
  static final int MAX_KEY_BYTES = 256;
  /** Largest description; the drive's own U-KAD limit (capabilities page) is checked when setting. */
  public static final int MAX_DESCRIPTION_BYTES = 1024;
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final byte[] key;
  private final String description;
  private boolean closed;

  private TapeKey(byte[] key, String description) {
    this.key = key;
    this.description = description;
  }

  /**
   * Parses {@code file} (the key file's bytes; the caller wipes them). {@code source} names the file in
   * messages.
   */
  public static TapeKey parse(String source, byte[] file) throws KeyFileFormatException {
    if (file.length > MAX_FILE_BYTES) {
      throw new KeyFileFormatException(source, -1,
          "key file is " + file.length + " bytes, more than the " + MAX_FILE_BYTES + " allowed");
    }
    int end1 = lineEnd(file, 0);
    int keyEnd = end1 > 0 && file[end1 - 1] == '\r' ? end1 - 1 : end1;
    int digits = keyEnd;
    if (digits == 0) {
      throw new KeyFileFormatException(source, 0, "line 1: expected the key in hex, found an empty line");
    }
    for (int i = 0; i < keyEnd; i++) {
      if (nibble(file[i]) < 0) {
        throw new KeyFileFormatException(source, i,
            "line 1: expected hex digits only (no spaces, no 0x), found another character");
      }
    }
    int keyLength = (digits + 1) / 2;
    if (keyLength > MAX_KEY_BYTES) {
      throw new KeyFileFormatException(source, 0,
          "line 1: key of " + keyLength + " bytes is longer than the " + MAX_KEY_BYTES + " allowed");
    }
    byte[] key = new byte[keyLength];
    int i = 0;
    int k = 0;
    if (digits % 2 == 1) {
      key[k++] = (byte) nibble(file[i++]);
    }
    while (i < keyEnd) {
      key[k++] = (byte) ((nibble(file[i]) << 4) | nibble(file[i + 1]));
      i += 2;
    }
    String description = "";
    if (end1 < file.length) {
      int start2 = end1 + 1;
      int end2 = lineEnd(file, start2);
      int textEnd = end2 > start2 && file[end2 - 1] == '\r' ? end2 - 1 : end2;
      try {
        description = description(source, file, start2, textEnd);
        for (int j = end2; j < file.length; j++) {
          if (file[j] != '\n' && file[j] != '\r') {
            throw new KeyFileFormatException(source, j,
                "expected at most two lines (key, description), found more");
          }
        }
      } catch (KeyFileFormatException e) {
        Arrays.fill(key, (byte) 0);
        throw e;
      }
    }
    return new TapeKey(key, description);
  }

  /**
   * The key file {@link #parse} reads back as {@code key} and {@code description}, as stenc 1.x's {@code -g}
   * writes it: line 1 the key in lowercase hex, line 2 the description when there is one, each ending in a
   * newline. The key is only ever in {@code key} and the result, both the caller's to wipe; no String holds
   * it. A description that is not printable ASCII or longer than {@link #MAX_DESCRIPTION_BYTES} is refused.
   */
  public static byte[] encodeFile(byte[] key, String description) {
    if (key.length == 0 || key.length > MAX_KEY_BYTES) {
      throw new IllegalArgumentException("key must be 1.." + MAX_KEY_BYTES + " bytes, is " + key.length);
    }
    if (description.length() > MAX_DESCRIPTION_BYTES
        || !description.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      throw new IllegalArgumentException("description must be printable ascii of at most "
          + MAX_DESCRIPTION_BYTES + " bytes");
    }
    int length = 2 * key.length + 1 + (description.isEmpty() ? 0 : description.length() + 1);
    byte[] out = new byte[length];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = HEX_DIGITS[(key[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX_DIGITS[key[i] & 0xf];
    }
    int at = 2 * key.length;
    out[at++] = '\n';
    if (!description.isEmpty()) {
      byte[] d = description.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(d, 0, out, at, d.length);
      out[at + d.length] = '\n';
    }
    return out;
  }

  /** Whether this key is {@code other}, compared in constant time (a read-back check, never a print). */
  public boolean sameKey(byte[] other) {
    checkOpen();
    return MessageDigest.isEqual(key, other);
  }

  private static String description(String source, byte[] file, int start, int end)
      throws KeyFileFormatException {
    if (end - start > MAX_DESCRIPTION_BYTES) {
      throw new KeyFileFormatException(source, start, "line 2: description of " + (end - start)
          + " bytes is longer than the " + MAX_DESCRIPTION_BYTES + " allowed");
    }
    for (int i = start; i < end; i++) {
      if (file[i] < 0x20 || file[i] > 0x7e) {
        throw new KeyFileFormatException(source, i, "line 2: description must be printable ascii");
      }
    }
    return new String(file, start, end - start, StandardCharsets.US_ASCII);
  }

  private static int lineEnd(byte[] b, int from) {
    int i = from;
    while (i < b.length && b[i] != '\n') {
      i++;
    }
    return i;
  }

  private static int nibble(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    } else if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Key length in bytes. */
  public int length() {
    checkOpen();
    return key.length;
  }

  /** The description line ("" when the file has none). Not secret: the drive writes it beside every block. */
  public String description() {
    return description;
  }

  /** The key itself, not a copy: only for building the SECURITY PROTOCOL OUT parameter list. */
  byte[] borrow() {
    checkOpen();
    return key;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("tape key already wiped");
    }
  }

  /** Zeroes the key. */
  @Override
  public void close() {
    Arrays.fill(key, (byte) 0);
    closed = true;
  }

  @Override
  public String toString() {
    return "TapeKey[" + key.length + " bytes, redacted]";
  }
}
