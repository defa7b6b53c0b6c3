package srro.tape;

import java.util.List;
import srro.scsi.Cursor;
import srro.scsi.ScsiFormatException;

/**
 * The data encryption status page (SSC-4 and SSC-5 §8.5.2.7; protocol 0x20 page 0x0020): byte 4 I_T NEXUS SCOPE(7-5)
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

  /**
   * An I_T NEXUS SCOPE or KEY SCOPE value in words: 0 public, 1 local, 2 all I_T nexus (SSC-5 §8.5.2.7, with
   * the SCOPE values of the set data encryption page, §8.5.3.2).
   */
  public static String scopeText(int scope) {
    return switch (scope) {
      case 0 -> "public";
      case 1 -> "local";
      case 2 -> "all i_t nexus";
      default -> "reserved (" + scope + ")";
    };
  }

  /** PARAMETERS CONTROL in words: who may change the encryption parameters (SSC-5 §8.5.2.7). */
  public String parametersControlText() {
    return switch (parametersControl) {
      case 0 -> "not reported";
      case 1 -> "not exclusively controlled by external data encryption control";
      case 2 -> "exclusively controlled by the tape drive (security protocol out)";
      case 3 -> "exclusively controlled by the automation/drive interface";
      case 4 -> "exclusively controlled by a management interface";
      default -> "reserved (" + parametersControl + ")";
    };
  }

  /**
   * CEEMS, the check external encryption mode in effect (the CEEM values of SSC-5 §8.5.3.2): 0 vendor
   * specific, 1 not checked, 2 reading a block written in EXTERNAL mode is an error, 3 reading a block written
   * in ENCRYPT mode is an error.
   */
  public String ceemsText() {
    return switch (ceems) {
      case 0 -> "vendor specific";
      case 1 -> "not checked";
      case 2 -> "checked: blocks written in external mode are refused";
      default -> "checked: blocks written in encrypt mode are refused";
    };
  }

  /** Whether encrypted blocks written from now on are marked as disabled for raw reads (RDMD, SSC-5 §8.5.2.7). */
  public String rawReadsText() {
    return rdmd ? "disabled" : "allowed";
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
