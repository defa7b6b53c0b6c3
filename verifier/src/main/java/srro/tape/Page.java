package srro.tape;

import java.util.Optional;
import srro.scsi.Cursor;
import srro.scsi.ScsiFormatException;
import srro.scsi.transport.Outcome;

/**
 * The 4-byte header every tape data encryption page starts with (SSC-4 §8.5.2.1): bytes 0-1 PAGE CODE, bytes
 * 2-3 PAGE LENGTH (the bytes after the header). A page is only read inside the length it declares, and only
 * when all of that length was received.
 */
final class Page {
  static final int HEADER_LENGTH = 4;

  private Page() {}

  /**
   * Whether {@code data} is the page that was asked for, whole: empty when it is, otherwise the failure to
   * report (WRONG_PAGE, SHORT_PAGE). Cheapest decisive check first: the page code.
   */
  static Optional<Outcome.Failed> check(byte[] data, int asked) {
    if (data.length < HEADER_LENGTH) {
      return Optional.of(new Outcome.Failed(Outcome.Layer.PAGE, "SHORT_PAGE", String.format(
          "page 0x%04x: reply of %d bytes is shorter than the 4-byte page header", asked, data.length)));
    }
    int code = ((data[0] & 0xff) << 8) | (data[1] & 0xff);
    if (code != asked) {
      return Optional.of(new Outcome.Failed(Outcome.Layer.PAGE, "WRONG_PAGE", String.format(
          "asked for page 0x%04x, the drive returned page 0x%04x", asked, code)));
    }
    int length = ((data[2] & 0xff) << 8) | (data[3] & 0xff);
    if (length > data.length - HEADER_LENGTH) {
      return Optional.of(new Outcome.Failed(Outcome.Layer.PAGE, "SHORT_PAGE", String.format(
          "page 0x%04x declares %d bytes after its header, only %d received", asked, length,
          data.length - HEADER_LENGTH)));
    }
    return Optional.empty();
  }

  /** A cursor over header and body of page {@code asked} in {@code data}, or why it is not that page. */
  static Cursor open(String source, byte[] data, int asked) throws ScsiFormatException {
    Optional<Outcome.Failed> bad = check(data, asked);
    if (bad.isPresent()) {
      throw new ScsiFormatException(source, bad.get().code().equals("WRONG_PAGE") ? 0 : 2, bad.get().message());
    }
    Cursor all = Cursor.of(source, data);
    return all.slice(0, HEADER_LENGTH + all.be16(2));
  }

  /** Whether {@code page} (already opened) holds at least {@code fixed} bytes of fixed fields. */
  static void requireFixed(Cursor page, int fixed, String what) throws ScsiFormatException {
    if (page.length() < fixed) {
      throw new ScsiFormatException(page.source(), 2, what + " needs at least " + fixed
          + " bytes, page length gives " + page.length());
    }
  }
}
