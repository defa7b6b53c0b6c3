package srro.cli.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import srro.cli.CliRun;
import srro.tape.ScriptedTapeTarget;

/**
 * No part of the key ever leaves srro except in the SECURITY PROTOCOL OUT parameter list, which is wiped once
 * sent: runs with a fresh random key, on every success and failure path, with -v stack traces and --json,
 * and a scan of everything printed for the key in hex (any 4 bytes, either case) and raw (any 4 bytes).
 */
class TapeKeySecrecyTest {
  private static final int WINDOW = 4;

  @TempDir Path dir;
  private byte[] key;
  private String keyHex;
  private final List<CliRun> runs = new ArrayList<>();

  @BeforeEach
  void newKey() {
    key = new byte[32];
    new SecureRandom().nextBytes(key);
    keyHex = HexFormat.of().formatHex(key);
  }

  private String keyFile(String suffix) throws IOException {
    Path p = dir.resolve("k" + runs.size() + ".key");
    Files.writeString(p, keyHex + suffix, StandardCharsets.US_ASCII);
    return p.toString();
  }

  private void run(Supplier<ScriptedTapeTarget> drive, int expected, String suffix, String... extra)
      throws IOException {
    for (boolean json : new boolean[] {false, true}) {
      ScriptedTapeTarget target = drive.get();
      List<String> args = new ArrayList<>(List.of("-v", "tape", "set", "/dev/nst0", "--key", keyFile(suffix)));
      args.addAll(List.of(extra));
      if (json) {
        args.add("--json");
      }
      ScriptedTapeDevice.Drive i = ScriptedTapeDevice.on(target);
      CliRun r = CliRun.on(i.host(), args.toArray(String[]::new));
      assertEquals(expected, r.status(), r.toString());
      runs.add(r);
      for (byte[] sent : target.sentData()) {
        assertArrayEquals(new byte[sent.length], sent, "parameter list not wiped");
      }
    }
  }

  @Test
  void noFragmentOfTheKeyIsEverPrinted() throws IOException {
    run(ScriptedTapeTarget::new, 0, "\nApril\n");
    run(() -> new ScriptedTapeTarget().ignoringSpout(), 1, "");
    run(() -> new ScriptedTapeTarget().fault("SECURITY PROTOCOL OUT", new ScriptedTapeTarget.DidError()), 1, "");
    run(() -> new ScriptedTapeTarget().fault("SECURITY PROTOCOL OUT",
        new ScriptedTapeTarget.CheckCondition(0x05, 0x26, 0x00)), 1, "");
    run(() -> new ScriptedTapeTarget().fault("SECURITY PROTOCOL OUT",
        new ScriptedTapeTarget.IoctlError(5, "EIO")), 71, "");
    run(() -> new ScriptedTapeTarget().throwingOnSpout(), 74, "");
    run(() -> new ScriptedTapeTarget().answeringStatusWithPage(0x0010), 1, "");
    run(ScriptedTapeTarget::new, 1, "", "--kad", "x".repeat(40));
    run(ScriptedTapeTarget::new, 65, "g\n");
    run(ScriptedTapeTarget::new, 65, "\nname\nthird line\n");
    run(ScriptedTapeTarget::new, 2, "", "--mode", "off");
    run(() -> new ScriptedTapeTarget().withRdmcC(5), 0, "\nApril\n", "--protect");
    run(ScriptedTapeTarget::new, 1, "", "--protect");
    run(() -> new ScriptedTapeTarget().withRdmcC(4).ignoringRdmc(), 1, "", "--unprotect");
    run(() -> new ScriptedTapeTarget().withRdmcC(5).fault("SECURITY PROTOCOL OUT",
        new ScriptedTapeTarget.DidError()), 1, "", "--protect");
    assertEquals(30, runs.size());
    for (CliRun r : runs) {
      assertNoKeyIn(r.out() + r.err(), r.outBytes(), r.err().getBytes(StandardCharsets.UTF_8), r);
    }
  }

