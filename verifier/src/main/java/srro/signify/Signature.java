package srro.signify;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signify signature: {@code struct sig} of signify.c, 74 bytes ("Ed", 8-byte key number, 64-byte Ed25519
 * signature) behind an untrusted comment line, usually {@code verify with NAME.pub}.
 *
 * @param comment the untrusted comment
 * @param keynum the number of the key that made it
 * @param sig the Ed25519 signature, 64 bytes
 * @param length how many bytes of the parsed input the two lines took (an embedded message follows them)
 */
public record Signature(String comment, long keynum, byte[] sig, int length) {
  static final int LENGTH = 74;
  static final int SIG_BYTES = 64;
  private static final String VERIFY_WITH = "verify with ";

  public Signature {
    Objects.requireNonNull(comment, "comment");
    if (sig.length != SIG_BYTES) {
      throw new IllegalArgumentException("signature must be 64 bytes, not " + sig.length);
    }
    sig = sig.clone();
  }

  /** A new signature as {@code signify -S} makes it; {@link #length()} is that of its encoding. */
  public static Signature of(String comment, long keynum, byte[] sig) {
    return new Signature(comment, keynum, sig, SignifyFile.encode(comment, new byte[LENGTH]).length);
  }

  @Override
  public byte[] sig() {
    return sig.clone();
  }

  /** Parses a detached signature file; like signify only its first 2047 bytes count. */
  public static Signature parse(String source, byte[] bytes) throws SignifyFormatException {
    return parse(source, bytes, Math.min(bytes.length, Limits.KEY_FILE_MAX_BYTES));
  }

  /**
   * Parses the signature at the start of {@code bytes[0, end)}: a whole embedded-signature file (the message
   * follows at {@link #length()}) or a gzip header comment.
   */
  public static Signature parse(String source, byte[] bytes, int end) throws SignifyFormatException {
    SignifyFile f = SignifyFile.parse(source, bytes, end, LENGTH, true);
    byte[] p = f.payload();
    return new Signature(f.comment(), ByteBuffer.wrap(p).getLong(2), Arrays.copyOfRange(p, 10, LENGTH), f.length());
  }

  public byte[] payload() {
    return ByteBuffer.allocate(LENGTH).put((byte) 'E').put((byte) 'd').putLong(keynum).put(sig).array();
  }

  public byte[] encode() {
    return SignifyFile.encode(comment, payload());
  }

  /**
   * The key name the comment asks for ({@code verify with NAME}, anywhere in the comment, as signify.c
   * {@code readpubkey} looks for it), if it has no slash after "verify with ". signify then reads that name
   * under /etc/signify.
   */
  public java.util.Optional<String> keyName() {
    int at = comment.indexOf(VERIFY_WITH);
    if (at < 0 || comment.indexOf('/', at) >= 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(comment.substring(at + VERIFY_WITH.length()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature s
        && comment.equals(s.comment)
        && keynum == s.keynum
        && Arrays.equals(sig, s.sig)
        && length == s.length;
  }

  @Override
  public int hashCode() {
    return Objects.hash(comment, keynum, Arrays.hashCode(sig), length);
  }

  @Override
  public String toString() {
    return String.format("Signature[keynum=%016x, comment=%s]", keynum, comment);
  }
}
