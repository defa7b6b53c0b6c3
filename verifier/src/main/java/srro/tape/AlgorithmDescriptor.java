package srro.tape;

import srro.scsi.Cursor;
import srro.scsi.ScsiFormatException;

/**
 * One data encryption algorithm descriptor of the capabilities page (SSC-4 §8.5.2.4.2): byte 0 ALGORITHM
 * INDEX, bytes 2-3 DESCRIPTOR LENGTH (bytes after byte 3; 20 in SSC-3 and SSC-4), byte 4 AVFMV(7) SDK_C(6)
 * MAC_C(5) DELB_C(4) DECRYPT_C(3-2) ENCRYPT_C(1-0), byte 5 AVFCP(7-6) NONCE_C(5-4) KADF_C(3) VCELB_C(2)
 * UKADF(1) AKADF(0), bytes 6-7 MAXIMUM U-KAD LENGTH, 8-9 MAXIMUM A-KAD LENGTH, 10-11 KEY LENGTH, byte 12
 * DKAD_C(7-6) EEMC_C(5-4) RDMC_C(3-1) EAREM(0), byte 13 MAXIMUM EEDK COUNT(3-0), 14-15 MSDK COUNT, 16-17
 * MAXIMUM EEDK SIZE, 20-23 SECURITY ALGORITHM CODE.
 */
public record AlgorithmDescriptor(
    int algorithmIndex,
    int descriptorLength,
    boolean avfmv,
    boolean sdkC,
    boolean macC,
    boolean delbC,
    int decryptC,
    int encryptC,
    int avfcp,
    int nonceC,
    boolean kadfC,
    boolean vcelbC,
    boolean ukadFixed,
    boolean akadFixed,
    int maximumUkadLengthBytes,
    int maximumAkadLengthBytes,
    int keyLengthBytes,
    int dkadC,
    int eemcC,
    int rdmcC,
    boolean earem,
    int maximumEedkCount,
    int msdkCount,
    int maximumEedkSizeBytes,
    long securityAlgorithmCode) {

  static final int HEADER_LENGTH = 4;
  /** The DESCRIPTOR LENGTH of SSC-3 and SSC-4; shorter descriptors lack fields srro needs. */
  static final int MINIMUM_DESCRIPTOR_LENGTH = 20;

  /** ENCRYPT_C / DECRYPT_C value 2: capable, controlled with SECURITY PROTOCOL OUT (SSC-4 table 148/149). */
  static final int CAPABLE_WITH_DATA_ENCRYPTION_CONTROL = 2;

  /** Whether the drive encrypts with this algorithm under SECURITY PROTOCOL OUT control. */
  public boolean canEncrypt() {
    return encryptC == CAPABLE_WITH_DATA_ENCRYPTION_CONTROL;
  }

  public boolean canDecrypt() {
    return decryptC == CAPABLE_WITH_DATA_ENCRYPTION_CONTROL;
  }

  /** RDMC_C 6 and 7: raw decryption mode control is fixed by the drive (SSC-4 table 152). */
  public boolean rawDecryptionControlFixed() {
    return rdmcC == 6 || rdmcC == 7;
  }

  /**
   * RDMC_C 4 and 5: the drive marks encrypted blocks as the RDMC field of the set data encryption page says
   * (SSC-5 §8.5.2.4.2 RDMC_C, §8.5.3.2 RDMC), by default disabled (4) or enabled (5) for raw reads. Only then
   * does srro send a non-default RDMC. stenc 2.0 refuses only 6 and 7; srro also refuses 0 (not reported), 1
   * (raw decryption not supported) and the reserved 2 and 3, because none of them advertises the control.
   */
  public boolean rawDecryptionControllable() {
    return rdmcC == 4 || rdmcC == 5;
  }

  /** RDMC_C in words (SSC-5 §8.5.2.4.2; stenc's reading of the values). */
  public String rdmcCText() {
    return switch (rdmcC) {
      case 0 -> "not reported";
      case 1 -> "raw decryption not supported";
      case 4 -> "controllable, raw reads disabled by default";
      case 5 -> "controllable, raw reads enabled by default";
      case 6 -> "fixed by the drive: raw reads disabled";
      case 7 -> "fixed by the drive: raw reads enabled";
      default -> "reserved";
    };
  }

  /** The algorithm's name (SFSC, INCITS 501-2016, as stenc names them), or its code. */
  public String algorithmName() {
    if (securityAlgorithmCode == 0x0001000cL) {
      return "AES-256-CBC-HMAC-SHA-1";
    } else if (securityAlgorithmCode == 0x00010010L) {
      return "AES-256-CCM-128";
    } else if (securityAlgorithmCode == 0x00010014L) {
      return "AES-256-GCM-128";
    } else if (securityAlgorithmCode == 0x00010016L) {
      return "AES-256-XTS-HMAC-SHA-512";
    }
    return String.format("algorithm code 0x%08x", securityAlgorithmCode);
  }

  /** The descriptor at {@code at} of the capabilities page; its length is bounded by {@code end}. */
  static AlgorithmDescriptor parse(Cursor page, int at, int end) throws ScsiFormatException {
    if (end - at < HEADER_LENGTH) {
      throw new ScsiFormatException(page.source(), at,
          "algorithm descriptor header needs 4 bytes, only " + (end - at) + " left in the page");
    }
    int length = page.be16(at + 2);
    if (length > end - at - HEADER_LENGTH) {
      throw new ScsiFormatException(page.source(), at + 2, "algorithm descriptor declares " + length
          + " bytes, only " + (end - at - HEADER_LENGTH) + " left in the page");
    }
    if (length < MINIMUM_DESCRIPTOR_LENGTH) {
      throw new ScsiFormatException(page.source(), at + 2, "algorithm descriptor length must be at least "
          + MINIMUM_DESCRIPTOR_LENGTH + ", is " + length);
    }
    Cursor d = page.slice(at, HEADER_LENGTH + length);
    return new AlgorithmDescriptor(
        d.u8(0),
        length,
        d.bit(4, 7),
        d.bit(4, 6),
        d.bit(4, 5),
        d.bit(4, 4),
        d.bits(4, 2, 2),
        d.bits(4, 0, 2),
        d.bits(5, 6, 2),
        d.bits(5, 4, 2),
        d.bit(5, 3),
        d.bit(5, 2),
        d.bit(5, 1),
        d.bit(5, 0),
        d.be16(6),
        d.be16(8),
        d.be16(10),
        d.bits(12, 6, 2),
        d.bits(12, 4, 2),
        d.bits(12, 1, 3),
        d.bit(12, 0),
        d.bits(13, 0, 4),
        d.be16(14),
        d.be16(16),
        d.be32(20));
  }
}