  /** keygen's key exists only in the file: not in its text or JSON output, with or without -v. */
  @Test
  void keygenNeverPrintsTheKeyItWrote() throws IOException {
    String[][] variants = {{}, {"--json"}, {"--kad", "April"}, {"--json", "--kad", "April"}};
    for (boolean verbose : new boolean[] {false, true}) {
      for (String[] extra : variants) {
        Path file = dir.resolve("gen" + runs.size() + ".key");
        List<String> args = new ArrayList<>();
        if (verbose) {
          args.add("-v");
        }
        args.addAll(List.of("tape", "keygen", file.toString()));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.toString());
        runs.add(r);
        keyHex = Files.readString(file, StandardCharsets.US_ASCII).lines().findFirst().orElseThrow();
        key = HexFormat.of().parseHex(keyHex);
        assertEquals(32, key.length);
        assertNoKeyIn(r.out() + r.err(), r.outBytes(), r.err().getBytes(StandardCharsets.UTF_8), r);
        CliRun again = CliRun.of(args.toArray(String[]::new));
        assertEquals(74, again.status(), again.toString());
        assertNoKeyIn(again.out() + again.err(), again.outBytes(),
            again.err().getBytes(StandardCharsets.UTF_8), again);
      }
    }
    assertEquals(8, runs.size());
  }

  /** status shows everything the drive reports after a protected set; none of it is the key. */
  @Test
  void statusAfterSetShowsNoFragmentOfTheKey() throws IOException {
    ScriptedTapeTarget target = new ScriptedTapeTarget().withRdmcC(5);
    ScriptedTapeDevice.Drive i = ScriptedTapeDevice.on(target);
    CliRun set = CliRun.on(i.host(), "-v", "tape", "set", "/dev/nst0", "--key", keyFile("\nApril\n"), "--protect");
    assertEquals(0, set.status(), set.toString());
    for (String[] args : new String[][] {{"-v", "tape", "status", "/dev/nst0"},
        {"-v", "tape", "status", "/dev/nst0", "--json"}, {"tape", "caps", "/dev/nst0", "--json"}}) {
      CliRun r = CliRun.on(i.host(), args);
      assertEquals(0, r.status(), r.toString());
      assertNoKeyIn(r.out() + r.err(), r.outBytes(), r.err().getBytes(StandardCharsets.UTF_8), r);
    }
  }

  @Test
  void scanFindsAFragmentInEitherCaseOrRaw() {
    String fragment = keyHex.substring(10, 18).toUpperCase(Locale.ROOT);
    CliRun hex = new CliRun(0, "", "srro: " + fragment + "\n", new byte[0]);
    assertThrows(AssertionFailedError.class, () -> assertNoKeyIn(hex.err(), new byte[0], new byte[0], hex));
    byte[] raw = {'x', key[3], key[4], key[5], key[6], 'y'};
    CliRun bytes = new CliRun(0, "", "", raw);
    assertThrows(AssertionFailedError.class, () -> assertNoKeyIn("", raw, new byte[0], bytes));
  }

  private void assertNoKeyIn(String text, byte[] out, byte[] err, CliRun r) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i + WINDOW <= key.length; i++) {
      String hex = keyHex.substring(2 * i, 2 * (i + WINDOW));
      assertFalse(lower.contains(hex), () -> "key bytes in hex at key offset " + hex.length() + " in " + r);
      String raw = new String(key, i, WINDOW, StandardCharsets.ISO_8859_1);
      assertFalse(text.contains(raw), () -> "raw key bytes in " + r);
      assertFalse(contains(out, i) || contains(err, i), () -> "raw key bytes in the output bytes of " + r);
    }
  }

  private boolean contains(byte[] hay, int keyOffset) {
    outer:
    for (int j = 0; j + WINDOW <= hay.length; j++) {
      for (int k = 0; k < WINDOW; k++) {
        if (hay[j + k] != key[keyOffset + k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
