package srro.cli.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;
import srro.os.Platform;
import srro.tape.ScriptedTapeTarget;

/** {@code srro tape set}, in-process against a scripted drive: every outcome, its message and exit status. */
class TapeSetCommandTest {
  static final String KEY_HEX = "5fe1c3a9d27b8e4406f3a1c2b7d8e9f00a1b2c3d4e5f60718293a4b5c6d7e8f9";

  @TempDir Path dir;

  private String keyFile(String content) throws IOException {
    Path p = dir.resolve("k.key");
    Files.writeString(p, content, StandardCharsets.US_ASCII);
    return p.toString();
  }

  private CliRun run(ScriptedTapeTarget target, String... args) {
    return CliRun.on(ScriptedTapeDevice.on(target).host(), args);
  }

  private static void assertWiped(ScriptedTapeTarget target) {
    for (byte[] sent : target.sentData()) {
      assertArrayEquals(new byte[sent.length], sent, "parameter list not wiped");
    }
  }

  @Test
  void setsVerifiesAndSaysSo() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget();
    CliRun r = run(target, "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX + "\nApril\n"));
    assertEquals(0, r.status(), r.toString());
    assertEquals("device                 /dev/nst0\n"
        + "verified               encryption on, decryption on, algorithm index 1, key instance counter 7 -> 8"
        + " (status page read back)\n"
        + "u-kad                  April\n", r.out());
    assertEquals("", r.err());
    assertWiped(target);
  }

  @Test
  void setPrintsJson() throws IOException {
    CliRun r = run(new ScriptedTapeTarget(), "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX),
        "--mode", "mixed", "--json");
    assertEquals(0, r.status(), r.toString());
    srro.cli.JsonContract.validate(r);
    assertTrue(r.out().startsWith("{\"schema\":\"srro-tape-change/1\",\"device\":\"/dev/nst0\",\"access\":\"read-write\","
        + "\"ok\":true,\"operation\":\"set\",\"asked\":{\"encryption_mode\":\"on\",\"decryption_mode\":\"mixed\","
        + "\"algorithm_index\":1,\"raw_reads\":\"default\"},"), r.out());
    assertTrue(r.out().contains("\"after\":{\"encryption_mode\":\"on\",\"decryption_mode\":\"mixed\","
        + "\"algorithm_index\":1,\"algorithm_name\":null,\"key_instance_counter\":8,"), r.out());
  }

