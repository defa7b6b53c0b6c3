package srro.cli.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import srro.MalformedInputException;
import srro.cli.BoundedInput;
import srro.cli.InputTooLargeException;
import srro.patch.Patchset;
import srro.signify.EmbeddedSignature;
import srro.signify.Limits;
import srro.signify.PublicKey;

/**
 * The seam between signify and the patch engine: a diff file named on the command line is either a plain diff
 * or a signify {@code -e} file (signature lines followed by the message). A signed file is verified first and
 * only the verified message bytes, still in memory, go to the parser — the file is never read twice.
 */
final class SignedDiff {
  static final String UNTRUSTED = "untrusted comment: ";

  /** Verifies an embedded signature and returns the message; the implementation lives in srro.signify. */
  @FunctionalInterface
  interface Verifier {
    /**
     * The message after the signature, a copy of the verified bytes.
     *
     * @throws PatchCommand.VerificationFailed when the signature does not verify with {@code key}
     */
    byte[] verifiedMessage(String source, byte[] signedFile, Path key)
        throws IOException, MalformedInputException, PatchCommand.VerificationFailed;
  }

  /**
   * Room for the signature lines in front of a signed diff: a comment of {@link Limits#COMMENT_MAX_BYTES} and a
   * base64 line of 100 bytes take 1144, the rest allows whitespace in the base64 line.
   */
  static final long SIGNATURE_LINES_MAX_BYTES = 4096;

  /** Largest public key file read, in bytes: signify's readb64file reads at most 2047. */
  static final int MAX_KEY_FILE_BYTES = Limits.KEY_FILE_MAX_BYTES;

  /**
   * signify -V -e on bytes in memory ({@link EmbeddedSignature}): the signature lines are parsed, the key number
   * checked before the curve, and only then are the message bytes handed on.
   */
  static final Verifier SIGNIFY =
      (source, signed, keyPath) -> {
        EmbeddedSignature e = EmbeddedSignature.parse(source, signed);
        EmbeddedSignature.Result r = e.verify(PublicKey.parse(keyPath.toString(), readKeyFile(keyPath)));
        if (!(r instanceof EmbeddedSignature.Opened ok)) {
          throw new PatchCommand.VerificationFailed(
              source + ": " + r.verification().message() + "; nothing was applied");
        }
        return ok.message().toByteArray();
      };

  private SignedDiff() {}

  /** The first 2047 bytes of a public key file: all signify's readb64file reads, the rest is ignored. */
  private static byte[] readKeyFile(Path keyPath) throws IOException {
    try (java.io.InputStream in = BoundedInput.open(keyPath)) {
      return in.readNBytes(MAX_KEY_FILE_BYTES);
    }
  }

  static boolean isSigned(byte[] file) {
    byte[] u = UNTRUSTED.getBytes(StandardCharsets.US_ASCII);
    if (file.length < u.length) {
      return false;
    }
    for (int i = 0; i < u.length; i++) {
      if (file[i] != u[i]) {
        return false;
      }
    }
    return true;
  }

  /** Reads {@code file} (at most the diff limit plus a signature) as the bytes to parse. */
  static byte[] read(Path file) throws IOException, InputTooLargeException {
    return BoundedInput.read(file, Patchset.MAX_DIFF_BYTES + SIGNATURE_LINES_MAX_BYTES, "a diff (or a signed diff)");
  }
}
