package srro.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import srro.scsi.transport.Command;
import srro.scsi.transport.Outcome;

/** Set and clear against a scripted drive: only a status page that shows the change is success. */
class EncryptionChangeTest {
  private static final String KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  private static TapeKey key(String description) throws KeyFileFormatException {
    return TapeKey.parse("k", (KEY_HEX + "\n" + description + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static EncryptionChange.Request on() {
    return new EncryptionChange.Request(TapeMode.ON, OptionalInt.empty(), false, Optional.empty());
  }

  private static SetResult set(ScriptedTapeTarget target, EncryptionChange.Request request, String kad)
      throws Exception {
    try (TapeKey k = key(kad)) {
      return EncryptionChange.set(new TapeDrive("t", target), request, k);
    }
  }

  private static void assertWiped(ScriptedTapeTarget target) {
    assertEquals(1, target.sentData().size());
    byte[] sent = target.sentData().get(0);
    assertArrayEquals(new byte[sent.length], sent, "parameter list not wiped");
  }

  @Test
  void setsAndVerifiesByReadingTheStatusBack() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget();
    SetResult.Verified v = assertInstanceOf(SetResult.Verified.class, set(target, on(), "April"));
    assertEquals(7, v.before().keyInstanceCounter());
    assertEquals(8, v.after().keyInstanceCounter());
    assertEquals("on", v.after().encryptionModeText());
    assertEquals("April", v.after().kads().get(0).text());
    assertWiped(target);
    List<String> names = target.commands().stream().map(Command::name).toList();
    assertEquals(List.of(
        "SECURITY PROTOCOL IN protocol 0x00 specific 0x0000",
        "SECURITY PROTOCOL IN protocol 0x20 specific 0x0000",
        "SECURITY PROTOCOL IN protocol 0x20 specific 0x0010",
        "SECURITY PROTOCOL IN protocol 0x20 specific 0x0020",
        "SECURITY PROTOCOL OUT protocol 0x20 specific 0x0010",
        "SECURITY PROTOCOL IN protocol 0x20 specific 0x0020"), names);
  }

  @Test
  void kadOptionReplacesTheKeyFileDescription() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget();
    SetResult.Verified v = assertInstanceOf(SetResult.Verified.class, set(target,
        new EncryptionChange.Request(TapeMode.MIXED, OptionalInt.of(1), false, Optional.of("other")), "April"));
    assertEquals("other", v.after().kads().get(0).text());
    assertEquals("mixed", v.after().decryptionModeText());
  }

  @Test
  void failsWhenTheStatusDidNotChange() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().ignoringSpout();
    SetResult.NotAsAsked n = assertInstanceOf(SetResult.NotAsAsked.class, set(target, on(), ""));
    assertEquals(List.of(
        "encryption mode is off, asked for on",
        "decryption mode is off, asked for on",
        "key instance counter did not change (still 7): the drive did not take new parameters"), n.mismatches());
    assertWiped(target);
  }

