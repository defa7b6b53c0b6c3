package srro.signify;

/**
 * The arithmetic Ed25519 signing does with secrets, in constant time: the nonce's point [r]B and the scalar
 * S = (r + k·a) mod L. It is TweetNaCl's (crypto_sign in tweetnacl.c, public domain): a field element mod
 * 2^255 - 19 is 16 signed 64-bit limbs of 16 bits ({@code gf}), every loop runs a fixed number of times, no
 * branch and no array index depends on a secret, and points are swapped with a masked XOR ({@code sel25519})
 * rather than chosen by an {@code if}. Java's {@code long} multiply, add, shift and XOR take the same time
 * whatever their operands on the JITs srro runs on. Nothing here uses BigInteger, whose time depends on its
 * values; {@link Ed25519}'s BigInteger code only ever sees public data (verification).
 */
final class Curve25519 {
  private static final long[] GF1 = gf(1);
  private static final long[] D2 = {
    0xf159, 0x26b2, 0x9b94, 0xebd6, 0xb156, 0x8283, 0x149a, 0x00e0,
    0xd130, 0xeef3, 0x80f2, 0x198e, 0xfce7, 0x56df, 0xd9dc, 0x2406
  };
  private static final long[] X = {
    0xd51a, 0x8f25, 0x2d60, 0xc956, 0xa7b2, 0x9525, 0xc760, 0x692c,
    0xdc5c, 0xfdd6, 0xe231, 0xc0a4, 0x53fe, 0xcd6e, 0x36d3, 0x2169
  };
  private static final long[] Y = {
    0x6658, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666,
    0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666
  };
  /** The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian bytes. */
  private static final long[] L = {
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10
  };

  private Curve25519() {}

  private static long[] gf(long v) {
    long[] o = new long[16];
    o[0] = v;
    return o;
  }

  // ---- the field -------------------------------------------------------------------------------------

  private static void carry(long[] o) {
    for (int i = 0; i < 16; i++) {
      o[i] += 1L << 16;
      long c = o[i] >> 16;
      if (i < 15) { // i is public: the loop is unrolled the same way for every value
        o[i + 1] += c - 1;
      } else {
        o[0] += 38 * (c - 1); // 2^256 = 38 (mod p)
      }
      o[i] -= c << 16;
    }
  }

  /** Swaps p and q when b is 1, leaves them when b is 0, in the same time either way. */
  private static void select(long[] p, long[] q, int b) {
    long mask = -(long) b;
    for (int i = 0; i < 16; i++) {
      long t = mask & (p[i] ^ q[i]);
      p[i] ^= t;
      q[i] ^= t;
    }
  }

  private static void pack(byte[] out, int off, long[] n) {
    long[] t = n.clone();
    long[] m = new long[16];
    carry(t);
    carry(t);
    carry(t);
    for (int j = 0; j < 2; j++) {
      m[0] = t[0] - 0xffed;
      for (int i = 1; i < 15; i++) {
        m[i] = t[i] - 0xffff - ((m[i - 1] >> 16) & 1);
        m[i - 1] &= 0xffff;
      }
      m[15] = t[15] - 0x7fff - ((m[14] >> 16) & 1);
      int b = (int) ((m[15] >> 16) & 1);
      m[14] &= 0xffff;
      select(t, m, 1 - b);
    }
    for (int i = 0; i < 16; i++) {
      out[off + 2 * i] = (byte) t[i];
      out[off + 2 * i + 1] = (byte) (t[i] >> 8);
    }
    java.util.Arrays.fill(t, 0);
    java.util.Arrays.fill(m, 0);
  }

  private static int parity(long[] a) {
    byte[] d = new byte[32];
    pack(d, 0, a);
    return d[0] & 1;
  }

  private static void add(long[] o, long[] a, long[] b) {
    for (int i = 0; i < 16; i++) {
      o[i] = a[i] + b[i];
    }
  }

  private static void sub(long[] o, long[] a, long[] b) {
    for (int i = 0; i < 16; i++) {
      o[i] = a[i] - b[i];
    }
  }

  private static void mul(long[] o, long[] a, long[] b) {
    long[] t = new long[31];
    for (int i = 0; i < 16; i++) {
      for (int j = 0; j < 16; j++) {
        t[i + j] += a[i] * b[j];
      }
    }
    for (int i = 0; i < 15; i++) {
      t[i] += 38 * t[i + 16];
    }
    System.arraycopy(t, 0, o, 0, 16);
    carry(o);
    carry(o);
  }

