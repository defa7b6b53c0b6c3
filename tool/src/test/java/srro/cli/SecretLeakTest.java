package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signify secret key (and a signature) fed to every command that lints or decodes a file prints no 24-byte
 * window of it, in text or JSON, with or without -v: the fstab linter refuses it by name, the others never
 * echo the bytes they could not parse.
 */
class SecretLeakTest {
  @TempDir static Path tmp;
  static Path sec;
  static Path sig;

  @BeforeAll
  static void keys() throws Exception {
    sec = tmp.resolve("k.sec");
    CliRun g = CliRun.of("signify", "-G", "-n", "-p", tmp.resolve("k.pub").toString(), "-s", sec.toString());
    assertEquals(0, g.status(), g.toString());
    Path msg = Files.writeString(tmp.resolve("m"), "message\n");
    CliRun s = CliRun.of("signify", "-S", "-s", sec.toString(), "-m", msg.toString());
    assertEquals(0, s.status(), s.toString());
    sig = tmp.resolve("m.sig");
  }

  private static List<String[]> commands(Path file) {
    String f = file.toString();
    List<String[]> out = new ArrayList<>();
    for (String[] base : new String[][] {
      {"fstab", f},
      {"fstab", "--dialect", "openbsd", f},
      {"fstab", "--dialect", "linux", f},
      {"check", "--fstab", f, "--mounts", "/proc/self/mountinfo"},
      {"check", "--mounts", f, "--fstab", "/dev/null"},
      {"decode", "mode", "--inhex", f},
      {"decode", "sense", "--inhex", f},
      {"decode", "inquiry", "--inhex", f},
      {"patch", "status", "-d", tmp.toString(), f},
      {"patch", "status", "-k", f, "-d", tmp.toString(), f},
    }) {
      for (boolean json : new boolean[] {false, true}) {
        for (boolean verbose : new boolean[] {false, true}) {
          List<String> args = new ArrayList<>(List.of(base));
          if (json) {
            args.add(base[0].equals("patch") || base[0].equals("decode") ? 2 : 1, "--json");
          }
          if (verbose) {
            args.add(0, "-v");
          }
          out.add(args.toArray(String[]::new));
        }
      }
    }
    return out;
  }

  /** Every 24-byte window of the file's lines after the comment: the base64 key or signature. */
  private static List<String> windows(Path file) throws Exception {
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    String secret = text.substring(text.indexOf('\n') + 1).strip();
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 24 <= secret.length(); i++) {
      out.add(secret.substring(i, i + 24));
    }
    return out;
  }

  private static void assertNothingLeaks(Path file) throws Exception {
    List<String> windows = windows(file);
    for (String[] args : commands(file)) {
      CliRun r = CliRun.of(args);
      String all = r.out() + r.err();
      for (String w : windows) {
        assertFalse(all.contains(w), String.join(" ", args) + " printed part of " + file + ":\n" + r);
      }
      assertNotEquals(0, r.status(), String.join(" ", args) + ": " + r);
    }
  }

  @Test
  void aSecretKeyFedToEveryLinterLeaksNoPartOfIt() throws Exception {
    assertNothingLeaks(sec);
  }

  @Test
  void aSignatureFedToEveryLinterLeaksNoPartOfIt() throws Exception {
    assertNothingLeaks(sig);
  }

  @Test
  void theFstabLinterRefusesASignifyFileByName() {
    CliRun r = CliRun.of("fstab", sec.toString());
    assertEquals(65, r.status(), r.toString());
    assertEquals("srro: " + sec + " at offset 0: a signify key or signature file (it starts with 'untrusted comment:'),"
        + " not an fstab; its contents are not printed\n", r.err());
    assertEquals("", r.out());
  }
}
