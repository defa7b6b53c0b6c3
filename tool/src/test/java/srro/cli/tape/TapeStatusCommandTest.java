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
        + "algorithm index        1\n"
        + "key instance counter   7\n"
        + "scope                  i_t nexus 2, key 0, parameters control 0\n"
        + "encrypted blocks       none reported\n"
        + "raw decryption         not disabled\n"
        + "u-kad                  April\n"
        + "next block             42: encrypted, the drive can decrypt it, algorithm index 1, compression status"
        + " 3\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void printsJson() {
    CliRun r = run(new ScriptedTapeTarget(), "tape", "status", "/dev/nst0", "--json");
    assertEquals(0, r.status(), r.toString());
    assertEquals("{\"schema\":\"srro-tape-status/1\",\"device\":\"/dev/nst0\",\"access\":\"read-write\",\"ok\":true,"
        + "\"status\":{\"encryption_mode\":\"off\",\"decryption_mode\":\"off\",\"algorithm_index\":1,"
        + "\"key_instance_counter\":7,\"it_nexus_scope\":2,\"key_scope\":0,\"parameters_control\":0,\"vcelb\":false,"
        + "\"ceems\":0,\"rdmd\":false,\"kad_format\":0,\"available_supplemental_decryption_keys\":0,\"kads\":[]},"
        + "\"next_block\":{\"logical_object_number\":42,\"encryption_status\":3,\"encryption_status_text\":"
        + "\"not encrypted\",\"compression_status\":3,\"algorithm_index\":1,\"emes\":false,\"rdmds\":false,"
        + "\"kad_format\":0,\"kads\":[]},\"next_block_note\":null,\"warnings\":[],\"failure\":null,\"error\":null}\n",
        r.out());
  }

  @Test
  void keepsTheStatusWhenTheDriveHasNoTapeForTheNextBlock() {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL IN protocol 0x20 specific 0x0021",
        new ScriptedTapeTarget.CheckCondition(0x02, 0x3a, 0x00)), "tape", "status", "/dev/nst0");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().endsWith("next block             unavailable: SECURITY PROTOCOL IN protocol 0x20"
        + " specific 0x0021: check condition: NOT READY: Medium not present (asc 0x3a, ascq 0x00)"
        + " [CHECK_CONDITION]\n"), r.out());
  }

  @Test
  void failsWhenTheNextBlockReadFailsBelowTheDrive() {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL IN protocol 0x20 specific 0x0021",
        new ScriptedTapeTarget.DidError()), "tape", "status", "/dev/nst0");
    assertEquals(1, r.status(), r.toString());
    assertEquals("srro: /dev/nst0: reading the next block encryption status: SECURITY PROTOCOL IN protocol 0x20"
        + " specific 0x0021: host status DID_ERROR (0x07), although sg info said ok\n", r.err());
  }

  @Test
  void failsOnDidErrorWithZeroSenseInsteadOfShowingEncryptionOff() {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL IN protocol 0x20 specific 0x0020",
        new ScriptedTapeTarget.DidError()), "tape", "status", "/dev/nst0");
    assertEquals(1, r.status(), r.toString());
    assertEquals("", r.out());
    assertEquals("srro: /dev/nst0: reading the encryption status: SECURITY PROTOCOL IN protocol 0x20 specific"
        + " 0x0020: host status DID_ERROR (0x07), although sg info said ok\n", r.err());
  }

  @Test
  void failsOnWrongPage() {
    CliRun r = run(new ScriptedTapeTarget().answeringStatusWithPage(0x0021), "tape", "status", "/dev/nst0");
    assertEquals(1, r.status(), r.toString());
    assertEquals("srro: /dev/nst0: reading the encryption status: SECURITY PROTOCOL IN protocol 0x20 specific"
        + " 0x0020: asked for page 0x0020, the drive returned page 0x0021 [WRONG_PAGE]\n", r.err());
  }

  /** What QEMU's scsi-hd (a disk) answers to SECURITY PROTOCOL IN: ILLEGAL REQUEST, invalid opcode. */
  @Test
  void reportsADiskAsIllegalRequestNotAsEncryptionOff() {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL IN",
        new ScriptedTapeTarget.FixedSense(0x05, 0x20, 0x00)), "tape", "status", "/dev/sg0");
    assertEquals(1, r.status(), r.toString());
    assertEquals("", r.out());
    assertEquals("srro: /dev/sg0: reading the supported security protocols: SECURITY PROTOCOL IN protocol 0x00"
        + " specific 0x0000: check condition: ILLEGAL REQUEST: Invalid command operation code (asc 0x20, ascq"
        + " 0x00) [CHECK_CONDITION]\n", r.err());
  }

  @Test
  void reportsADriveWithoutTapeEncryption() {
    CliRun r = run(new ScriptedTapeTarget().withoutEncryption(), "tape", "status", "/dev/nst0", "--json");
    assertEquals(1, r.status(), r.toString());
    assertEquals("{\"schema\":\"srro-tape-status/1\",\"device\":\"/dev/nst0\",\"access\":\"read-write\",\"ok\":false,"
        + "\"status\":null,\"next_block\":null,\"next_block_note\":null,\"warnings\":[],\"failure\":null,\"error\":{"
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
