package srro.cli.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import srro.cli.CliRun;
import srro.tape.ScriptedTapeTarget;

class TapeCapsCommandTest {
  private static CliRun run(ScriptedTapeTarget target, String... args) {
    return CliRun.on(ScriptedTapeDevice.on(target).host(), args);
  }

  @Test
  void showsTheAlgorithms() {
    CliRun r = run(new ScriptedTapeTarget(), "tape", "caps", "/dev/nst0");
    assertEquals(0, r.status(), r.toString());
    assertEquals("device                 /dev/nst0 (read-write)\n"
        + "external control       EXTDECC 2, CFG_P 1\n"
        + "algorithm 1            AES-256-GCM-128, key 32 bytes, u-kad up to 32, a-kad up to 12\n"
        + "                       encrypt yes, decrypt yes, valid for the mounted volume\n"
        + "                       DKAD_C 0, EEMC_C 0, RDMC_C 2, KADF_C 1\n", r.out());
  }

  @Test
  void printsJson() {
    CliRun r = run(new ScriptedTapeTarget(), "tape", "caps", "/dev/nst0", "--json");
    assertEquals(0, r.status(), r.toString());
    srro.cli.JsonContract.validate(r);
    assertTrue(r.out().startsWith("{\"schema\":\"srro-tape-caps/1\",\"device\":\"/dev/nst0\",\"access\":\"read-write\","
        + "\"ok\":true,\"capabilities\":{\"extdecc\":2,\"cfg_p\":1,\"algorithms\":[{\"algorithm_index\":1,"
        + "\"name\":\"AES-256-GCM-128\",\"security_algorithm_code\":65556,\"key_length_bytes\":32,"), r.out());
  }

  @Test
  void failsOnMalformedCapabilities() {
    byte[] page = new byte[24];
    page[1] = 0x10;
    page[3] = 20;
    page[23] = 9;
    CliRun r = run(new ScriptedTapeTarget().replacing(0x0010, page), "tape", "caps", "/dev/nst0");
    assertEquals(1, r.status(), r.toString());
    assertEquals("srro: /dev/nst0: reading the encryption capabilities: SECURITY PROTOCOL IN protocol 0x20"
        + " specific 0x0010 failed at the page layer (MALFORMED_PAGE): /dev/nst0 page 0x20/0x0010 at"
        + " offset 22: algorithm descriptor declares 9 bytes, only 0 left in the page\n", r.err());
  }
}
