package srro.signify;

import java.io.IOException;

/**
 * A message read twice for signing ({@link SigningKey#sign(String, String, SigningKey.Rereadable)}) gave other
 * bytes the second time: it changed while it was being signed, and no signature was made (an I/O failure,
 * exit 74: try again when nothing is writing the file).
 */
public final class MessageChangedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String source;

  public MessageChangedException(String source) {
    super(source + ": changed while it was being signed; no signature was made");
    this.source = source;
  }

  public String source() {
    return source;
  }
}
