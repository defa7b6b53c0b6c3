package srro.tape;

/** The ENCRYPTION MODE field (SSC-4 §8.5.3.2, table "ENCRYPTION MODE field values"). */
enum EncryptionMode {
  /** 0: data is not encrypted. */
  DISABLE(0, "off"),
  /** 1: data arrives encrypted from outside the drive. */
  EXTERNAL(1, "external"),
  /** 2: the drive encrypts what it writes. */
  ENCRYPT(2, "on");

  final int code;
  final String label;

  EncryptionMode(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The label for a code as read from a page; reserved codes are shown, never mistaken for "off". */
  static String label(int code) {
    for (EncryptionMode m : values()) {
      if (m.code == code) {
        return m.label;
      }
    }
    return String.format("reserved (0x%02x)", code);
  }
}
