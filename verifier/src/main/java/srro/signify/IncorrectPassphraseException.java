package srro.signify;

/** The secret key's checksum did not match after decryption: wrong passphrase (signify: "incorrect passphrase"). */
public final class IncorrectPassphraseException extends Exception {
  private static final long serialVersionUID = 1L;

  public IncorrectPassphraseException() {
    super("incorrect passphrase");
  }
}
