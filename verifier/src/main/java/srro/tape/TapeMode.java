package srro.tape;

/**
 * The combinations of encryption and decryption mode srro sets (stenc 1.0's {@code -e on|mixed|rawread|off}):
 * every one but OFF encrypts what is written; they differ in what reading does with blocks.
 */
public enum TapeMode {
  /** Encrypt writes; decrypt reads, refusing unencrypted blocks. */
  ON(EncryptionMode.ENCRYPT, DecryptionMode.DECRYPT),
  /** Encrypt writes; decrypt encrypted blocks and return unencrypted ones as they are. */
  MIXED(EncryptionMode.ENCRYPT, DecryptionMode.MIXED),
  /** Encrypt writes; return encrypted blocks raw, undecrypted. */
  RAWREAD(EncryptionMode.ENCRYPT, DecryptionMode.RAW),
  /** No encryption, no decryption, no key ({@code srro tape clear}). */
  OFF(EncryptionMode.DISABLE, DecryptionMode.DISABLE);

  final EncryptionMode encryption;
  final DecryptionMode decryption;

  TapeMode(EncryptionMode encryption, DecryptionMode decryption) {
    this.encryption = encryption;
    this.decryption = decryption;
  }

  public String encryptionLabel() {
    return encryption.label;
  }

  public String decryptionLabel() {
    return decryption.label;
  }
}