  @Test
  void failsOnDidErrorWithEmptySenseForTheSetPage() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget()
        .fault("SECURITY PROTOCOL OUT", new ScriptedTapeTarget.DidError());
    SetResult.Failed f = assertInstanceOf(SetResult.Failed.class, set(target, on(), ""));
    assertEquals("sending the set data encryption page", f.stage());
    assertEquals(Outcome.Layer.HOST, f.failure().outcome().layer());
    assertEquals("DID_ERROR", f.failure().outcome().code());
    assertEquals(7, target.keyInstanceCounter());
    assertWiped(target);
  }

  @Test
  void failsOnCheckConditionForTheSetPage() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget()
        .fault("SECURITY PROTOCOL OUT", new ScriptedTapeTarget.CheckCondition(0x05, 0x26, 0x00));
    SetResult.Failed f = assertInstanceOf(SetResult.Failed.class, set(target, on(), ""));
    assertEquals("check condition: ILLEGAL REQUEST: Invalid field in parameter list (asc 0x26, ascq 0x00)",
        f.failure().outcome().message());
    assertWiped(target);
  }

  @Test
  void failsWhenTheStatusReadBackIsAnotherPage() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().answeringStatusWithPage(0x0010);
    SetResult.Failed f = assertInstanceOf(SetResult.Failed.class, set(target, on(), ""));
    assertEquals("reading the encryption status before the change", f.stage());
    assertEquals("WRONG_PAGE", f.failure().outcome().code());
  }

  @Test
  void refusesAlgorithmTheDriveDoesNotOffer() throws Exception {
    SetResult.Refused r = assertInstanceOf(SetResult.Refused.class, set(new ScriptedTapeTarget(),
        new EncryptionChange.Request(TapeMode.ON, OptionalInt.of(4), false, Optional.empty()), ""));
    assertEquals("the drive does not offer algorithm index 4; it offers 1 (AES-256-GCM-128)", r.reason());
  }

  @Test
  void refusesToGuessAmongSeveralAlgorithms() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget()
        .replacing(0x0010, HexFile.read("caps-two-algorithms.page"));
    SetResult.Refused r = assertInstanceOf(SetResult.Refused.class, set(target, on(), ""));
    assertEquals("the drive offers several algorithms, choose one with --algorithm: 1 (AES-256-GCM-128),"
        + " 2 (algorithm code 0x80010400)", r.reason());
    assertTrue(target.sentData().isEmpty());
  }

  @Test
  void refusesAlgorithmThatCannotEncrypt() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget()
        .replacing(0x0010, HexFile.read("caps-two-algorithms.page"));
    SetResult.Refused r = assertInstanceOf(SetResult.Refused.class, set(target,
        new EncryptionChange.Request(TapeMode.ON, OptionalInt.of(2), false, Optional.empty()), ""));
    assertEquals("algorithm index 2 cannot encrypt under srro's control (ENCRYPT_C 1, 2 needed)", r.reason());
  }

  @Test
  void refusesAlgorithmThatCannotDecrypt() throws Exception {
    byte[] caps = HexFile.read("caps-two-algorithms.page");
    caps[44 + 4] = 0x02;
    ScriptedTapeTarget target = new ScriptedTapeTarget().replacing(0x0010, caps);
    SetResult.Refused r = assertInstanceOf(SetResult.Refused.class, set(target,
        new EncryptionChange.Request(TapeMode.ON, OptionalInt.of(2), false, Optional.empty()), ""));
    assertEquals("algorithm index 2 cannot decrypt under srro's control (DECRYPT_C 0, 2 needed)", r.reason());
  }

  @Test
  void refusesKeyOfTheWrongLength() throws Exception {
    try (TapeKey k = TapeKey.parse("k", "00112233".getBytes(StandardCharsets.US_ASCII))) {
      SetResult.Refused r = assertInstanceOf(SetResult.Refused.class,
          EncryptionChange.set(new TapeDrive("t", new ScriptedTapeTarget()), on(), k));
      assertEquals("the key is 4 bytes, algorithm index 1 needs 32", r.reason());
    }
  }

  @Test
  void refusesKadLongerThanTheDriveAllows() throws Exception {
    SetResult.Refused r = assertInstanceOf(SetResult.Refused.class,
        set(new ScriptedTapeTarget(), on(), "a description far longer than thirty-two bytes"));
    assertEquals("the key description (u-kad) is 46 bytes, algorithm index 1 allows 32", r.reason());
  }

  @Test
  void padsKadWhenTheDriveWantsItFixedLength() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget()
        .replacing(0x0010, HexFile.read("caps-two-algorithms.page"));
    SetResult.Verified v = assertInstanceOf(SetResult.Verified.class, set(target,
        new EncryptionChange.Request(TapeMode.ON, OptionalInt.of(1), false, Optional.empty()), "vol"));
    assertEquals("vol" + " ".repeat(29), v.after().kads().get(0).text());
  }

  @Test
  void refusesDriveWithoutEncryption() throws Exception {
    SetResult.Refused r = assertInstanceOf(SetResult.Refused.class,
        set(new ScriptedTapeTarget().withoutEncryption(), on(), ""));
    assertTrue(r.reason().startsWith("the drive does not support tape data encryption"), r.reason());
  }

  @Test
  void clearsAndVerifies() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().encrypting(2, 2, "old");
    SetResult.Verified v = assertInstanceOf(SetResult.Verified.class,
        EncryptionChange.clear(new TapeDrive("t", target)));
    assertEquals("off", v.after().encryptionModeText());
    assertEquals("off", v.after().decryptionModeText());
    assertTrue(v.after().kads().isEmpty());
    assertEquals(20, target.sentData().get(0).length);
  }

  @Test
  void clearFailsWhenTheDriveIgnoresIt() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().encrypting(2, 2, "old").ignoringSpout();
    SetResult.NotAsAsked n = assertInstanceOf(SetResult.NotAsAsked.class,
        EncryptionChange.clear(new TapeDrive("t", target)));
    assertEquals("encryption mode is on, asked for off", n.mismatches().get(0));
  }

  @Test
  void comparesTheAlgorithmIndex() throws Exception {
    EncryptionStatus before = EncryptionStatus.parse("s", HexFile.read("status-on-ukad.page"));
    byte[] page = HexFile.read("status-on-ukad.page");
    page[7] = 2;
    page[11] = 0x2d;
    EncryptionStatus after = EncryptionStatus.parse("s", page);
    SetDataEncryption asked = SetDataEncryptionTest.page(TapeMode.ON, false, 0, List.of());
    assertEquals(List.of("algorithm index is 2, asked for 1"), EncryptionChange.compare(asked, before, after));
  }

  @Test
  void requestRejectsModeOff() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EncryptionChange.Request(TapeMode.OFF, OptionalInt.empty(), false, Optional.empty()));
    assertEquals("use clear to turn encryption off", e.getMessage());
  }
  private static EncryptionChange.Request raw(TapeMode mode, RawDecryptionControl control) {
    return new EncryptionChange.Request(mode, OptionalInt.empty(), false, Optional.empty(), control);
  }

  @Test
  void disablesRawReadsAndProvesItWithRdmd() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(5);
    SetResult.Verified v = assertInstanceOf(SetResult.Verified.class,
        set(target, raw(TapeMode.ON, RawDecryptionControl.PROTECT), ""));
    assertEquals(false, v.before().rdmd());
    assertEquals(true, v.after().rdmd());
    assertEquals(RawDecryptionControl.PROTECT, v.rawDecryption());
    assertEquals(0x70, target.lastFlags(), "CEEM 1, RDMC 3");
    assertWiped(target);
  }

  @Test
  void allowsRawReadsAndProvesItWithRdmd() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(4);
    SetResult.Verified v = assertInstanceOf(SetResult.Verified.class,
        set(target, raw(TapeMode.MIXED, RawDecryptionControl.UNPROTECT), ""));
    assertEquals(true, v.before().rdmd());
    assertEquals(false, v.after().rdmd());
    assertEquals(0x60, target.lastFlags(), "CEEM 1, RDMC 2");
  }

  @Test
  void leavesRdmcAtTheDefaultUnlessAsked() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(4);
    SetResult.Verified v = assertInstanceOf(SetResult.Verified.class, set(target, on(), ""));
    assertEquals(RawDecryptionControl.DEFAULT, v.rawDecryption());
    assertEquals(0x40, target.lastFlags(), "CEEM 1, RDMC 0");
  }

  @Test
  void refusesRawDecryptionControlTheDriveDoesNotAdvertise() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget();
    SetResult.Refused r = assertInstanceOf(SetResult.Refused.class,
        set(target, raw(TapeMode.ON, RawDecryptionControl.PROTECT), ""));
    assertEquals("the drive does not let srro disable raw reads with algorithm index 1: RDMC_C 2 (reserved),"
        + " 4 or 5 needed", r.reason());
    assertTrue(target.sentData().isEmpty());
  }

  @Test
  void refusesRawDecryptionControlTheDriveFixes() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(7);
    SetResult.Refused r = assertInstanceOf(SetResult.Refused.class,
        set(target, raw(TapeMode.ON, RawDecryptionControl.UNPROTECT), ""));
    assertEquals("the drive does not let srro allow raw reads with algorithm index 1: RDMC_C 7 (fixed by the"
        + " drive: raw reads enabled), 4 or 5 needed", r.reason());
    assertTrue(target.sentData().isEmpty());
  }

  @Test
  void failsWhenTheDriveKeepsAllowingRawReads() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(5).ignoringRdmc();
    SetResult.NotAsAsked n = assertInstanceOf(SetResult.NotAsAsked.class,
        set(target, raw(TapeMode.ON, RawDecryptionControl.PROTECT), ""));
    assertEquals(List.of("raw reads are still allowed (RDMD 0), asked to disable them (RDMC 3)"), n.mismatches());
    assertWiped(target);
  }

  @Test
  void failsWhenTheDriveKeepsDisablingRawReads() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(4).ignoringRdmc();
    SetResult.NotAsAsked n = assertInstanceOf(SetResult.NotAsAsked.class,
        set(target, raw(TapeMode.ON, RawDecryptionControl.UNPROTECT), ""));
    assertEquals(List.of("raw reads are still disabled (RDMD 1), asked to allow them (RDMC 2)"), n.mismatches());
  }

  /** The seed story again, with --protect: GOOD status, empty sense, DID_ERROR. Nothing changed, nothing proven. */
  @Test
  void failsOnDidErrorWithEmptySenseWhenProtecting() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(5)
        .fault("SECURITY PROTOCOL OUT", new ScriptedTapeTarget.DidError());
    SetResult.Failed f = assertInstanceOf(SetResult.Failed.class,
        set(target, raw(TapeMode.ON, RawDecryptionControl.PROTECT), ""));
    assertEquals("sending the set data encryption page", f.stage());
    assertEquals("DID_ERROR", f.failure().outcome().code());
    assertEquals(7, target.keyInstanceCounter());
    assertWiped(target);
  }

  @Test
  void requestRejectsProtectionInRawreadMode() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> raw(TapeMode.RAWREAD, RawDecryptionControl.PROTECT));
    assertEquals("raw reads cannot be disabled in rawread mode", e.getMessage());
  }
}
