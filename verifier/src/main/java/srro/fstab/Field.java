package srro.fstab;

import java.util.Objects;

/**
 * One whitespace-separated field of an fstab entry exactly as written: {@code offset} is the byte offset of its
 * first byte in the file, so a fix can replace these bytes and no others. The file is read as ISO-8859-1, one
 * char per byte, so offsets in chars are offsets in bytes.
 */
public record Field(int offset, String raw) {
  public Field {
    Objects.requireNonNull(raw, "raw");
    if (offset < 0 || raw.isEmpty()) {
      throw new IllegalArgumentException("field needs offset >= 0 and text: " + offset);
    }
  }

  /** The offset just past the field's last byte. */
  public int end() {
    return offset + raw.length();
  }

  /**
   * The field with fstab(5)'s octal escapes ({@code \040} for a space, {@code \011} tab, {@code \012} newline,
   * {@code \134} backslash) decoded, as getmntent(3) does; anything else is kept as written.
   */
  public String decoded() {
    return Octal.decode(raw);
  }

  /** The field as a non-negative decimal number (fs_freq, fs_passno), or -1 when it is not one. */
  public int number() {
    if (raw.length() > 9) {
      return -1;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(raw);
  }
}
