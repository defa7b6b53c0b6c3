package srro.signify;

import java.math.BigInteger;

/**
 * The Eksblowfish state bcrypt_pbkdf(3) drives (OpenBSD blowfish.c: {@code Blowfish_initstate},
 * {@code Blowfish_expandstate}, {@code Blowfish_expand0state}, {@code blf_enc}). The initial P-array and
 * S-boxes are the hexadecimal digits of pi's fraction, computed here once with Machin's formula instead of
 * being pasted in as a table.
 */
final class Blowfish {
  private static final int ROUNDS = 16;
  private final int[] p = new int[ROUNDS + 2];
  private final int[] s = new int[4 * 256];

  Blowfish() {
    int[] pi = PiWords.WORDS;
    System.arraycopy(pi, 0, p, 0, p.length);
    System.arraycopy(pi, p.length, s, 0, s.length);
  }

  /** The first 18 + 1024 32-bit words of pi's hexadecimal fraction (0x243f6a88, 0x85a308d3, ...). */
  static final class PiWords {
    static final int[] WORDS = compute(18 + 4 * 256);

    private PiWords() {}

    static int[] compute(int words) {
      int bits = words * 32;
      int guard = 64;
      BigInteger one = BigInteger.ONE.shiftLeft(bits + guard);
      // pi = 16 atan(1/5) - 4 atan(1/239)
      BigInteger pi = arctanInverse(5, one).shiftLeft(4).subtract(arctanInverse(239, one).shiftLeft(2));
      BigInteger fraction = pi.shiftRight(guard).subtract(BigInteger.valueOf(3).shiftLeft(bits));
      int[] out = new int[words];
      for (int i = 0; i < words; i++) {
        out[i] = fraction.shiftRight(bits - 32 * (i + 1)).intValue();
      }
      return out;
    }

    private static BigInteger arctanInverse(int x, BigInteger one) {
      BigInteger xx = BigInteger.valueOf((long) x * x);
      BigInteger term = one.divide(BigInteger.valueOf(x));
      BigInteger sum = term;
      for (int k = 1; term.signum() != 0; k++) {
        term = term.divide(xx);
        BigInteger t = term.divide(BigInteger.valueOf(2L * k + 1));
        sum = (k & 1) == 1 ? sum.subtract(t) : sum.add(t);
      }
      return sum;
    }
  }

  /** Blowfish_stream2word: the next big-endian word of {@code data}, wrapping around; {@code pos[0]} advances. */
  static int streamToWord(byte[] data, int[] pos) {
    int w = 0;
    for (int i = 0; i < 4; i++) {
      w = (w << 8) | (data[pos[0]] & 0xff);
      pos[0] = (pos[0] + 1) % data.length;
    }
    return w;
  }

  private int f(int x) {
    return ((s[x >>> 24] + s[0x100 | ((x >>> 16) & 0xff)]) ^ s[0x200 | ((x >>> 8) & 0xff)]) + s[0x300 | (x & 0xff)];
  }

  /** Blowfish_encipher on {@code lr[i], lr[i + 1]}. */
  void encipher(int[] lr, int i) {
    int l = lr[i];
    int r = lr[i + 1];
    l ^= p[0];
    for (int n = 1; n <= ROUNDS; n += 2) {
      r ^= f(l) ^ p[n];
      l ^= f(r) ^ p[n + 1];
    }
    lr[i] = r ^ p[ROUNDS + 1];
    lr[i + 1] = l;
  }

  /** Blowfish_expandstate: key into P, then P and S re-encrypted with the data mixed in. */
  void expand(byte[] data, byte[] key) {
    int[] pos = {0};
    for (int i = 0; i < p.length; i++) {
      p[i] ^= streamToWord(key, pos);
    }
    int[] lr = {0, 0};
    int[] dpos = {0};
    for (int i = 0; i < p.length; i += 2) {
      lr[0] ^= streamToWord(data, dpos);
      lr[1] ^= streamToWord(data, dpos);
      encipher(lr, 0);
      p[i] = lr[0];
      p[i + 1] = lr[1];
    }
    for (int i = 0; i < s.length; i += 2) {
      lr[0] ^= streamToWord(data, dpos);
      lr[1] ^= streamToWord(data, dpos);
      encipher(lr, 0);
      s[i] = lr[0];
      s[i + 1] = lr[1];
    }
  }

  /** Blowfish_expand0state: {@link #expand} without data. */
  void expand0(byte[] key) {
    int[] pos = {0};
    for (int i = 0; i < p.length; i++) {
      p[i] ^= streamToWord(key, pos);
    }
    int[] lr = {0, 0};
    for (int i = 0; i < p.length; i += 2) {
      encipher(lr, 0);
      p[i] = lr[0];
      p[i + 1] = lr[1];
    }
    for (int i = 0; i < s.length; i += 2) {
      encipher(lr, 0);
      s[i] = lr[0];
      s[i + 1] = lr[1];
    }
  }

  /** Forgets the key-dependent state. */
  void wipe() {
    java.util.Arrays.fill(p, 0);
    java.util.Arrays.fill(s, 0);
  }
}
