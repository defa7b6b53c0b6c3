package srro.tape;

import java.util.List;
import srro.scsi.Cursor;
import srro.scsi.ScsiFormatException;

/**
 * The data encryption status page (SSC-4 §8.5.2.7; protocol 0x20 page 0x0020): byte 4 I_T NEXUS SCOPE(7-5)
 * KEY SCOPE(2-0), byte 5 ENCRYPTION MODE, 6 DECRYPTION MODE, 7 ALGORITHM INDEX, 8-11 KEY INSTANCE COUNTER,
 * byte 12 PARAMETERS CONTROL(6-4) VCELB(3) CEEMS(2-1) RDMD(0), 13 KAD FORMAT, 14-15 AVAILABLE SUPPLEMENTAL
 * DECRYPTION KEYS, 16-23 reserved, then KAD descriptors.
 */
public record EncryptionStatus(
    int itNexusScope,
    int keyScope,
    int encryptionMode,
    int decryptionMode,
    int algorithmIndex,
    long keyInstanceCounter,
    int parametersControl,
    boolean vcelb,
    int ceems,
    boolean rdmd,
    int kadFormat,
    int availableSupplementalDecryptionKeys,
    List<Kad> kads) {
  static final int FIXED_LENGTH = 24;

  public EncryptionStatus {
    kads = List.copyOf(kads);
  }

  public String encryptionModeText() {
    return EncryptionMode.label(encryptionMode);
  }

  public String decryptionModeText() {
    return DecryptionMode.label(decryptionMode);
  }

  /** Whether the drive encrypts what it writes. */
  public boolean encrypting() {
    return encryptionMode == EncryptionMode.ENCRYPT.code;
  }

  static EncryptionStatus parse(String source, byte[] data) throws ScsiFormatException {
    Cursor page = Page.open(source, data, SecurityProtocol.STATUS_PAGE);
    Page.requireFixed(page, FIXED_LENGTH, "data encryption status page");
    return new EncryptionStatus(
        page.bits(4, 5, 3),
        page.bits(4, 0, 3),
        page.u8(5),
        page.u8(6),
        page.u8(7),
        page.be32(8),
        page.bits(12, 4, 3),
        page.bit(12, 3),
        page.bits(12, 1, 2),
        page.bit(12, 0),
        page.u8(13),
        page.be16(14),
        Kad.parseAll(page, FIXED_LENGTH, page.length()));
  }
}
