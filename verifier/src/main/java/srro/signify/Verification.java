package srro.signify;

/** What checking a signature said (signify.c {@code verifymsg}); malformed input is an exception instead. */
public sealed interface Verification {
  /** signify's words for the outcome. */
  String message();

  /** A name for scripts: "verified", "wrong_key" or "bad_signature". */
  default String kind() {
    return this instanceof Verified ? "verified" : this instanceof WrongKey ? "wrong_key" : "bad_signature";
  }

  default boolean verified() {
    return this instanceof Verified;
  }

  /** The signature is good. */
  record Verified(long keynum) implements Verification {
    @Override
    public String message() {
      return "Signature Verified";
    }
  }

  /** The signature was made by another key: checked before any curve arithmetic. */
  record WrongKey(long signatureKeynum, long publicKeynum) implements Verification {
    @Override
    public String message() {
      return "verification failed: checked against wrong key";
    }
  }

  /** Right key number, but the Ed25519 check failed: the message, signature or key was changed. */
  record BadSignature(long keynum) implements Verification {
    @Override
    public String message() {
      return "signature verification failed";
    }
  }
}
