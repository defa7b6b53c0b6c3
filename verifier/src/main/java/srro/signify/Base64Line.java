package srro.signify;

import java.util.Base64;

/**
 * The base64 line of a signify file, decoded exactly as OpenBSD's {@code b64_pton(3)} does: whitespace is
 * skipped, padding is required, nothing but whitespace may follow it, leftover bits must be zero, and the
 * decoded length must be the structure's length.
 */
final class Base64Line {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private Base64Line() {}

  /** The standard encoding with padding, as {@code b64_ntop(3)} writes it. */
  static String encode(byte[] data) {
    return Base64.getEncoder().encodeToString(data);
  }

  static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }

  /**
   * Decodes {@code src[from, to)} into exactly {@code length} bytes, or returns null where b64_pton would
   * fail or return another length.
   */
  static byte[] decode(byte[] src, int from, int to, int length) {
    byte[] out = new byte[length];
    int n = decodeInto(src, from, to, out);
    return n == length ? out : null;
  }

  /** Decodes as b64_pton into at most {@code max} bytes; null where b64_pton returns -1. */
  static byte[] decodeAtMost(byte[] src, int from, int to, int max) {
    byte[] out = new byte[max];
    int n = decodeInto(src, from, to, out);
    return n < 0 ? null : java.util.Arrays.copyOf(out, n);
  }

  private static int decodeInto(byte[] src, int from, int to, byte[] out) {
    int length = out.length;
    int state = 0;
    int n = 0;
    int i = from;
    int ch = -1;
    while (i < to) {
      ch = src[i++] & 0xff;
      if (isSpace(ch)) {
        continue;
      }
      if (ch == '=') {
        break;
      }
      int v = ALPHABET.indexOf(ch);
      if (v < 0) {
        return -1;
      }
      if (n >= length) {
        return -1;
      }
      switch (state) {
        case 0 -> {
          out[n] = (byte) (v << 2);
          state = 1;
        }
        case 1, 2 -> {
          // the 6 bits end this byte (4 of them in state 1, 2 in state 2); the rest start the next one
          int shift = state == 1 ? 4 : 2;
          out[n] |= (byte) (v >>> shift);
          int next = (v << (8 - shift)) & 0xff;
          if (n + 1 < length) {
            out[n + 1] = (byte) next;
          } else if (next != 0) {
            return -1;
          }
          n++;
          state++;
        }
        default -> {
          out[n] |= (byte) v;
          n++;
          state = 0;
        }
      }
      ch = -1;
    }
    if (ch == '=') {
      if (state == 0 || state == 1) {
        return -1;
      }
      if (state == 2) {
        while (i < to && isSpace(src[i] & 0xff)) {
          i++;
        }
        if (i >= to || src[i] != '=') {
          return -1;
        }
        i++;
      }
      for (; i < to; i++) {
        if (!isSpace(src[i] & 0xff)) {
          return -1;
        }
      }
      if (n < length && out[n] != 0) {
        return -1;
      }
    } else if (state != 0) {
      return -1;
    }
    return n;
  }
}
