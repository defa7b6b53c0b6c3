package srro.cli.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import srro.cli.CliRun;
import srro.os.Host;
import srro.os.Platform;
import srro.tape.ScriptedTapeTarget;

class TapeStatusCommandTest {
  private static CliRun run(ScriptedTapeTarget target, String... args) {
    return CliRun.on(ScriptedTapeDevice.on(target).host(), args);
  }

  @Test
  void showsModesAlgorithmCounterKadAndNextBlock() {
    CliRun r = run(new ScriptedTapeTarget().encrypting(2, 3, "April"), "tape", "status", "/dev/nst0");
    assertEquals(0, r.status(), r.toString());
    assertEquals("device                 /dev/nst0 (read-write)\n"
        + "encryption             on\n"
        + "decryption             mixed\n"
        + "algorithm index        1 (AES-256-GCM-128)\n"
        + "key instance counter   7\n"
        + "scope                  i_t nexus all i_t nexus, key public\n"
        + "parameters control     not reported\n"
        + "external mode check    vendor specific (CEEMS 0)\n"
        + "encrypted blocks       none reported\n"
        + "raw reads              allowed for blocks written from now on (RDMD 0); RDMC_C 2: reserved\n"
        + "u-kad                  April (not authenticated)\n"
        + "next block             42: encrypted, the drive can decrypt it, algorithm index 1 (AES-256-GCM-128),"
        + " compression status 3\n", r.out());
    assertEquals("", r.err());
  }

