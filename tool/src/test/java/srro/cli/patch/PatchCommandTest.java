package srro.cli.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;

/** srro patch as a user runs it: output like patch(1), --json, exit statuses, nothing written on failure. */
class PatchCommandTest {
  @TempDir Path tmp;
  Path tree;
  Path diff;

  private static String lines(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      sb.append("line ").append(i).append('\n');
    }
    return sb.toString();
  }

  private static final String DIFF =
      "Erratum 001: fix the thing.\n\nIndex: sys/a.c\n--- sys/a.c\t1 Jan 2025\n+++ sys/a.c\t2 Jan 2025\n"
          + "@@ -4,3 +4,3 @@\n line 4\n-line 5\n+LINE 5\n line 6\n@@ -14,3 +14,3 @@\n line 14\n-line 15\n+LINE 15\n"
          + " line 16\n";

  @BeforeEach
  void setUp() throws IOException {
    tree = Files.createDirectories(tmp.resolve("src"));
    Files.createDirectories(tree.resolve("sys"));
    Files.writeString(tree.resolve("sys/a.c"), lines(1, 20));
    diff = tmp.resolve("001.patch");
    Files.writeString(diff, DIFF);
  }

  private CliRun srro(String... args) {
    return CliRun.of(args);
  }

  @Test
  void appliesAndPrintsLikePatch() throws IOException {
    Files.writeString(tree.resolve("sys/a.c"), lines(-2, 0) + lines(1, 20));
    CliRun r = srro("patch", "apply", "-d", tree.toString(), diff.toString());
    assertEquals(0, r.status(), r.toString());
    assertEquals("patching file sys/a.c\nHunk #1 succeeded at 7 (offset 3 lines).\n"
        + "Hunk #2 succeeded at 17 (offset 3 lines).\n"
        + "applied 2 hunks of 1 file; .orig backups kept, undo with 'srro patch rollback'\n", r.out());
    assertTrue(Files.readString(tree.resolve("sys/a.c")).contains("LINE 15\n"));
    assertEquals(lines(-2, 0) + lines(1, 20), Files.readString(tree.resolve("sys/a.c.orig")));
    CliRun again = srro("patch", "apply", "-d", tree.toString(), diff.toString());
    assertEquals(1, again.status());
    assertEquals("sys/a.c: already applied (the reversed patch applies)\n"
        + "patchset already applied (2 hunks of 1 file); nothing written\n", again.out());
    CliRun back = srro("patch", "rollback", "-d", tree.toString());
    assertEquals(0, back.status(), back.toString());
    assertEquals(lines(-2, 0) + lines(1, 20), Files.readString(tree.resolve("sys/a.c")));
  }

  @Test
  void dryRunWritesNothing() throws IOException {
    CliRun r = srro("patch", "apply", "--dry-run", "-d", tree.toString(), diff.toString());
    assertEquals(0, r.status(), r.toString());
    assertEquals("checking file sys/a.c\nall 2 hunks of 1 file apply; nothing written\n", r.out());
    assertEquals(lines(1, 20), Files.readString(tree.resolve("sys/a.c")));
    assertFalse(Files.exists(tree.resolve(".srro-patch")));
  }

  @Test
  void aRejectedHunkWritesNothingAndExitsOne() throws IOException {
    Files.writeString(tree.resolve("sys/a.c"), lines(1, 20).replace("line 15\n", "local 15\n"));
    CliRun r = srro("patch", "apply", "-d", tree.toString(), diff.toString());
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.out().contains("Hunk #2 FAILED: hunk #2 does not match at line 14 or nearby, even with fuzz 1.\n"
        + "1 out of 2 hunks FAILED\n1 of 2 hunks of 1 file do not apply; nothing written\n"), r.out());
    assertEquals(lines(1, 20).replace("line 15\n", "local 15\n"), Files.readString(tree.resolve("sys/a.c")));
  }

  @Test
  void malformedDiffExits65WithTheLine() throws IOException {
    Files.writeString(diff, DIFF.replace(" line 16\n", ""));
    CliRun r = srro("patch", "status", "-d", tree.toString(), diff.toString());
    assertEquals(65, r.status(), r.toString());
    assertEquals("srro: " + diff + ":14: hunk #2 of sys/a.c ends early: expected 1 more old and 1 more"
        + " new lines\n", r.err());
  }

  @Test
  void statusReportsJson() {
    CliRun r = srro("patch", "status", "--json", "-d", tree.toString(), diff.toString());
    assertEquals(0, r.status(), r.toString());
    assertEquals("{\"schema\":\"srro-patch/1\",\"operation\":\"status\",\"source\":\"" + diff + "\",\"description\":"
        + "\"Erratum 001: fix the thing.\\n\\n\",\"strip\":0,"
        + "\"result\":\"applies\",\"written\":[],\"files\":[{\"path\":\"sys/a.c\",\"kind\":\"modify\","
        + "\"status\":\"applies\",\"hunks\":[{\"hunk\":1,\"result\":\"applied\",\"line\":4,\"offset\":0,\"fuzz\":0,"
        + "\"reason\":null},{\"hunk\":2,\"result\":\"applied\",\"line\":14,\"offset\":0,\"fuzz\":0,\"reason\":null}]}]}\n",
        r.out());
  }

  @Test
  void statusChecksATarballWithoutExtractingIt() throws IOException {
    Path tgz = tmp.resolve("sys.tar.gz");
    try (OutputStream o = Files.newOutputStream(tgz);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(o))) {
      for (String[] e : new String[][] {{"./sys/b.c", "other\n"}, {"./sys/a.c", lines(1, 20)}}) {
        byte[] data = e[1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry te = new TarArchiveEntry(e[0]);
        te.setSize(data.length);
        tar.putArchiveEntry(te);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    CliRun r = srro("patch", "status", "--archive", tgz.toString(), diff.toString());
    assertEquals(0, r.status(), r.toString());
    assertEquals("checking file sys/a.c\nall 2 hunks of 1 file apply; nothing written\n", r.out());
    CliRun wrongStrip = srro("patch", "status", "-p1", "--archive", tgz.toString(), diff.toString());
    assertEquals(1, wrongStrip.status(), wrongStrip.toString());
    assertTrue(wrongStrip.out().contains("Hunk #1 FAILED: no such file."), wrongStrip.out());
  }

  @Test
  void statusRefusesALinkInTheTarball() throws IOException {
    Path tgz = tmp.resolve("links.tar.gz");
    try (OutputStream o = Files.newOutputStream(tgz);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(o))) {
      TarArchiveEntry te = new TarArchiveEntry("sys/a.c", TarArchiveEntry.LF_SYMLINK);
      te.setLinkName("/etc/passwd");
      tar.putArchiveEntry(te);
      tar.closeArchiveEntry();
    }
    CliRun r = srro("patch", "status", "--json", "--archive", tgz.toString(), diff.toString());
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.out().contains("\"reason\":\"'sys/a.c' is a link in " + tgz + "\""), r.out());
  }

  @Test
  void refusesToRunWhileATransactionIsPendingUntilRecovered() throws IOException {
    Files.createDirectories(tree.resolve(".srro-patch"));
    Files.writeString(tree.resolve(".srro-patch/journal"), "srro-patch-journal 1\nid 0a0b0c0d\nkind apply\nend 0\n");
    CliRun r = srro("patch", "apply", "-d", tree.toString(), diff.toString());
    assertEquals(74, r.status(), r.toString());
    assertTrue(r.err().contains("an interrupted patch transaction is pending; run 'srro patch recover"), r.err());
    CliRun rec = srro("patch", "recover", "--json", "-d", tree.toString());
    assertEquals(0, rec.status(), rec.toString());
    assertTrue(rec.out().contains("\"recovery\":\"rolled_back\""), rec.out());
    assertEquals(tree.toRealPath() + ": nothing to recover\n", srro("patch", "recover", "-d", tree.toString()).out());
    assertEquals(0, srro("patch", "apply", "-d", tree.toString(), diff.toString()).status());
  }

  @Test
  void rollbackWithNothingAppliedSaysSo() throws IOException {
    CliRun r = srro("patch", "rollback", "-d", tree.toString());
    assertEquals(0, r.status(), r.toString());
    assertEquals(tree.toRealPath() + ": nothing to roll back (no patchset applied by srro is recorded here)\n",
        r.out());
    CliRun j = srro("patch", "rollback", "--json", "-d", tree.toString());
    assertEquals(0, j.status(), j.toString());
    assertTrue(j.out().endsWith("\"directory\":\"" + tree.toRealPath() + "\",\"restored\":[]}\n"), j.out());
  }

  @Test
  void signedDiffNeedsAKeyAndAKeyNeedsASignedDiff() throws IOException {
    Path signed = tmp.resolve("001.patch.sig");
    Files.writeString(signed, "untrusted comment: verify with key.pub\nRWQ...\n" + DIFF);
    CliRun noKey = srro("patch", "apply", "-d", tree.toString(), signed.toString());
    assertEquals(2, noKey.status(), noKey.toString());
    assertTrue(noKey.err().startsWith("srro: " + signed + " is signed: give the public key with -k KEY"));
    CliRun unsigned = srro("patch", "apply", "-k", tmp.resolve("key.pub").toString(), "-d", tree.toString(),
        diff.toString());
    assertEquals(1, unsigned.status(), unsigned.toString());
    assertEquals("srro: " + diff + ": not signed (expected 'untrusted comment:' first) but -k was given;"
        + " nothing was applied\n", unsigned.err());
    assertEquals(lines(1, 20), Files.readString(tree.resolve("sys/a.c")));
  }

  private static void run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + log);
  }

  @Test
  void verifiesASignedDiffInMemoryBeforeApplyingIt() throws Exception {
    String signify = srro.testing.Peer.require("signify-openbsd", "signify-openbsd").toString();
    run(tmp, signify, "-G", "-n", "-p", "k.pub", "-s", "k.sec");
    run(tmp, signify, "-G", "-n", "-p", "other.pub", "-s", "other.sec");
    run(tmp, signify, "-S", "-e", "-s", "k.sec", "-m", "001.patch", "-x", "001.patch.sig");
    Path sig = tmp.resolve("001.patch.sig");
    byte[] good = Files.readAllBytes(sig);
    Files.write(sig, new String(good, StandardCharsets.ISO_8859_1).replace("+LINE 15", "+LINE 99")
        .getBytes(StandardCharsets.ISO_8859_1));
    CliRun tampered = srro("patch", "apply", "-k", tmp.resolve("k.pub").toString(), "-d", tree.toString(),
        sig.toString());
    assertEquals(1, tampered.status(), tampered.toString());
    assertEquals("srro: " + sig + ": signature verification failed; nothing was applied\n", tampered.err());
    Files.write(sig, good);
    CliRun wrongKey = srro("patch", "status", "-k", tmp.resolve("other.pub").toString(), "-d", tree.toString(),
        sig.toString());
    assertEquals(1, wrongKey.status(), wrongKey.toString());
    assertTrue(wrongKey.err().contains("checked against wrong key"), wrongKey.err());
    assertEquals(lines(1, 20), Files.readString(tree.resolve("sys/a.c")));
    CliRun ok = srro("patch", "apply", "--json", "-k", tmp.resolve("k.pub").toString(), "-d", tree.toString(),
        sig.toString());
    assertEquals(0, ok.status(), ok.toString());
    assertTrue(ok.out().contains("\"description\":\"Erratum 001: fix the thing.\\n\\n\""), ok.out());
    assertTrue(Files.readString(tree.resolve("sys/a.c")).contains("LINE 15\n"));
  }
}
