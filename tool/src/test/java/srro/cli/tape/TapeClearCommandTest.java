package srro.cli.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import srro.cli.CliRun;
import srro.tape.ScriptedTapeTarget;

class TapeClearCommandTest {
  private static CliRun run(ScriptedTapeTarget target, String... args) {
    return CliRun.on(ScriptedTapeDevice.on(target).host(), args);
  }

  @Test
  void clearsAndVerifies() {
    CliRun r = run(new ScriptedTapeTarget().encrypting(2, 2, "old"), "tape", "clear", "/dev/nst0");
    assertEquals(0, r.status(), r.toString());
    assertEquals("device                 /dev/nst0\n"
        + "verified               encryption off, decryption off, algorithm index 1, key instance counter 7 -> 8"
        + " (status page read back)\n", r.out());
  }

  @Test
  void failsWhenTheDriveKeepsEncrypting() {
    CliRun r = run(new ScriptedTapeTarget().encrypting(2, 2, "old").ignoringSpout(), "tape", "clear",
        "/dev/nst0", "--json");
    assertEquals(1, r.status(), r.toString());
    srro.cli.JsonContract.validate(r);
    assertEquals("srro: /dev/nst0: every layer said good, but the status read back is not what was asked:"
        + " encryption mode is on, asked for off; decryption mode is on, asked for off; key instance counter did"
        + " not change (still 7): the drive did not take new parameters (do not trust this drive's"
        + " encryption)\n", r.err());
    assertEquals(true, r.out().contains("\"mismatches\":[\"encryption mode is on, asked for off\","), r.out());
  }

  @Test
  void failsOnDidError() {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL OUT", new ScriptedTapeTarget.DidError()),
        "tape", "clear", "/dev/nst0");
    assertEquals(1, r.status(), r.toString());
    assertEquals("srro: /dev/nst0: sending the set data encryption page: SECURITY PROTOCOL OUT protocol 0x20"
        + " specific 0x0010 failed at the host layer (DID_ERROR): host status DID_ERROR (0x07),"
        + " although sg info said ok\n", r.err());
  }
}
