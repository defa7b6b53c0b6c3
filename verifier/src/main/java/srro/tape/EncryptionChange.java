package srro.tape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Sets or clears tape encryption and proves it took effect: check the drive's capabilities, read the status
 * page, send the set data encryption page (SSC-4 and SSC-5 §8.5.3.2), read the status page back and compare.
 * "The command returned 0" is never enough: only a status page showing the modes, algorithm and raw
 * decryption marking asked for, with a key instance counter that moved, is {@link SetResult.Verified}.
 */
public final class EncryptionChange {
  private EncryptionChange() {}

  /**
   * What to set: {@code mode} (not OFF), the algorithm index (empty: the drive's only algorithm), clear key on
   * demount, the U-KAD text (empty: the key file's description line, if any) and the raw decryption marking
   * of the blocks written from now on. PROTECT with RAWREAD is refused as stenc 1.x refuses it: the drive
   * would mark every block it writes as unreadable in the very mode it is asked to read in.
   */
  public record Request(TapeMode mode, OptionalInt algorithmIndex, boolean ckod, Optional<String> kad,
      RawDecryptionControl rawDecryption) {
    public Request {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(algorithmIndex, "algorithmIndex");
      Objects.requireNonNull(kad, "kad");
      Objects.requireNonNull(rawDecryption, "rawDecryption");
      if (mode == TapeMode.OFF) {
        throw new IllegalArgumentException("use clear to turn encryption off");
      }
      if (mode == TapeMode.RAWREAD && rawDecryption == RawDecryptionControl.PROTECT) {
        throw new IllegalArgumentException("raw reads cannot be disabled in rawread mode");
      }
    }

    /** A request that leaves the raw decryption marking to the drive's default. */
    public Request(TapeMode mode, OptionalInt algorithmIndex, boolean ckod, Optional<String> kad) {
      this(mode, algorithmIndex, ckod, kad, RawDecryptionControl.DEFAULT);
    }
  }

  /** Turns encryption on with {@code key} (which the caller closes; the parameter list is wiped here). */
  public static SetResult set(TapeDrive drive, Request request, TapeKey key) throws IOException {
    Optional<TapeDrive.Unsupported> unsupported =
        drive.support(SecurityProtocol.CAPABILITIES_PAGE, SecurityProtocol.STATUS_PAGE);
    if (unsupported.isPresent()) {
      return refusal(unsupported.get());
    }
    Read<EncryptionCapabilities> caps = drive.capabilities();
    if (caps instanceof Read.Failed<EncryptionCapabilities> f) {
      return new SetResult.Failed("reading the encryption capabilities", f.failure());
    }
    EncryptionCapabilities c = ((Read.Ok<EncryptionCapabilities>) caps).page();
    AlgorithmDescriptor algorithm;
    if (request.algorithmIndex().isPresent()) {
      int index = request.algorithmIndex().getAsInt();
      Optional<AlgorithmDescriptor> a = c.algorithm(index);
      if (a.isEmpty()) {
        return new SetResult.Refused("the drive does not offer algorithm index " + index + "; it offers "
            + offered(c));
      }
      algorithm = a.get();
    } else if (c.algorithms().size() == 1) {
      algorithm = c.algorithms().get(0);
    } else {
      return new SetResult.Refused(c.algorithms().isEmpty()
          ? "the drive lists no encryption algorithm"
          : "the drive offers several algorithms, choose one with --algorithm: " + offered(c));
    }
    int index = algorithm.algorithmIndex();
    if (!algorithm.canEncrypt()) {
      return new SetResult.Refused("algorithm index " + index + " cannot encrypt under srro's control"
          + " (ENCRYPT_C " + algorithm.encryptC() + ", 2 needed)");
    }
    if (!algorithm.canDecrypt()) {
      return new SetResult.Refused("algorithm index " + index + " cannot decrypt under srro's control"
          + " (DECRYPT_C " + algorithm.decryptC() + ", 2 needed)");
    }
    if (key.length() != algorithm.keyLengthBytes()) {
      return new SetResult.Refused("the key is " + key.length() + " bytes, algorithm index " + index
          + " needs " + algorithm.keyLengthBytes());
    }
    String kadText = request.kad().orElse(key.description());
    byte[] kad = kadText.getBytes(StandardCharsets.US_ASCII);
    if (kad.length > algorithm.maximumUkadLengthBytes()) {
      return new SetResult.Refused("the key description (u-kad) is " + kad.length + " bytes, algorithm index "
          + index + " allows " + algorithm.maximumUkadLengthBytes());
    }
    if (algorithm.ukadFixed() && kad.length > 0 && kad.length < algorithm.maximumUkadLengthBytes()) {
      byte[] padded = Arrays.copyOf(kad, algorithm.maximumUkadLengthBytes());
      Arrays.fill(padded, kad.length, padded.length, (byte) ' ');
      kad = padded;
    }
    RawDecryptionControl raw = request.rawDecryption();
    if (raw != RawDecryptionControl.DEFAULT && !algorithm.rawDecryptionControllable()) {
      return new SetResult.Refused("the drive does not let srro " + (raw == RawDecryptionControl.PROTECT
          ? "disable" : "allow") + " raw reads with algorithm index " + index + ": RDMC_C " + algorithm.rdmcC()
          + " (" + algorithm.rdmcCText() + "), 4 or 5 needed");
    }
    List<String> warnings = new ArrayList<>();
    if (request.ckod() && !algorithm.avfmv()) {
      warnings.add("clear key on demount needs a mounted volume; the drive may refuse it");
    }
    SetDataEncryption page = new SetDataEncryption(
        SetDataEncryption.SCOPE_ALL_IT_NEXUS, false, SetDataEncryption.CEEM_NO_CHECK,
        raw.code, false, request.ckod(), false, false,
        request.mode().encryption, request.mode().decryption, index, SetDataEncryption.KEY_FORMAT_PLAIN,
        kad.length > 0 && algorithm.kadfC() ? SetDataEncryption.KAD_FORMAT_ASCII : 0,
        kad.length > 0 ? List.of(new Kad(Kad.UKAD, 0, kad)) : List.of());
    return apply(drive, page, key.borrow(), request.mode(), raw, warnings);
  }