  @Test
  void readsTheKeyFromStandardInput() {
    ScriptedTapeTarget target = new ScriptedTapeTarget();
    ScriptedTapeDevice.Drive i = ScriptedTapeDevice.on(target);
    CliRun r = CliRun.withInput(i.host(), (KEY_HEX + "\n").getBytes(StandardCharsets.US_ASCII), Map.of(),
        "tape", "set", "/dev/nst0", "--key", "-", "--mode", "rawread");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("decryption raw"), r.out());
  }

  @Test
  void opensTheDeviceReadWrite() throws IOException {
    ScriptedTapeDevice.Drive i = ScriptedTapeDevice.on(new ScriptedTapeTarget());
    CliRun.on(i.host(), "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX));
    assertEquals(List.of(Platform.Access.READ_WRITE), i.accesses());
  }

  @Test
  void failsWhenTheStatusDidNotChange() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget().ignoringSpout();
    CliRun r = run(target, "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX));
    assertEquals(1, r.status(), r.toString());
    assertEquals("", r.out());
    assertEquals("srro: /dev/nst0: every layer said good, but the status read back is not what was asked:"
        + " encryption mode is off, asked for on; decryption mode is off, asked for on; key instance counter did"
        + " not change (still 7): the drive did not take new parameters (do not trust this drive's"
        + " encryption)\n", r.err());
    assertWiped(target);
  }

  @Test
  void failsWhenTheDriveAnswersWithAnotherPage() throws IOException {
    CliRun r = run(new ScriptedTapeTarget().answeringStatusWithPage(0x0010), "tape", "set", "/dev/nst0",
        "--key", keyFile(KEY_HEX));
    assertEquals(1, r.status(), r.toString());
    assertEquals("srro: /dev/nst0: reading the encryption status before the change: SECURITY PROTOCOL IN"
        + " protocol 0x20 specific 0x0020 failed at the page layer (WRONG_PAGE): asked for page 0x0020,"
        + " the drive returned page 0x0010\n",
        r.err());
  }

  /** The seed story: ioctl 0, SCSI status GOOD, empty sense, host_status DID_ERROR. Nothing was encrypted. */
  @Test
  void failsOnDidErrorWithZeroSense() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget()
        .fault("SECURITY PROTOCOL OUT", new ScriptedTapeTarget.DidError());
    CliRun r = run(target, "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX));
    assertEquals(1, r.status(), r.toString());
    assertEquals("srro: /dev/nst0: sending the set data encryption page: SECURITY PROTOCOL OUT protocol 0x20"
        + " specific 0x0010 failed at the host layer (DID_ERROR): host status DID_ERROR (0x07),"
        + " although sg info said ok\n", r.err());
    assertWiped(target);
  }

  @Test
  void failsOnDidErrorWithJsonNamingTheLayer() throws IOException {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL OUT", new ScriptedTapeTarget.DidError()),
        "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX), "--json");
    assertEquals(1, r.status(), r.toString());
    JsonNode doc = srro.cli.JsonContract.validate(r).get(0);
    assertFalse(doc.get("ok").asBoolean(), r.out());
    JsonNode failure = doc.get("failure");
    assertEquals("sending the set data encryption page", failure.get("stage").asText());
    assertEquals("SECURITY PROTOCOL OUT protocol 0x20 specific 0x0010", failure.get("command").asText());
    assertEquals("host", failure.get("layer").asText());
    assertEquals("DID_ERROR", failure.get("code").asText());
    assertEquals("no", doc.at("/error/kind").asText());
  }

  @Test
  void failsOnCheckConditionWithDescriptorSense() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget()
        .fault("SECURITY PROTOCOL OUT", new ScriptedTapeTarget.CheckCondition(0x05, 0x26, 0x00));
    CliRun r = run(target, "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX));
    assertEquals(1, r.status(), r.toString());
    assertEquals("srro: /dev/nst0: sending the set data encryption page: SECURITY PROTOCOL OUT protocol 0x20"
        + " specific 0x0010 failed at the scsi_status layer (CHECK_CONDITION): check condition: ILLEGAL"
        + " REQUEST: Invalid field in parameter list (asc 0x26, ascq 0x00)\n", r.err());
    assertWiped(target);
  }

  @Test
  void exits71WhenTheIoctlFails() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget()
        .fault("SECURITY PROTOCOL OUT", new ScriptedTapeTarget.IoctlError(5, "EIO"));
    CliRun r = run(target, "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX));
    assertEquals(71, r.status(), r.toString());
    assertEquals("srro: SECURITY PROTOCOL OUT protocol 0x20 specific 0x0010 on /dev/nst0: sending the set data"
        + " encryption page: ioctl failed: EIO (errno 5) for SECURITY PROTOCOL OUT protocol 0x20 specific"
        + " 0x0010 (EIO)\n", r.err());
    assertWiped(target);
  }

  @Test
  void refusesWhatTheDriveCannotDo() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget();
    CliRun r = run(target, "tape", "set", "/dev/nst0", "--key", keyFile("00112233"));
    assertEquals(1, r.status(), r.toString());
    assertEquals("srro: /dev/nst0: not changed: the key is 4 bytes, algorithm index 1 needs 32\n", r.err());
    assertTrue(target.sentData().isEmpty());
  }

  @Test
  void rejectsMalformedKeyFileWithExit65() throws IOException {
    String key = keyFile("0x" + KEY_HEX);
    CliRun r = run(new ScriptedTapeTarget(), "tape", "set", "/dev/nst0", "--key", key);
    assertEquals(65, r.status(), r.toString());
    assertEquals("srro: " + key + " at offset 1: line 1: expected hex digits only (no spaces, no 0x), found"
        + " another character\n", r.err());
  }

  @Test
  void rejectsMissingKeyFileWithExit66() {
    String missing = dir.resolve("none.key").toString();
    CliRun r = run(new ScriptedTapeTarget(), "tape", "set", "/dev/nst0", "--key", missing);
    assertEquals(66, r.status(), r.toString());
    assertEquals("srro: " + missing + ": no such file or directory\n", r.err());
  }

  @Test
  void rejectsModeOffAsUsage() throws IOException {
    CliRun r = run(new ScriptedTapeTarget(), "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX), "--mode",
        "off");
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.err().startsWith("srro: --mode off: use 'srro tape clear' to turn encryption off\n"), r.err());
  }

  @Test
  void rejectsAlgorithmOutOfRange() throws IOException {
    CliRun r = run(new ScriptedTapeTarget(), "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX),
        "--algorithm", "256");
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.err().startsWith("srro: --algorithm must be 0..255, not 256\n"), r.err());
  }

  @Test
  void rejectsKadThatIsNotPrintableAscii() throws IOException {
    CliRun r = run(new ScriptedTapeTarget(), "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX), "--kad",
        "tab\there");
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.err().startsWith("srro: --kad must be printable ascii\n"), r.err());
  }

  @Test
  void requiresTheKeyOption() {
    CliRun r = run(new ScriptedTapeTarget(), "tape", "set", "/dev/nst0");
    assertEquals(2, r.status(), r.toString());
  }

  @Test
  void passesCkodAndKadToTheDrive() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget();
    CliRun r = run(target, "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX), "--ckod", "--kad", "tape 9",
        "--algorithm", "1");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("u-kad                  tape 9\n"), r.out());
    assertEquals(0x44, target.lastFlags(), "CEEM 1, CKOD 1");
  }
  @Test
  void protectsFromRawReadsAndSaysSoFromTheReadBack() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(5);
    CliRun r = run(target, "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX), "--protect");
    assertEquals(0, r.status(), r.toString());
    assertEquals("device                 /dev/nst0\n"
        + "verified               encryption on, decryption on, algorithm index 1, key instance counter 7 -> 8"
        + " (status page read back)\n"
        + "raw reads              disabled for blocks written from now on (RDMD 1 read back)\n", r.out());
    assertEquals(0x70, target.lastFlags(), "CEEM 1, RDMC 3");
    assertWiped(target);
  }

  @Test
  void unprotectsWithStencTwosNameAndJson() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(4);
    CliRun r = run(target, "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX), "--allow-raw-read", "--json");
    assertEquals(0, r.status(), r.toString());
    JsonNode doc = srro.cli.JsonContract.validate(r).get(0);
    assertEquals("on", doc.at("/asked/encryption_mode").asText());
    assertEquals("on", doc.at("/asked/decryption_mode").asText());
    assertEquals(1, doc.at("/asked/algorithm_index").asInt());
    assertEquals("allowed", doc.at("/asked/raw_reads").asText());
    assertFalse(doc.at("/after/rdmd").asBoolean(), r.out());
    assertEquals("allowed", doc.at("/after/raw_reads").asText());
    assertEquals(0x60, target.lastFlags(), "CEEM 1, RDMC 2");
  }

  @Test
  void refusesProtectionOnADriveThatDoesNotAdvertiseIt() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget();
    CliRun r = run(target, "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX), "--no-allow-raw-read");
    assertEquals(1, r.status(), r.toString());
    assertEquals("srro: /dev/nst0: not changed: the drive does not let srro disable raw reads with algorithm"
        + " index 1: RDMC_C 2 (reserved), 4 or 5 needed\n", r.err());
    assertTrue(target.sentData().isEmpty());
  }

  @Test
  void failsWhenTheDriveTakesThePageButNotTheProtection() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(5).ignoringRdmc();
    CliRun r = run(target, "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX), "--protect");
    assertEquals(1, r.status(), r.toString());
    assertEquals("", r.out());
    assertEquals("srro: /dev/nst0: every layer said good, but the status read back is not what was asked:"
        + " raw reads are still allowed (RDMD 0), asked to disable them (RDMC 3) (do not trust this drive's"
        + " encryption)\n", r.err());
    assertWiped(target);
  }

  /** The seed story with --protect: ioctl 0, GOOD, empty sense, DID_ERROR. Nothing is claimed. */
  @Test
  void failsOnDidErrorWithZeroSenseWhenProtecting() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(5)
        .fault("SECURITY PROTOCOL OUT", new ScriptedTapeTarget.DidError());
    CliRun r = run(target, "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX), "--protect");
    assertEquals(1, r.status(), r.toString());
    assertEquals("", r.out());
    assertEquals("srro: /dev/nst0: sending the set data encryption page: SECURITY PROTOCOL OUT protocol 0x20"
        + " specific 0x0010 failed at the host layer (DID_ERROR): host status DID_ERROR (0x07),"
        + " although sg info said ok\n", r.err());
    assertEquals(7, target.keyInstanceCounter());
    assertWiped(target);
  }

  @Test
  void rejectsProtectAndUnprotectTogether() throws IOException {
    CliRun r = run(new ScriptedTapeTarget(), "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX), "--protect",
        "--unprotect");
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.err().startsWith("srro: --protect and --unprotect exclude each other\n"), r.err());
  }

  @Test
  void rejectsProtectInRawreadMode() throws IOException {
    CliRun r = run(new ScriptedTapeTarget(), "tape", "set", "/dev/nst0", "--key", keyFile(KEY_HEX), "--protect",
        "--mode", "rawread");
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.err().startsWith("srro: --protect with --mode rawread: the drive would mark every block it"
        + " writes as unreadable in the raw mode it is asked to read in\n"), r.err());
  }
}
