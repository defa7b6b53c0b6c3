package srro.tape;

/**
 * The RDMC (raw decryption mode control) field of the set data encryption page (SSC-5 §8.5.3.2, byte 5 bits
 * 5-4; the same field and values as SSC-4): how the drive marks each encrypted logical block it writes, so
 * that a later read in RAW decryption mode either may or may not hand the still-encrypted block to the host.
 * stenc 1.x calls the two explicit settings {@code --unprotect} and {@code --protect}, stenc 2.0
 * {@code --allow-raw-read} and {@code --no-allow-raw-read}. The drive reports the setting in effect as the
 * RDMD bit of the data encryption status page ({@link EncryptionStatus#rdmd()}), and whether it honours the
 * field at all as RDMC_C in the algorithm descriptor ({@link AlgorithmDescriptor#rawDecryptionControllable()}).
 */
public enum RawDecryptionControl {
  /** 00b: each encrypted block is marked per the algorithm's default (RDMC_C says which). */
  DEFAULT(0, "the drive's default"),
  /** 10b: each encrypted block is marked as enabled for raw decryption mode operations. */
  UNPROTECT(2, "allowed"),
  /** 11b: each encrypted block is marked as disabled for raw decryption mode operations. */
  PROTECT(3, "disabled");

  /** The value of the RDMC field (01b is reserved). */
  final int code;
  /** What raw reads of blocks written from now on are, in words. */
  public final String label;

  RawDecryptionControl(int code, String label) {
    this.code = code;
    this.label = label;
  }
}
