package srro.tape;

/** The DECRYPTION MODE field (SSC-4 §8.5.3.2, table "DECRYPTION MODE field values"). */
enum DecryptionMode {
  /** 0: encrypted blocks are not decrypted (reads of them fail). */
  DISABLE(0, "off"),
  /** 1: encrypted blocks are returned raw, still encrypted. */
  RAW(1, "raw"),
  /** 2: encrypted blocks are decrypted; unencrypted blocks are refused. */
  DECRYPT(2, "on"),
  /** 3: encrypted blocks are decrypted and unencrypted blocks are returned as they are. */
  MIXED(3, "mixed");

  final int code;
  final String label;

  DecryptionMode(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The label for a code as read from a page; reserved codes are shown, never mistaken for "off". */
  static String label(int code) {
    for (DecryptionMode m : values()) {
      if (m.code == code) {
        return m.label;
      }
    }
    return String.format("reserved (0x%02x)", code);
  }
}
