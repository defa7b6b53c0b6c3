package srro.signify;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * Ed25519 as signify uses it. Key generation uses the JDK. Signing is done here in two streaming passes
 * ({@link Signer}), with {@link Curve25519}'s constant-time arithmetic for everything that touches the secret
 * key or the nonce; the signatures are the JDK's and signify's byte for byte (Ed25519 is deterministic).
 * Verification is done here, in one streaming pass, because the JDK's verifier (and signer) buffers the whole
 * message (about twice its size in heap); it only sees public data, so it may use BigInteger. It follows signify's
 * {@code crypto_sign_ed25519_open} (mod_ed25519.c): unpack and negate A as {@code ge25519_unpackneg_vartime}
 * does, k = SHA-512(R || A || M) mod l, then compare the packed [k](-A) + [S]B with R byte for byte.
 */
final class Ed25519 {
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
  private static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  private static final BigInteger D2 = D.shiftLeft(1).mod(P);
  private static final BigInteger SQRT_M1 =
      BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
  private static final BigInteger[] BASE = base();

  private Ed25519() {}

  /** A verification in progress: the message is fed with {@link #update}, then {@link #verify} decides. */
  static final class Verifier {
    private final byte[] publicKey;
    private final byte[] signature;
    private final MessageDigest sha512;

    private Verifier(byte[] publicKey, byte[] signature) {
      this.publicKey = publicKey.clone();
      this.signature = signature.clone();
      this.sha512 = sha512();
      sha512.update(signature, 0, 32);
      sha512.update(publicKey);
    }

    void update(byte[] b, int off, int len) {
      sha512.update(b, off, len);
    }

    boolean verify() {
      BigInteger[] negA = unpackNegative(publicKey);
      if (negA == null) {
        return false;
      }
      BigInteger k = littleEndian(sha512.digest()).mod(L);
      BigInteger s = littleEndian(Arrays.copyOfRange(signature, 32, 64)).mod(L);
      byte[] r = pack(doubleMultiply(k, negA, s, BASE));
      return MessageDigest.isEqual(r, Arrays.copyOf(signature, 32));
    }
  }

  static Verifier verifier(byte[] publicKey, byte[] signature) {
    return new Verifier(publicKey, signature);
  }

