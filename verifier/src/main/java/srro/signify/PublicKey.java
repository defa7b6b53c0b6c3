package srro.signify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signify public key: {@code struct pubkey} of signify.c, 42 bytes ("Ed", 8-byte key number, 32-byte
 * Ed25519 key) behind an untrusted comment line.
 *
 * @param comment the untrusted comment, e.g. "signify public key"
 * @param keynum the key number that ties signatures to this key
 * @param key the Ed25519 public key, 32 bytes
 */
public record PublicKey(String comment, long keynum, byte[] key) {
  static final int LENGTH = 42;
  static final int KEY_BYTES = 32;

  public PublicKey {
    Objects.requireNonNull(comment, "comment");
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("public key must be 32 bytes, not " + key.length);
    }
    key = key.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  /**
   * Parses a public key file as signify's {@code readb64file} does: only its first 2047 bytes count.
   *
   * @param source the file's name, used in messages
   */
  public static PublicKey parse(String source, byte[] bytes) throws SignifyFormatException {
    int end = Math.min(bytes.length, Limits.KEY_FILE_MAX_BYTES);
    SignifyFile f = SignifyFile.parse(source, bytes, end, LENGTH, false);
    ByteBuffer b = ByteBuffer.wrap(f.payload());
    return new PublicKey(f.comment(), b.getLong(2), Arrays.copyOfRange(f.payload(), 10, LENGTH));
  }

  /** The 42-byte structure. */
  public byte[] payload() {
    return ByteBuffer.allocate(LENGTH).put((byte) 'E').put((byte) 'd').putLong(keynum).put(key).array();
  }

  /** The file as signify writes it. */
  public byte[] encode() {
    return SignifyFile.encode(comment, payload());
  }

  /** Verifies a message held in memory: key number first, then the curve (signify.c {@code verifymsg}). */
  public Verification verify(Signature signature, byte[] message, int offset, int length) {
    if (signature.keynum() != keynum) {
      return new Verification.WrongKey(signature.keynum(), keynum);
    }
    Ed25519.Verifier v = Ed25519.verifier(key, signature.sig());
    v.update(message, offset, length);
    return v.verify() ? new Verification.Verified(keynum) : new Verification.BadSignature(keynum);
  }

  /**
   * Verifies a message read from {@code message} in one pass without holding it: the key number is checked
   * before a byte is read. At most {@code maxBytes} are read; more is a {@link SignifyFormatException}.
   */
  public Verification verify(Signature signature, InputStream message, String source, long maxBytes)
      throws IOException, SignifyFormatException {
    if (signature.keynum() != keynum) {
      return new Verification.WrongKey(signature.keynum(), keynum);
    }
    Ed25519.Verifier v = Ed25519.verifier(key, signature.sig());
    byte[] buf = new byte[1 << 16];
    long total = 0;
    for (int n; (n = message.read(buf)) > 0; ) {
      total += n;
      if (total > maxBytes) {
        throw SignifyFormatException.inSignifyWords(source, -1, "msg too large in " + source);
      }
      v.update(buf, 0, n);
    }
    return v.verify() ? new Verification.Verified(keynum) : new Verification.BadSignature(keynum);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicKey p && comment.equals(p.comment) && keynum == p.keynum && Arrays.equals(key, p.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(comment, keynum, Arrays.hashCode(key));
  }

  @Override
  public String toString() {
    return String.format("PublicKey[keynum=%016x, comment=%s]", keynum, comment);
  }
}