  /** Turns encryption and decryption off (no key is sent) and proves it. */
  public static SetResult clear(TapeDrive drive) throws IOException {
    Optional<TapeDrive.Unsupported> unsupported = drive.support(SecurityProtocol.STATUS_PAGE);
    if (unsupported.isPresent()) {
      return refusal(unsupported.get());
    }
    return apply(drive, null, new byte[0], TapeMode.OFF, RawDecryptionControl.DEFAULT, List.of());
  }

  private static SetResult apply(TapeDrive drive, SetDataEncryption asked, byte[] key, TapeMode mode,
      RawDecryptionControl raw, List<String> warnings) throws IOException {
    Read<EncryptionStatus> before = drive.status();
    if (before instanceof Read.Failed<EncryptionStatus> f) {
      return new SetResult.Failed("reading the encryption status before the change", f.failure());
    }
    EncryptionStatus was = ((Read.Ok<EncryptionStatus>) before).page();
    SetDataEncryption page = asked != null ? asked : new SetDataEncryption(
        SetDataEncryption.SCOPE_ALL_IT_NEXUS, false, SetDataEncryption.CEEM_NO_CHECK,
        SetDataEncryption.RDMC_DEFAULT, false, false, false, false, EncryptionMode.DISABLE,
        DecryptionMode.DISABLE, was.algorithmIndex(), SetDataEncryption.KEY_FORMAT_PLAIN, 0, List.of());
    Optional<TapeFailure> sent = drive.send(page.command(key));
    if (sent.isPresent()) {
      return new SetResult.Failed("sending the set data encryption page", sent.get());
    }
    Read<EncryptionStatus> after = drive.status();
    if (after instanceof Read.Failed<EncryptionStatus> f) {
      return new SetResult.Failed("reading the encryption status back", f.failure());
    }
    EncryptionStatus now = ((Read.Ok<EncryptionStatus>) after).page();
    List<String> mismatches = compare(page, was, now);
    if (!mismatches.isEmpty()) {
      return new SetResult.NotAsAsked(mode, page.algorithmIndex(), was, now, mismatches);
    }
    return new SetResult.Verified(mode, page.algorithmIndex(), raw, was, now, warnings);
  }

  /** What the status page read back says differently from what was sent; empty when it matches. */
  static List<String> compare(SetDataEncryption asked, EncryptionStatus before, EncryptionStatus after) {
    List<String> out = new ArrayList<>();
    if (after.encryptionMode() != asked.encryptionMode().code) {
      out.add("encryption mode is " + EncryptionMode.label(after.encryptionMode()) + ", asked for "
          + asked.encryptionMode().label);
    }
    if (after.decryptionMode() != asked.decryptionMode().code) {
      out.add("decryption mode is " + DecryptionMode.label(after.decryptionMode()) + ", asked for "
          + asked.decryptionMode().label);
    }
    if (!asked.clears() && after.algorithmIndex() != asked.algorithmIndex()) {
      out.add("algorithm index is " + after.algorithmIndex() + ", asked for " + asked.algorithmIndex());
    }
    // RDMD reports how blocks written from now on are marked (SSC-5 §8.5.2.7): the proof of --protect and
    // --unprotect. With RDMC 0 it follows the algorithm's default and is shown, not compared.
    if (asked.rdmc() == RawDecryptionControl.PROTECT.code && !after.rdmd()) {
      out.add("raw reads are still allowed (RDMD 0), asked to disable them (RDMC 3)");
    } else if (asked.rdmc() == RawDecryptionControl.UNPROTECT.code && after.rdmd()) {
      out.add("raw reads are still disabled (RDMD 1), asked to allow them (RDMC 2)");
    }
    if (after.keyInstanceCounter() == before.keyInstanceCounter()) {
      out.add("key instance counter did not change (still " + after.keyInstanceCounter()
          + "): the drive did not take new parameters");
    }
    return out;
  }

  private static SetResult refusal(TapeDrive.Unsupported u) {
    return u.failure().<SetResult>map(f -> new SetResult.Failed(u.what(), f))
        .orElseGet(() -> new SetResult.Refused(u.what()));
  }

  private static String offered(EncryptionCapabilities c) {
    return c.algorithms().stream()
        .map(a -> a.algorithmIndex() + " (" + a.algorithmName() + ")")
        .collect(Collectors.joining(", "));
  }
}