  /** A new key pair: the 32-byte seed and the 32-byte public key (signify's secret key is their concatenation). */
  static byte[][] generate(SecureRandom random) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(NamedParameterSpec.ED25519, random);
      KeyPair kp = g.generateKeyPair();
      byte[] seed = ((EdECPrivateKey) kp.getPrivate()).getBytes().orElseThrow();
      byte[] x509 = kp.getPublic().getEncoded();
      return new byte[][] {seed, Arrays.copyOfRange(x509, x509.length - 32, x509.length)};
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks Ed25519", e);
    }
  }

  /** The public key belonging to {@code seed}: [a]B for the clamped secret scalar a, in constant time. */
  static byte[] publicKey(byte[] seed) {
    byte[] h = sha512().digest(seed);
    byte[] a = clamp(h);
    Arrays.fill(h, (byte) 0);
    byte[] pub = Curve25519.scalarBase(a);
    Arrays.fill(a, (byte) 0);
    return pub;
  }

  /** RFC 8032 §5.1.5: the secret scalar from the first half of SHA-512(seed). */
  private static byte[] clamp(byte[] h) {
    byte[] a = Arrays.copyOf(h, 32);
    a[0] &= (byte) 248;
    a[31] &= 127;
    a[31] |= 64;
    return a;
  }

  /** The 64-byte signature of {@code message[offset, offset + length)}, both passes over the array. */
  static byte[] sign(byte[] seed, byte[] publicKey, byte[] message, int offset, int length) {
    try (Signer s = new Signer(seed, publicKey)) {
      s.update(message, offset, length);
      s.secondPass();
      s.update(message, offset, length);
      return s.finish().orElseThrow();
    }
  }

  /**
   * Signing without holding the message (RFC 8032 §5.1.6, as TweetNaCl's {@code crypto_sign}): the message is
   * fed twice, from its first byte each time. Pass 1 makes the nonce r = SHA-512(prefix || M) mod L; then
   * R = [r]B; pass 2 makes k = SHA-512(R || A || M) mod L, and S = (r + k·a) mod L. Pass 2 also hashes
   * prefix || M again: a message that changed between the passes would give a second signature with the
   * same R, from which anyone holding both could solve for the secret scalar, so {@link #finish} then gives
   * nothing. Wipe with {@link #close()}.
   */
  static final class Signer implements AutoCloseable {
    private final byte[] scalar;
    private final byte[] prefix;
    private final byte[] publicKey;
    private final MessageDigest nonce = sha512();
    private MessageDigest again;
    private MessageDigest challenge;
    private byte[] nonceDigest;
    private byte[] r;
    private byte[] packedR;

    Signer(byte[] seed, byte[] publicKey) {
      if (seed.length != 32 || publicKey.length != 32) {
        throw new IllegalArgumentException("seed and public key are 32 bytes each");
      }
      byte[] h = sha512().digest(seed);
      this.scalar = clamp(h);
      this.prefix = Arrays.copyOfRange(h, 32, 64);
      Arrays.fill(h, (byte) 0);
      this.publicKey = publicKey.clone();
      nonce.update(prefix);
    }

    /** Feeds the next bytes of the message to the current pass. */
    void update(byte[] b, int off, int len) {
      if (challenge == null) {
        nonce.update(b, off, len);
      } else {
        again.update(b, off, len);
        challenge.update(b, off, len);
      }
    }

    /** Ends pass 1: the nonce and R are fixed; feed the message again from its first byte. */
    void secondPass() {
      if (challenge != null) {
        throw new IllegalStateException("already in the second pass");
      }
      nonceDigest = nonce.digest();
      r = Curve25519.reduce(nonceDigest);
      packedR = Curve25519.scalarBase(r);
      again = sha512();
      again.update(prefix);
      challenge = sha512();
      challenge.update(packedR);
      challenge.update(publicKey);
    }

    /** R || S, or empty when the two passes were fed different bytes. */
    Optional<byte[]> finish() {
      if (challenge == null) {
        throw new IllegalStateException("the second pass has not begun");
      }
      byte[] second = again.digest();
      boolean same = MessageDigest.isEqual(nonceDigest, second);
      Arrays.fill(second, (byte) 0);
      if (!same) {
        return Optional.empty();
      }
      byte[] h = challenge.digest();
      byte[] k = Curve25519.reduce(h);
      byte[] s = Curve25519.mulAdd(r, k, scalar);
      byte[] sig = new byte[64];
      System.arraycopy(packedR, 0, sig, 0, 32);
      System.arraycopy(s, 0, sig, 32, 32);
      Arrays.fill(s, (byte) 0);
      return Optional.of(sig);
    }

    @Override
    public void close() {
      Arrays.fill(scalar, (byte) 0);
      Arrays.fill(prefix, (byte) 0);
      if (nonceDigest != null) {
        Arrays.fill(nonceDigest, (byte) 0);
        Arrays.fill(r, (byte) 0);
      }
      nonce.reset();
      if (again != null) {
        again.reset();
      }
    }
  }

  static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger littleEndian(byte[] b) {
    byte[] be = new byte[b.length + 1];
    for (int i = 0; i < b.length; i++) {
      be[b.length - i] = b[i];
    }
    return new BigInteger(be);
  }

  /** -A for a packed A, or null when y has no matching x (ge25519_unpackneg_vartime returns -1). */
  static BigInteger[] unpackNegative(byte[] packed) {
    int parity = (packed[31] >> 7) & 1;
    byte[] yb = packed.clone();
    yb[31] &= 127;
    BigInteger y = littleEndian(yb).mod(P);
    BigInteger yy = y.multiply(y).mod(P);
    BigInteger num = yy.subtract(BigInteger.ONE).mod(P);
    BigInteger den = D.multiply(yy).add(BigInteger.ONE).mod(P);
    BigInteger x = num.multiply(den.modInverse(P)).mod(P).modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
    if (!x.multiply(x).multiply(den).subtract(num).mod(P).equals(BigInteger.ZERO)) {
      x = x.multiply(SQRT_M1).mod(P);
    }
    if (!x.multiply(x).multiply(den).subtract(num).mod(P).equals(BigInteger.ZERO)) {
      return null;
    }
    if ((x.testBit(0) ? 1 : 0) != 1 - parity) {
      x = P.subtract(x).mod(P);
    }
    return new BigInteger[] {x, y, BigInteger.ONE, x.multiply(y).mod(P)};
  }

  private static BigInteger[] base() {
    BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
    byte[] packed = new byte[32];
    byte[] be = y.toByteArray();
    for (int i = 0; i < 32 && i < be.length; i++) {
      packed[i] = be[be.length - 1 - i];
    }
    packed[31] |= (byte) 0x80; // unpackNegative negates: ask for the odd x to get the even one (B has even x)
    return unpackNegative(packed);
  }

  private static final BigInteger MASK_255 = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);
  private static final BigInteger NINETEEN = BigInteger.valueOf(19);

  /** x mod p without division: 2^255 = 19 (mod p). */
  private static BigInteger reduce(BigInteger x) {
    if (x.signum() < 0) {
      return x.mod(P);
    }
    while (x.bitLength() > 255) {
      x = x.and(MASK_255).add(x.shiftRight(255).multiply(NINETEEN));
    }
    return x.compareTo(P) >= 0 ? x.subtract(P) : x;
  }

  /** Extended twisted Edwards addition (RFC 8032 §5.1.4). */
  private static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
    BigInteger a = reduce(p[1].subtract(p[0]).add(P).multiply(q[1].subtract(q[0]).add(P)));
    BigInteger b = reduce(p[1].add(p[0]).multiply(q[1].add(q[0])));
    BigInteger c = reduce(reduce(p[3].multiply(q[3])).multiply(D2));
    BigInteger d = reduce(p[2].multiply(q[2]).shiftLeft(1));
    BigInteger e = b.subtract(a).add(P);
    BigInteger f = d.subtract(c).add(P);
    BigInteger g = d.add(c);
    BigInteger h = b.add(a);
    return new BigInteger[] {reduce(e.multiply(f)), reduce(g.multiply(h)), reduce(f.multiply(g)), reduce(e.multiply(h))};
  }

  /** Point doubling (RFC 8032 §5.1.4). */
  private static BigInteger[] twice(BigInteger[] p) {
    BigInteger a = reduce(p[0].multiply(p[0]));
    BigInteger b = reduce(p[1].multiply(p[1]));
    BigInteger c = reduce(p[2].multiply(p[2]).shiftLeft(1));
    BigInteger h = a.add(b);
    BigInteger xy = p[0].add(p[1]);
    BigInteger e = h.subtract(reduce(xy.multiply(xy))).add(P);
    BigInteger g = a.subtract(b).add(P);
    BigInteger f = c.add(g);
    return new BigInteger[] {reduce(e.multiply(f)), reduce(g.multiply(h)), reduce(f.multiply(g)), reduce(e.multiply(h))};
  }

  /** [a]P + [b]Q with one doubling chain (Shamir's trick). */
  private static BigInteger[] doubleMultiply(BigInteger a, BigInteger[] p, BigInteger b, BigInteger[] q) {
    BigInteger[] both = add(p, q);
    BigInteger[] r = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
    for (int i = Math.max(a.bitLength(), b.bitLength()) - 1; i >= 0; i--) {
      r = twice(r);
      boolean x = a.testBit(i);
      boolean y = b.testBit(i);
      if (x && y) {
        r = add(r, both);
      } else if (x) {
        r = add(r, p);
      } else if (y) {
        r = add(r, q);
      }
    }
    return r;
  }

  private static byte[] pack(BigInteger[] point) {
    BigInteger zinv = point[2].modInverse(P);
    BigInteger x = point[0].multiply(zinv).mod(P);
    BigInteger y = point[1].multiply(zinv).mod(P);
    byte[] out = new byte[32];
    byte[] be = y.toByteArray();
    for (int i = 0; i < 32 && i < be.length; i++) {
      out[i] = be[be.length - 1 - i];
    }
    if (x.testBit(0)) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }
}
