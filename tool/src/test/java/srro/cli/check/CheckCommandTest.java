package srro.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;

/** srro check on this machine and on copies of another machine's files. */
class CheckCommandTest {
  static final Path CHECK = Path.of("../verifier/src/test/resources/srro/mounts");

  @TempDir Path tmp;

  @Test
  void runsOnThisMachineAndSaysWhatItCouldNotCheck() {
    CliRun r = CliRun.of("check", "--json");
    JsonNode doc = srro.cli.JsonContract.validate(r).get(0);
    assertEquals(doc.get("errors").asLong() > 0 ? 1 : 0, r.status(), r.toString());
    assertEquals("srro-check/2", doc.get("schema").asText());
    assertTrue(doc.get("checks_skipped").size() > 0, "something is always not checked\n" + r.out());
    boolean modeSense = false;
    for (JsonNode s : doc.get("checks_skipped")) {
      modeSense |= s.get("check").asText().equals("mode-sense-wp");
    }
    assertTrue(modeSense, r.out());
  }

  @Test
  void checksAnotherMachinesCopiesOffline() throws Exception {
    Path fstab = tmp.resolve("fstab");
    Files.writeString(
        fstab,
        "/dev/sd0a / ffs rw 1 1\n/dev/sd1a /archive ffs rw,nodev 1 2\n/dev/sd0k /home ffs ro 1 2\n");
    CliRun r =
        CliRun.of("check", "--fstab", fstab.toString(), "--mounts", CHECK.resolve("openbsd.mount").toString());
    assertEquals(1, r.status(), r.toString());
    String expected =
        "[ ] /\n"
            + "[E] /archive\n"
            + "      E " + fstab + " line 2: /archive (/dev/sd1a) is mounted read-only but its fstab entry has"
            + " fs_passno 2: the next boot's fsck fails if the volume stays read-only [ro-mount-passno]\n"
            + "        fix: set fs_passno to 0 (srro check --fix) and write ro in fs_mntops\n"
            + "      W " + fstab + " line 2: fstab says rw but /archive (/dev/sd1a) is mounted read-only"
            + " [fstab-rw-mounted-ro]\n"
            + "        fix: write ro in fs_mntops if it is meant to be read-only\n"
            + "[E] /home\n"
            + "      E " + fstab + " line 3: read-only entry has fs_passno 2: fsck_ffs opens it for writing, stops"
            + " with NO WRITE ACCESS on a read-only device, and the boot stops in single-user mode [ro-passno]\n"
            + "        fix: set fs_passno to 0 (srro fstab --fix)\n"
            + "      W " + fstab + " line 3: fstab says ro but /home (/dev/sd0k) is mounted read-write"
            + " [fstab-ro-mounted-rw]\n"
            + "        fix: mount -u -o ro /home\n"
            + "\n"
            + "Verdict: NOT OK, 2 errors and 2 warnings: each E line above says what is wrong, and the fix line"
            + " under it what to do.\n"
            + "checked: fstab, fstab-vs-mounts\n"
            + "not checked: volumes: --mounts names a copy of another machine's table; volumes not compared\n"
            + "not checked: names: --mounts names another machine's table; fstab's names are not looked up here\n"
            + "not checked: volumes-vs-mounts: no volume information\n";
    assertEquals(expected, r.out());
  }

  @Test
  void fixPassesThroughToTheFstab() throws Exception {
    Path fstab = tmp.resolve("fstab");
    Files.writeString(fstab, "/dev/sd0a / ffs rw 1 1\n/dev/sd1a /archive ffs ro 1 2\n");
    CliRun r =
        CliRun.of(
            "check", "--fix", "--fstab", fstab.toString(), "--mounts", CHECK.resolve("openbsd.mount").toString());
    assertEquals(0, r.status(), r.toString());
    assertEquals("/dev/sd0a / ffs rw 1 1\n/dev/sd1a /archive ffs ro 1 0\n", Files.readString(fstab));
    assertTrue(r.out().contains("fixed: " + fstab + " line 2: fs_passno 2 -> 0 [ro-passno]"), r.out());
  }

  @Test
  void badMountsFileExits65NamingTheLine() throws Exception {
    Path m = tmp.resolve("mounts");
    Files.writeString(m, "/dev/sd0a on / type ffs (local)\ngarbage\n");
    CliRun r = CliRun.of("check", "--fstab", "/dev/null", "--mounts", m.toString());
    assertEquals(65, r.status(), r.toString());
    assertEquals("srro: " + m + ":2: expected 'device on mountpoint type fstype (options)'\n", r.err());
  }

  @Test
  void aMissingFstabNamedOnTheCommandLineExits66() {
    CliRun r = CliRun.of("check", "--fstab", tmp.resolve("nope").toString());
    assertEquals(66, r.status(), r.toString());
  }
}