  /** After 'tape set --protect' on an LTO-like drive: CEEM and RDMD as set, RDMDS on the next block. */
  @Test
  void showsRawReadProtectionAsTheDriveReportsIt() throws Exception {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(5);
    try (srro.tape.TapeKey k = srro.tape.TapeKey.parse("k",
        (TapeSetCommandTest.KEY_HEX + "\nApril\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      srro.tape.EncryptionChange.set(new srro.tape.TapeDrive("t", target), new srro.tape.EncryptionChange.Request(
          srro.tape.TapeMode.ON, java.util.OptionalInt.empty(), false, java.util.Optional.empty(),
          srro.tape.RawDecryptionControl.PROTECT), k);
    }
    CliRun r = run(target, "tape", "status", "/dev/nst0");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("external mode check    not checked (CEEMS 1)\n"
        + "encrypted blocks       none reported\n"
        + "raw reads              disabled for blocks written from now on (RDMD 1); RDMC_C 5: controllable, raw"
        + " reads enabled by default\n"
        + "u-kad                  April (not authenticated)\n"
        + "next block             42: encrypted, the drive can decrypt it, algorithm index 1 (AES-256-GCM-128),"
        + " compression status 3, marked unreadable raw (RDMDS)\n"), r.out());
  }

  @Test
  void showsTheStatusWhenTheDriveDoesNotOfferCapabilities() {
    byte[] pages = {0, 0, 0, 6, 0, 0, 0, 0x20, 0, 0x21};
    CliRun r = run(new ScriptedTapeTarget().replacing(0x0000, pages), "tape", "status", "/dev/nst0");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("algorithm index        1\n"), r.out());
    assertTrue(r.out().contains("algorithm names        the drive does not offer the data encryption capabilities"
        + " page\n"), r.out());
  }

  @Test
  void keepsTheStatusWhenTheDriveRefusesTheCapabilitiesPage() {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL IN protocol 0x20 specific 0x0010",
        new ScriptedTapeTarget.CheckCondition(0x05, 0x24, 0x00)), "tape", "status", "/dev/nst0", "--json");
    assertEquals(0, r.status(), r.toString());
    srro.cli.JsonContract.validate(r);
    assertTrue(r.out().contains("\"algorithm_name\":null,"), r.out());
    assertTrue(r.out().contains("\"algorithm\":null,\"capabilities_note\":\"unavailable: SECURITY PROTOCOL IN"
        + " protocol 0x20 specific 0x0010 failed at the scsi_status layer (CHECK_CONDITION): check condition: ILLEGAL"
        + " REQUEST: Invalid field in CDB (asc 0x24, ascq 0x00)\""), r.out());
  }

  /** DID_ERROR with empty sense on the capabilities page is a failure, not "no algorithm names". */
  @Test
  void failsWhenTheCapabilitiesReadFailsBelowTheDrive() {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL IN protocol 0x20 specific 0x0010",
        new ScriptedTapeTarget.DidError()), "tape", "status", "/dev/nst0");
    assertEquals(1, r.status(), r.toString());
    assertEquals("", r.out());
    assertEquals("srro: /dev/nst0: reading the encryption capabilities: SECURITY PROTOCOL IN protocol 0x20"
        + " specific 0x0010 failed at the host layer (DID_ERROR): host status DID_ERROR (0x07),"
        + " although sg info said ok\n", r.err());
  }

  @Test
  void printsJson() {
    CliRun r = run(new ScriptedTapeTarget(), "tape", "status", "/dev/nst0", "--json");
    assertEquals(0, r.status(), r.toString());
    srro.cli.JsonContract.validate(r);
    assertEquals("{\"schema\":\"srro-tape-status/1\",\"device\":\"/dev/nst0\",\"access\":\"read-write\",\"ok\":true,"
        + "\"status\":{\"encryption_mode\":\"off\",\"decryption_mode\":\"off\",\"algorithm_index\":1,"
        + "\"algorithm_name\":\"AES-256-GCM-128\",\"key_instance_counter\":7,\"it_nexus_scope\":2,"
        + "\"it_nexus_scope_text\":\"all i_t nexus\",\"key_scope\":0,\"key_scope_text\":\"public\","
        + "\"parameters_control\":0,\"parameters_control_text\":\"not reported\",\"vcelb\":false,\"ceems\":0,"
        + "\"ceems_text\":\"vendor specific\",\"rdmd\":false,\"raw_reads\":\"allowed\",\"rdmc_c\":2,"
        + "\"rdmc_c_text\":\"reserved\",\"kad_format\":0,\"available_supplemental_decryption_keys\":0,"
        + "\"kads\":[]},\"algorithm\":{\"algorithm_index\":1,\"name\":\"AES-256-GCM-128\","
        + "\"security_algorithm_code\":65556,\"key_length_bytes\":32,\"maximum_ukad_length_bytes\":32,"
        + "\"maximum_akad_length_bytes\":12,\"ukad_fixed\":false,\"akad_fixed\":false,\"encrypt_c\":2,"
        + "\"decrypt_c\":2,\"avfmv\":true,\"sdk_c\":false,\"mac_c\":false,\"delb_c\":false,\"avfcp\":0,"
        + "\"nonce_c\":0,\"kadf_c\":true,\"vcelb_c\":false,\"dkad_c\":0,\"eemc_c\":0,\"rdmc_c\":2,"
        + "\"rdmc_c_text\":\"reserved\",\"earem\":false,\"maximum_eedk_count\":0,\"msdk_count\":0,"
        + "\"maximum_eedk_size_bytes\":0},\"capabilities_note\":null,"
        + "\"next_block\":{\"logical_object_number\":42,\"encryption_status\":3,"
        + "\"encryption_status_text\":\"not encrypted\",\"compression_status\":3,\"algorithm_index\":1,"
        + "\"algorithm_name\":\"AES-256-GCM-128\",\"emes\":false,\"rdmds\":false,\"kad_format\":0,\"kads\":[]},"
        + "\"next_block_note\":null,\"warnings\":[],\"failure\":null,\"error\":null}\n", r.out());
  }

  @Test
  void keepsTheStatusWhenTheDriveHasNoTapeForTheNextBlock() {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL IN protocol 0x20 specific 0x0021",
        new ScriptedTapeTarget.CheckCondition(0x02, 0x3a, 0x00)), "tape", "status", "/dev/nst0");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().endsWith("next block             unavailable: SECURITY PROTOCOL IN protocol 0x20"
        + " specific 0x0021 failed at the scsi_status layer (CHECK_CONDITION): check condition: NOT READY: Medium not"
        + " present (asc 0x3a, ascq 0x00)\n"), r.out());
  }

  @Test
  void failsWhenTheNextBlockReadFailsBelowTheDrive() {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL IN protocol 0x20 specific 0x0021",
        new ScriptedTapeTarget.DidError()), "tape", "status", "/dev/nst0");
    assertEquals(1, r.status(), r.toString());
    assertEquals("srro: /dev/nst0: reading the next block encryption status: SECURITY PROTOCOL IN protocol"
        + " 0x20 specific 0x0021 failed at the host layer (DID_ERROR): host status DID_ERROR (0x07),"
        + " although sg info said ok\n", r.err());
  }

  @Test
  void failsOnDidErrorWithZeroSenseInsteadOfShowingEncryptionOff() {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL IN protocol 0x20 specific 0x0020",
        new ScriptedTapeTarget.DidError()), "tape", "status", "/dev/nst0");
    assertEquals(1, r.status(), r.toString());
    assertEquals("", r.out());
    assertEquals("srro: /dev/nst0: reading the encryption status: SECURITY PROTOCOL IN protocol 0x20 specific"
        + " 0x0020 failed at the host layer (DID_ERROR): host status DID_ERROR (0x07), although sg info"
        + " said ok\n", r.err());
  }

  @Test
  void failsOnWrongPage() {
    CliRun r = run(new ScriptedTapeTarget().answeringStatusWithPage(0x0021), "tape", "status", "/dev/nst0");
    assertEquals(1, r.status(), r.toString());
    assertEquals("srro: /dev/nst0: reading the encryption status: SECURITY PROTOCOL IN protocol 0x20 specific"
        + " 0x0020 failed at the page layer (WRONG_PAGE): asked for page 0x0020, the drive returned"
        + " page 0x0021\n", r.err());
  }

  /** What QEMU's scsi-hd (a disk) answers to SECURITY PROTOCOL IN: ILLEGAL REQUEST, invalid opcode. */
  @Test
  void reportsADiskAsIllegalRequestNotAsEncryptionOff() {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL IN",
        new ScriptedTapeTarget.FixedSense(0x05, 0x20, 0x00)), "tape", "status", "/dev/sg0");
    assertEquals(1, r.status(), r.toString());
    assertEquals("", r.out());
    assertEquals("srro: /dev/sg0: reading the supported security protocols: SECURITY PROTOCOL IN protocol 0x00"
        + " specific 0x0000 failed at the scsi_status layer (CHECK_CONDITION): check condition: ILLEGAL"
        + " REQUEST: Invalid command operation code (asc 0x20, ascq 0x00)\n", r.err());
  }

  @Test
  void reportsADriveWithoutTapeEncryption() {
    CliRun r = run(new ScriptedTapeTarget().withoutEncryption(), "tape", "status", "/dev/nst0", "--json");
    assertEquals(1, r.status(), r.toString());
    srro.cli.JsonContract.validate(r);
    assertEquals("{\"schema\":\"srro-tape-status/1\",\"device\":\"/dev/nst0\",\"access\":\"read-write\",\"ok\":false,"
        + "\"status\":null,\"algorithm\":null,\"capabilities_note\":null,\"next_block\":null,"
        + "\"next_block_note\":null,\"warnings\":[],\"failure\":null,\"error\":{"
        + "\"kind\":\"no\",\"exit_status\":1,\"message\":\"/dev/nst0: the drive does not support tape data encryption:"
        + " security protocol 0x20 is not among 0x00\",\"input\":null,\"line\":null,\"offset\":null}}\n", r.out());
  }

  @Test
  void exits71WhenTheIoctlFails() {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL",
        new ScriptedTapeTarget.IoctlError(22, "EINVAL")), "tape", "status", "/dev/nst0");
    assertEquals(71, r.status(), r.toString());
    assertTrue(r.err().startsWith("srro: SECURITY PROTOCOL IN protocol 0x00 specific 0x0000 on /dev/nst0:"),
        r.err());
  }

  @Test
  void mayOpenReadOnlyOnLinuxButNotOnOpenBsd() {
    ScriptedTapeDevice.Drive linux = ScriptedTapeDevice.on(Host.Os.LINUX, new ScriptedTapeTarget());
    CliRun.on(linux.host(), "tape", "status", "/dev/nst0");
    ScriptedTapeDevice.Drive openBsd = ScriptedTapeDevice.on(Host.Os.OPENBSD, new ScriptedTapeTarget());
    CliRun.on(openBsd.host(), "tape", "status", "/dev/rst0");
    assertEquals(List.of(Platform.Access.PREFER_READ_WRITE), linux.accesses());
    assertEquals(List.of(Platform.Access.READ_WRITE), openBsd.accesses());
  }
}
