package srro.signify;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * An unlocked signify secret key: the key number and the 64-byte Ed25519 secret key (32-byte seed, then the
 * public key). Wipe it with {@link #close()} as soon as the signature is made.
 */
public final class SigningKey implements AutoCloseable {
  static final int SECRET_BYTES = 64;
  private final long keynum;
  private final byte[] secret;

  SigningKey(long keynum, byte[] secret) {
    if (secret.length != SECRET_BYTES) {
      throw new IllegalArgumentException("secret key must be 64 bytes");
    }
    this.keynum = keynum;
    this.secret = secret.clone();
  }

  /** A new random key with a random key number (signify.c {@code generate}). */
  public static SigningKey generate(SecureRandom random) {
    byte[][] pair = Ed25519.generate(random);
    byte[] secret = new byte[SECRET_BYTES];
    System.arraycopy(pair[0], 0, secret, 0, 32);
    System.arraycopy(pair[1], 0, secret, 32, 32);
    Arrays.fill(pair[0], (byte) 0);
    SigningKey k = new SigningKey(random.nextLong(), secret);
    Arrays.fill(secret, (byte) 0);
    return k;
  }

  public long keynum() {
    return keynum;
  }

  byte[] secretKey() {
    return secret.clone();
  }

  /** The matching public key file. */
  public PublicKey publicKey(String comment) {
    return new PublicKey(comment, keynum, Arrays.copyOfRange(secret, 32, 64));
  }

  /** Signs {@code message[offset, offset + length)}; the signature carries {@code comment}. */
  public Signature sign(String comment, byte[] message, int offset, int length) {
    byte[] seed = Arrays.copyOf(secret, 32);
    try {
      return Signature.of(comment, keynum, Ed25519.sign(seed, message, offset, length));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  @Override
  public void close() {
    Arrays.fill(secret, (byte) 0);
  }

  @Override
  public String toString() {
    return String.format("SigningKey[keynum=%016x]", keynum);
  }
}
