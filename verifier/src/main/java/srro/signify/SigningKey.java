package srro.signify;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * An unlocked signify secret key: the key number and the 64-byte Ed25519 secret key (32-byte seed, then the
 * public key). Wipe it with {@link #close()} as soon as the signature is made.
 */
public final class SigningKey implements AutoCloseable {
  static final int SECRET_BYTES = 64;
  /** How much of a message streaming signing holds at a time. */
  private static final int BUFFER_BYTES = 1 << 16;
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
      return Signature.of(comment, keynum, Ed25519.sign(seed, publicHalf(), message, offset, length));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** A message signing reads twice without holding it. */
  @FunctionalInterface
  public interface Rereadable {
    /** The message from its first byte; called once for each of the two passes, the stream closed after. */
    InputStream open() throws IOException;
  }

  /**
   * Signs a message read twice from {@code message}, holding only a buffer of it: Ed25519 needs the whole
   * message for its nonce before it can hash it again for the signature. Nothing is signed when the two
   * passes read different bytes (compared by a keyed SHA-512 of each).
   *
   * @param source the message's name, for the message of the exception
   * @throws MessageChangedException when the second pass read other bytes than the first
   */
  public Signature sign(String comment, String source, Rereadable message) throws IOException {
    byte[] seed = Arrays.copyOf(secret, 32);
    try (Ed25519.Signer s = new Ed25519.Signer(seed, publicHalf())) {
      long first = feed(s, message);
      s.secondPass();
      long second = feed(s, message);
      Optional<byte[]> sig = s.finish();
      if (sig.isEmpty() || first != second) {
        throw new MessageChangedException(source);
      }
      return Signature.of(comment, keynum, sig.get());
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private static long feed(Ed25519.Signer s, Rereadable message) throws IOException {
    byte[] buf = new byte[BUFFER_BYTES];
    long total = 0;
    try (InputStream in = message.open()) {
      for (int n; (n = in.read(buf)) > 0; ) {
        s.update(buf, 0, n);
        total += n;
      }
    }
    return total;
  }

  private byte[] publicHalf() {
    return Arrays.copyOfRange(secret, 32, 64);
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
