package srro.cli.fstab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;
import srro.cli.check.CheckCommand;

class FstabCommandTest {
  static final Path GOLDEN = Path.of("../verifier/src/test/resources/srro/fstab");

  @TempDir Path tmp;

  @Test
  void lintsAFileAndSaysNoOnErrors() {
    CliRun r = CliRun.of("fstab", "--offline", GOLDEN.resolve("openbsd-rules.fstab").toString());
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.out().startsWith(GOLDEN.resolve("openbsd-rules.fstab") + ": openbsd fstab\n"), r.out());
    assertTrue(r.out().contains("[E] /archive\n      E fstab line 4: read-only entry has fs_passno 2: fsck_ffs opens"),
        r.out());
    assertTrue(r.out().contains("[ ] /ro-nopass\n"), r.out());
    assertTrue(r.out().contains("\nVerdict: NOT OK, 7 errors and 7 warnings: each E line above says what is wrong,"
        + " and the fix line under it what to do.\nchecked: fstab\n"), r.out());
    assertTrue(r.out().contains("[root-passno]\n        fix: set fs_passno of / to 1\n"), r.out());
    assertTrue(r.out().contains("not checked: names: --offline: sources, mount points and types not looked up\n"),
        r.out());
  }

  @Test
  void aCleanFileExitsZero() {
    CliRun r = CliRun.of("fstab", "--offline", GOLDEN.resolve("linux-clean.fstab").toString());
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("\nVerdict: OK, no errors or warnings in what was checked.\n"), r.out());
    assertFalse(r.out().contains("[ ] /\n\n"), "the verdict is a sentence, not a bare target line\n" + r.out());
  }

  @Test
  void fixWritesTheGoldenBytesKeepsABackupAndReportsTheEdits() throws Exception {
    Path f = tmp.resolve("fstab");
    Files.copy(GOLDEN.resolve("linux-rules.fstab"), f);
    CliRun r = CliRun.of("fstab", "--offline", "--fix", f.toString());
    assertEquals(1, r.status(), "errors without a fix remain\n" + r);
    assertArrayEquals(Files.readAllBytes(GOLDEN.resolve("linux-rules.fixed")), Files.readAllBytes(f));
    assertArrayEquals(
        Files.readAllBytes(GOLDEN.resolve("linux-rules.fstab")), Files.readAllBytes(tmp.resolve("fstab.srro.bak")));
    assertTrue(r.out().contains("fixed: " + f + " line 3: fs_passno 2 -> 0 [ro-passno]\n"), r.out());
    assertTrue(r.out().contains("backup: " + f.toRealPath() + ".srro.bak\n"), r.out());
    assertFalse(r.out().contains("fix: set fs_passno to 0"), "fixed findings are gone from the report\n" + r.out());
  }

  @Test
  void fixWithNothingToFixWritesNothing() throws Exception {
    Path f = tmp.resolve("fstab");
    Files.copy(GOLDEN.resolve("openbsd-clean.fstab"), f);
    CliRun r = CliRun.of("fstab", "--offline", "--fix", f.toString());
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("fixed: nothing to change in " + f), r.out());
    assertFalse(Files.exists(tmp.resolve("fstab.srro.bak")));
  }

  @Test
  void dialectCanBeForced() {
    CliRun r = CliRun.of("fstab", "--offline", "--dialect", "openbsd", "--json", GOLDEN.resolve("linux-clean.fstab").toString());
    assertTrue(r.out().contains("\"dialect\":\"openbsd\""), r.out());
    assertTrue(r.out().contains("\"id\":\"unknown-option\""), r.out());
  }

  @Test
  void jsonHasTheFstabSchemaAndTheFix() throws Exception {
    Path f = tmp.resolve("fstab");
    Files.writeString(f, "/dev/a /a ext4 ro 0 2\n");
    CliRun r = CliRun.of("fstab", "--offline", "--fix", "--json", f.toString());
    assertEquals(0, r.status(), r.toString());
    String head = "{\"schema\":\"srro-fstab/1\",\"host\":\"" + CheckCommand.thisHost() + "\",\"ok\":true";
    assertTrue(r.out().startsWith(head), r.out());
    assertTrue(r.out().contains(",\"file\":\"" + f + "\",\"dialect\":\"linux\""), r.out());
    assertTrue(
        r.out()
            .contains(
                "\"edits\":[{\"line\":1,\"offset\":20,\"before\":\"2\",\"after\":\"0\","
                    + "\"rule\":\"ro-passno\"}]"),
        r.out());
  }

  @Test
  void aMissingFileExits66AndMalformedInput65() throws Exception {
    CliRun r = CliRun.of("fstab", tmp.resolve("nope").toString());
    assertEquals(66, r.status());
    assertEquals("srro: " + tmp.resolve("nope") + ": no such file or directory\n", r.err());
    Path f = tmp.resolve("nul");
    Files.write(f, new byte[] {'/', 0});
    CliRun m = CliRun.of("fstab", f.toString());
    assertEquals(65, m.status());
    assertEquals("srro: " + f + " at offset 1: NUL byte in fstab, expected text\n", m.err());
  }

  @Test
  void aBadDialectIsAUsageError() {
    assertEquals(2, CliRun.of("fstab", "--dialect", "freebsd").status());
  }
}
