package srro.tape;

import java.util.List;
import java.util.Objects;

/**
 * What became of a request to set (or clear) tape encryption. Only {@link Verified} means the drive's own
 * status page, read back after SECURITY PROTOCOL OUT, shows exactly what was asked.
 */
public sealed interface SetResult {

  /**
   * The status read back shows the modes, algorithm and raw decryption marking ({@code rawDecryption}, when
   * not DEFAULT) asked for, with a new key instance counter.
   */
  record Verified(TapeMode mode, int algorithmIndex, RawDecryptionControl rawDecryption,
      EncryptionStatus before, EncryptionStatus after, List<String> warnings) implements SetResult {
    public Verified {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(rawDecryption, "rawDecryption");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      warnings = List.copyOf(warnings);
    }
  }

  /** Every command said good, yet the status read back is not what was asked: nothing may be encrypted. */
  record NotAsAsked(TapeMode mode, int algorithmIndex, EncryptionStatus before, EncryptionStatus after,
      List<String> mismatches) implements SetResult {
    public NotAsAsked {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      mismatches = List.copyOf(mismatches);
    }
  }

  /** srro did not send SECURITY PROTOCOL OUT: the drive's capabilities rule the request out. */
  record Refused(String reason) implements SetResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A command failed at {@code stage} ("sending the set data encryption page", ...). */
  record Failed(String stage, TapeFailure failure) implements SetResult {
    public Failed {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(failure, "failure");
    }
  }
}
