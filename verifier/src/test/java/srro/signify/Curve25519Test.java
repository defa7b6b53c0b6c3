package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The constant-time scalar arithmetic against BigInteger (fine here: test data is no secret). */
class Curve25519Test {
  private static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private static BigInteger le(byte[] b) {
    byte[] be = new byte[b.length + 1];
    for (int i = 0; i < b.length; i++) {
      be[b.length - i] = b[i];
    }
    return new BigInteger(be);
  }

  private static byte[] le32(BigInteger v) {
    byte[] out = new byte[32];
    byte[] be = v.toByteArray();
    for (int i = 0; i < 32 && i < be.length; i++) {
      out[i] = be[be.length - 1 - i];
    }
    return out;
  }

  @Test
  void reducesSixtyFourByteNumbersModuloTheGroupOrder() {
    Random r = new Random(3);
    byte[][] edges = {new byte[64], filled(64, 0xff), le64(L), le64(L.subtract(BigInteger.ONE)), le64(L.add(BigInteger.ONE))};
    for (byte[] h : edges) {
      assertArrayEquals(le32(le(h).mod(L)), Curve25519.reduce(h.clone()));
    }
    for (int i = 0; i < 500; i++) {
      byte[] h = new byte[64];
      r.nextBytes(h);
      assertArrayEquals(le32(le(h).mod(L)), Curve25519.reduce(h.clone()), "case " + i);
    }
  }

  @Test
  void multipliesAndAddsModuloTheGroupOrder() {
    Random r = new Random(4);
    for (int i = 0; i < 500; i++) {
      byte[] a = scalar(r);
      a[0] &= (byte) 248; // a clamped secret scalar: 2^254 <= a < 2^255
      a[31] |= 64;
      byte[] k = scalar(r);
      byte[] x = scalar(r);
      if (i == 0) {
        a = le32(L.subtract(BigInteger.ONE));
        k = a.clone();
        x = a.clone();
      }
      BigInteger expected = le(x).add(le(k).multiply(le(a))).mod(L);
      assertArrayEquals(le32(expected), Curve25519.mulAdd(x, k, a), "case " + i);
    }
  }

  @Test
  void multipliesTheBasePointLikeTheReferenceArithmetic() {
    // [1]B is B's encoding (RFC 8032: y = 4/5, x even); [L]B packs the neutral element (0, 1).
    byte[] one = new byte[32];
    one[0] = 1;
    byte[] b = Curve25519.scalarBase(one);
    assertArrayEquals(
        java.util.HexFormat.of().parseHex("5866666666666666666666666666666666666666666666666666666666666666"), b);
    byte[] neutral = new byte[32];
    neutral[0] = 1;
    assertArrayEquals(neutral, Curve25519.scalarBase(le32(L)));
    assertArrayEquals(neutral, Curve25519.scalarBase(new byte[32]));
  }

  private static byte[] scalar(Random r) {
    byte[] s = new byte[32];
    r.nextBytes(s);
    s[31] &= 0x1f; // below 2^253: what reduce and clamp give
    return s;
  }

  private static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) v);
    return b;
  }

  private static byte[] le64(BigInteger v) {
    return Arrays.copyOf(le32(v), 64);
  }
}