  /** a^(p-2) = 1/a, by a fixed chain of squarings and multiplications. */
  private static void invert(long[] o, long[] in) {
    long[] c = in.clone();
    for (int a = 253; a >= 0; a--) {
      mul(c, c, c);
      if (a != 2 && a != 4) { // a is the public exponent's bit index
        mul(c, c, in);
      }
    }
    System.arraycopy(c, 0, o, 0, 16);
  }

  // ---- points (extended coordinates X, Y, Z, T) ------------------------------------------------------

  private static void addPoint(long[][] p, long[][] q) {
    long[] a = new long[16];
    long[] b = new long[16];
    long[] c = new long[16];
    long[] d = new long[16];
    long[] t = new long[16];
    long[] e = new long[16];
    long[] f = new long[16];
    long[] g = new long[16];
    long[] h = new long[16];
    sub(a, p[1], p[0]);
    sub(t, q[1], q[0]);
    mul(a, a, t);
    add(b, p[0], p[1]);
    add(t, q[0], q[1]);
    mul(b, b, t);
    mul(c, p[3], q[3]);
    mul(c, c, D2);
    mul(d, p[2], q[2]);
    add(d, d, d);
    sub(e, b, a);
    sub(f, d, c);
    add(g, d, c);
    add(h, b, a);
    mul(p[0], e, f);
    mul(p[1], h, g);
    mul(p[2], g, f);
    mul(p[3], e, h);
  }

  private static void swap(long[][] p, long[][] q, int b) {
    for (int i = 0; i < 4; i++) {
      select(p[i], q[i], b);
    }
  }

  /**
   * [s]B packed as RFC 8032 §5.1.2 encodes a point: the Montgomery-ladder-like double-and-add of TweetNaCl
   * over all 256 bits of {@code s} (32 bytes, little-endian), whatever their values.
   */
  static byte[] scalarBase(byte[] s) {
    long[][] p = {new long[16], GF1.clone(), GF1.clone(), new long[16]};
    long[][] q = {X.clone(), Y.clone(), GF1.clone(), new long[16]};
    mul(q[3], X, Y);
    for (int i = 255; i >= 0; i--) {
      int b = (s[i >>> 3] >> (i & 7)) & 1;
      swap(p, q, b);
      addPoint(q, p);
      addPoint(p, p);
      swap(p, q, b);
    }
    long[] zi = new long[16];
    long[] tx = new long[16];
    long[] ty = new long[16];
    invert(zi, p[2]);
    mul(tx, p[0], zi);
    mul(ty, p[1], zi);
    byte[] r = new byte[32];
    pack(r, 0, ty);
    r[31] ^= (byte) (parity(tx) << 7);
    for (long[][] point : new long[][][] {p, q}) {
      for (long[] limb : point) {
        java.util.Arrays.fill(limb, 0);
      }
    }
    return r;
  }

  // ---- scalars mod L ---------------------------------------------------------------------------------

  /** x (64 limbs of about 8 bits, little-endian) mod L as 32 bytes; x is wiped. */
  private static byte[] modL(long[] x) {
    for (int i = 63; i >= 32; i--) {
      long carry = 0;
      int j;
      for (j = i - 32; j < i - 12; j++) {
        x[j] += carry - 16 * x[i] * L[j - (i - 32)];
        carry = (x[j] + 128) >> 8;
        x[j] -= carry << 8;
      }
      x[j] += carry;
      x[i] = 0;
    }
    long carry = 0;
    for (int j = 0; j < 32; j++) {
      x[j] += carry - (x[31] >> 4) * L[j];
      carry = x[j] >> 8;
      x[j] &= 255;
    }
    for (int j = 0; j < 32; j++) {
      x[j] -= carry * L[j];
    }
    byte[] r = new byte[32];
    for (int i = 0; i < 32; i++) {
      x[i + 1] += x[i] >> 8;
      r[i] = (byte) x[i];
    }
    java.util.Arrays.fill(x, 0);
    return r;
  }

  /** A 64-byte little-endian number (a SHA-512 digest) mod L. */
  static byte[] reduce(byte[] h) {
    long[] x = new long[64];
    for (int i = 0; i < 64; i++) {
      x[i] = h[i] & 0xff;
    }
    return modL(x);
  }

  /** (r + k·a) mod L, all three 32-byte little-endian scalars. */
  static byte[] mulAdd(byte[] r, byte[] k, byte[] a) {
    long[] x = new long[64];
    for (int i = 0; i < 32; i++) {
      x[i] = r[i] & 0xff;
    }
    for (int i = 0; i < 32; i++) {
      for (int j = 0; j < 32; j++) {
        x[i + j] += (k[i] & 0xff) * (long) (a[j] & 0xff);
      }
    }
    return modL(x);
  }
}
