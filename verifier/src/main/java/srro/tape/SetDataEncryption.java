package srro.tape;

import java.util.List;
import srro.scsi.transport.Command;

/**
 * The set data encryption page (SSC-4 §8.5.3.2; SECURITY PROTOCOL OUT protocol 0x20 page 0x0010) without its
 * key: bytes 0-1 PAGE CODE, 2-3 PAGE LENGTH, byte 4 SCOPE(7-5) LOCK(0), byte 5 CEEM(7-6) RDMC(5-4) SDK(3)
 * CKOD(2) CKORP(1) CKORL(0), 6 ENCRYPTION MODE, 7 DECRYPTION MODE, 8 ALGORITHM INDEX, 9 LOGICAL BLOCK
 * ENCRYPTION KEY FORMAT, 10 KAD FORMAT, 11-17 reserved, 18-19 LOGICAL BLOCK ENCRYPTION KEY LENGTH, then the key
 * and the KAD descriptors. The key only meets this record in {@link #encode}, so nothing here is secret.
 */
record SetDataEncryption(
    int scope,
    boolean lock,
    int ceem,
    int rdmc,
    boolean sdk,
    boolean ckod,
    boolean ckorp,
    boolean ckorl,
    EncryptionMode encryptionMode,
    DecryptionMode decryptionMode,
    int algorithmIndex,
    int keyFormat,
    int kadFormat,
    List<Kad> kads) {

  /** SCOPE 2: the parameters apply to every I_T nexus (what stenc sends). */
  static final int SCOPE_ALL_IT_NEXUS = 2;
  /** CEEM 1: do not check the external encryption mode when reading (stenc's choice, widest compatibility). */
  static final int CEEM_NO_CHECK = 1;
  /** RDMC 0 leaves raw reads to the algorithm's default; 2 allows them, 3 forbids them (SSC-4 table 154). */
  static final int RDMC_DEFAULT = 0;
  /** KEY FORMAT 0: the key is sent in plain (SSC-4 table "LOGICAL BLOCK ENCRYPTION KEY FORMAT"). */
  static final int KEY_FORMAT_PLAIN = 0;
  /** KAD FORMAT 2: the U-KAD is an ASCII key name (SSC-4 table "KAD FORMAT field values"). */
  static final int KAD_FORMAT_ASCII = 2;
  static final int FIXED_LENGTH = 20;

  SetDataEncryption {
    range("scope", scope, 0, 7);
    range("ceem", ceem, 0, 3);
    range("rdmc", rdmc, 0, 3);
    range("algorithm index", algorithmIndex, 0, 0xff);
    range("key format", keyFormat, 0, 0xff);
    range("kad format", kadFormat, 0, 0xff);
    kads = List.copyOf(kads);
  }

  private static void range(String what, int v, int min, int max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(what + " must be " + min + ".." + max + ": " + v);
    }
  }

  /** Whether this page turns encryption and decryption off, so it carries no key. */
  boolean clears() {
    return encryptionMode == EncryptionMode.DISABLE && decryptionMode == DecryptionMode.DISABLE;
  }

  /** Length of the encoded page with a key of {@code keyLength} bytes. */
  int encodedLength(int keyLength) {
    int n = FIXED_LENGTH + keyLength;
    for (Kad k : kads) {
      n += k.encodedLength();
    }
    return n;
  }

  /**
   * The parameter list with {@code key} copied in. The caller owns the result and must wipe it (it is the
   * data of a {@link Command} that {@link Command#wipe()} zeroes once sent).
   */
  byte[] encode(byte[] key) {
    if (clears() != (key.length == 0)) {
      throw new IllegalArgumentException(clears() ? "clearing sends no key" : "encryption needs a key");
    }
    int length = encodedLength(key.length);
    if (length > Command.MAX_TRANSFER || key.length > 0xffff) {
      throw new IllegalArgumentException("set data encryption page longer than " + Command.MAX_TRANSFER);
    }
    byte[] out = new byte[length];
    int pageLength = length - Page.HEADER_LENGTH;
    out[0] = (byte) (SecurityProtocol.SET_DATA_ENCRYPTION_PAGE >> 8);
    out[1] = (byte) SecurityProtocol.SET_DATA_ENCRYPTION_PAGE;
    out[2] = (byte) (pageLength >> 8);
    out[3] = (byte) pageLength;
    out[4] = (byte) ((scope << 5) | (lock ? 1 : 0));
    out[5] = (byte) ((ceem << 6) | (rdmc << 4) | (sdk ? 8 : 0) | (ckod ? 4 : 0) | (ckorp ? 2 : 0)
        | (ckorl ? 1 : 0));
    out[6] = (byte) encryptionMode.code;
    out[7] = (byte) decryptionMode.code;
    out[8] = (byte) algorithmIndex;
    out[9] = (byte) keyFormat;
    out[10] = (byte) kadFormat;
    out[18] = (byte) (key.length >> 8);
    out[19] = (byte) key.length;
    System.arraycopy(key, 0, out, FIXED_LENGTH, key.length);
    int at = FIXED_LENGTH + key.length;
    for (Kad k : kads) {
      k.encodeInto(out, at);
      at += k.encodedLength();
    }
    return out;
  }

  /** The SECURITY PROTOCOL OUT command carrying this page and {@code key}; wipe it after sending. */
  Command command(byte[] key) {
    return SecurityProtocol.out(
        SecurityProtocol.TAPE_DATA_ENCRYPTION, SecurityProtocol.SET_DATA_ENCRYPTION_PAGE, encode(key));
  }
}
