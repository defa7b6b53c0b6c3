package srro.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import srro.MalformedInputException;
import srro.patch.Patchset;

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
    /** The message after the signature, or empty when the signature does not verify with {@code key}. */
    Optional<byte[]> verifiedMessage(String source, byte[] signedFile, Path key)
        throws IOException, MalformedInputException;
  }

  /** What this build uses: signify verification is wired here once srro.signify is merged. */
  static final Verifier UNAVAILABLE =
      (source, signed, key) -> {
        throw new UnsupportedSigned(source + ": signed diffs need srro.signify, which this build lacks;"
            + " verify with signify -Vep and pass the message");
      };

  private SignedDiff() {}

  /** Thrown when a signed diff cannot be verified in this build. */
  static final class UnsupportedSigned extends IOException {
    private static final long serialVersionUID = 1L;

    UnsupportedSigned(String message) {
      super(message);
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
  static byte[] read(Path file) throws IOException {
    long size = java.nio.file.Files.size(file);
    if (size > Patchset.MAX_DIFF_BYTES + 4096L) {
      throw new IOException(file + ": " + size + " bytes, more than the diff limit of " + Patchset.MAX_DIFF_BYTES);
    }
    return java.nio.file.Files.readAllBytes(file);
  }
}
