package srro.cli.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;
import srro.cli.JsonContract;
import srro.tape.ScriptedTapeTarget;

/** srro tape --json against docs/schema/srro-tape-*.json and golden files: verified, refused, failed. */
class TapeJsonTest {
  @TempDir Path dir;

  private static CliRun run(ScriptedTapeTarget target, String... args) {
    return CliRun.on(ScriptedTapeDevice.on(target).host(), args);
  }

  private Map<String, String> volatiles() {
    return JsonContract.volatiles(dir);
  }

  private String key() throws IOException {
    Path p = dir.resolve("k.key");
    Files.writeString(p, TapeSetCommandTest.KEY_HEX + "\n", StandardCharsets.US_ASCII);
    return p.toString();
  }

  @Test
  void statusAndCapsMatchTheirSchemas() {
    JsonContract.assertGolden("tape-status", run(new ScriptedTapeTarget().encrypting(2, 3, "April"), "tape",
        "status", "/dev/nst0", "--json"), volatiles());
    JsonContract.assertGolden("tape-caps", run(new ScriptedTapeTarget(), "tape", "caps", "/dev/nst0", "--json"),
        volatiles());
    CliRun none = run(new ScriptedTapeTarget().withoutEncryption(), "tape", "status", "/dev/nst0", "--json");
    assertEquals(1, none.status(), none.toString());
    JsonContract.assertGolden("tape-status-unsupported", none, volatiles());
  }

  @Test
  void setAndClearAreOneChangeSchemaVerifiedOrNot() throws IOException {
    JsonContract.assertGolden("tape-set", run(new ScriptedTapeTarget(), "tape", "set", "/dev/nst0", "--key", key(),
        "--json"), volatiles());
    JsonContract.assertGolden("tape-set-not-as-asked", run(new ScriptedTapeTarget().ignoringSpout(), "tape", "set",
        "/dev/nst0", "--key", key(), "--json"), volatiles());
    JsonContract.assertGolden("tape-set-did-error", run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL OUT",
        new ScriptedTapeTarget.DidError()), "tape", "set", "/dev/nst0", "--key", key(), "--json"), volatiles());
    JsonContract.assertGolden("tape-clear", run(new ScriptedTapeTarget().encrypting(2, 2, "old"), "tape", "clear",
        "/dev/nst0", "--json"), volatiles());
  }

  @Test
  void anIoctlThatFailsIsAnErrorDocument() throws IOException {
    CliRun r = run(new ScriptedTapeTarget().fault("SECURITY PROTOCOL OUT",
        new ScriptedTapeTarget.IoctlError(5, "EIO")), "tape", "set", "/dev/nst0", "--key", key(), "--json");
    assertEquals(71, r.status(), r.toString());
    JsonContract.assertGolden("tape-oserr", r, volatiles());
  }
}
