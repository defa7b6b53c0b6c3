package srro.scsi;

import java.util.Objects;

/**
 * One mode page as received (SPC-4 §7.5.7): page_0 format (PS, SPF=0, page code, one-byte page length) or
 * sub_page format (SPF=1, subpage code, two-byte page length). {@code declaredLength} counts the whole page
 * including its header; {@code bytes} holds the {@code availableLength} bytes actually present.
 */
public record ModePage(
    int pageCode,
    int subpageCode,
    boolean subpageFormat,
    boolean parametersSaveable,
    int offset,
    int pageLength,
    int declaredLength,
    byte[] bytes) {

  public ModePage {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > declaredLength) {
      throw new IllegalArgumentException("more bytes than declared");
    }
  }

  public int availableLength() {
    return bytes.length;
  }

  /** Whether the reply ended before the page did. */
  public boolean truncated() {
    return bytes.length < declaredLength;
  }

  /** "page 0x08" or "page 0x0a subpage 0x01". */
  public String name() {
    return subpageFormat
        ? String.format("page 0x%02x subpage 0x%02x", pageCode, subpageCode)
        : String.format("page 0x%02x", pageCode);
  }
}
