package srro.signify;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signify {@code -e} file held in memory: the two signature lines, then the message directly after them
 * (signify.c {@code verifyembedded}). signify -V -e, -C and {@code srro patch apply -k} all verify it here, so
 * no byte of the message is handed on before its signature checked out.
 *
 * <p>The whole file is in memory by necessity (nothing may be written before the signature is checked, and a
 * pipe cannot be read twice); callers bound it, usually by {@link Limits#MESSAGE_MAX_BYTES}. The array is
 * not copied: the caller hands it over and must not change it.
 */
public final class EmbeddedSignature {
  private final String source;
  private final byte[] file;
  private final Signature signature;

  private EmbeddedSignature(String source, byte[] file, Signature signature) {
    this.source = source;
    this.file = file;
    this.signature = signature;
  }

  /**
   * Parses the signature lines at the start of {@code file}; the message is what follows them.
   *
   * @param source the file's name, for messages
   */
  public static EmbeddedSignature parse(String source, byte[] file) throws SignifyFormatException {
    Objects.requireNonNull(source, "source");
    return new EmbeddedSignature(source, file, Signature.parse(source, file, file.length));
  }

  public String source() {
    return source;
  }

  /** The signature, untrusted until {@link #verify} said so (its comment names the key to use). */
  public Signature signature() {
    return signature;
  }

  /**
   * Checks the signature with {@code key}: the key number first, the curve only when it matches. Only an
   * {@link Opened} result gives access to the message.
   */
  public Result verify(PublicKey key) {
    int from = signature.length();
    Verification v = key.verify(signature, file, from, file.length - from);
    if (v instanceof Verification.Verified ok) {
      return new Opened(signature, ok, new Message(file, from, file.length - from));
    }
    return new Refused(signature, v);
  }

  /** What {@link #verify} found: {@link Opened} with the message, or {@link Refused} with signify's reason. */
  public sealed interface Result {
    Signature signature();

    Verification verification();
  }

  /** The signature is good: {@code message} is the verified bytes. */
  public record Opened(Signature signature, Verification.Verified verification, Message message)
      implements Result {}

  /** Wrong key or bad signature ({@link Verification#message()} says which, in signify's words). */
  public record Refused(Signature signature, Verification verification) implements Result {
    public Refused {
      if (verification.verified()) {
        throw new IllegalArgumentException("a verified signature is not refused");
      }
    }
  }

  /** The verified message: a view of the file after the signature lines, never copied unless asked. */
  public static final class Message {
    final byte[] bytes;
    final int offset;
    final int length;

    private Message(byte[] bytes, int offset, int length) {
      this.bytes = bytes;
      this.offset = offset;
      this.length = length;
    }

    public int length() {
      return length;
    }

    public void writeTo(OutputStream out) throws IOException {
      out.write(bytes, offset, length);
    }

    /** A copy of the message. */
    public byte[] toByteArray() {
      return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    @Override
    public String toString() {
      return "Message[" + length + " bytes]";
    }
  }
}
