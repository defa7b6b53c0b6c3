package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * srro run by root on files an attacker controls, end to end: endless inputs (/dev/zero, a 300 MB pipe) as
 * diff and as key, a link at every output path, a directory where a file belongs, planted transaction state,
 * damaged tarballs. Each is refused with one line that names the path, the right exit status, and nothing
 * written anywhere.
 */
class HostileFilesTest {
  @TempDir Path tmp;
  Path tree;
  Path diff;
  Path victim;

  private static final String DIFF = "--- sys/a.c\n+++ sys/a.c\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n";

  @BeforeEach
  void setUp() throws IOException {
    tree = Files.createDirectories(tmp.resolve("src/sys")).getParent();
    Files.writeString(tree.resolve("sys/a.c"), "a\nb\nc\n");
    diff = Files.writeString(tmp.resolve("001.patch"), DIFF);
    victim = Files.writeString(tmp.resolve("victim"), "precious\n");
  }

  private static void assertOneLine(CliRun r, int status, String line) {
    assertEquals(status, r.status(), r.toString());
    assertEquals("srro: " + line + "\n", r.err(), r.toString());
  }

  private void assertUntouched() throws IOException {
    assertEquals("a\nb\nc\n", Files.readString(tree.resolve("sys/a.c")));
    assertEquals("precious\n", Files.readString(victim));
  }

  /** A named pipe fed 300 MB of zeros by another process for as long as it is read. */
  private Path pipe(String name) throws Exception {
    Path fifo = tmp.resolve(name);
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    new ProcessBuilder("sh", "-c", "head -c 300000000 /dev/zero > \"$1\" 2>/dev/null", "sh", fifo.toString()).start();
    return fifo;
  }

  @Test
  void devZeroAndA300MegabytePipeAsTheDiffAreRefusedAtTheLimit() throws Exception {
    String limit = ": more than 67112960 bytes, the limit for a diff (or a signed diff)";
    assertOneLine(CliRun.of("patch", "apply", "-d", tree.toString(), "/dev/zero"), 65, "/dev/zero" + limit);
    long t0 = System.nanoTime();
    Path fifo = pipe("diff.fifo");
    assertOneLine(CliRun.of("patch", "apply", "-d", tree.toString(), fifo.toString()), 65, fifo + limit);
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "read only up to the limit");
    assertOneLine(CliRun.of("patch", "status", "-d", tree.toString(), "/dev/zero"), 65, "/dev/zero" + limit);
    assertUntouched();
  }

  @Test
  void devZeroAndA300MegabytePipeAsTheKeyAreRefusedAtTheLimit() throws Exception {
    Path signed = Files.writeString(tmp.resolve("001.patch.sig"), "untrusted comment: x\nRWQ\n" + DIFF);
    String limit = ": more than 4096 bytes, the limit for a signify public key file";
    for (Path key : List.of(Path.of("/dev/zero"), pipe("key.fifo"))) {
      CliRun r = CliRun.of("patch", "apply", "-k", key.toString(), "-d", tree.toString(), signed.toString());
      assertEquals(65, r.status(), r.toString());
      assertFalse(r.err().contains("Exception"), r.err());
    }
    CliRun zero = CliRun.of("signify", "-V", "-p", "/dev/zero", "-m", diff.toString());
    assertFalse(zero.err().contains("Exception"), zero.err());
    assertTrue(zero.status() == 1 || zero.status() == 65, zero.toString());
    assertUntouched();
  }

  @Test
  void aDirectoryGivenAsAFileCannotBeOpened() throws Exception {
    assertOneLine(CliRun.of("patch", "apply", "-d", tree.toString(), tmp.toString()), 66,
        tmp + ": is a directory, expected a file");
    assertOneLine(CliRun.of("fstab", tmp.toString()), 66, tmp + ": is a directory, expected a file");
  }

  @Test
  void everyWritingCommandRefusesASymlinkAtItsOutput() throws Exception {
    Path pub = tmp.resolve("k.pub");
    Path sec = tmp.resolve("k.sec");
    assertEquals(0, CliRun.of("signify", "-G", "-n", "-p", pub.toString(), "-s", sec.toString()).status());
    Path link = tmp.resolve("out");
    Files.createSymbolicLink(link, victim);
    String refused = "can't open " + link + " for writing: is a symbolic link; not followed or replaced";
    Path lpub = tmp.resolve("l.pub");
    Path lsec = tmp.resolve("l.sec");
    Files.createSymbolicLink(lpub, victim);
    assertOneLine(CliRun.of("signify", "-G", "-n", "-p", lpub.toString(), "-s", lsec.toString()), 74,
        "can't open " + lpub + " for writing: file exists");
    Files.delete(lpub);
    Files.createSymbolicLink(lsec, victim);
    assertOneLine(CliRun.of("signify", "-G", "-n", "-p", lpub.toString(), "-s", lsec.toString()), 74,
        "can't open " + lsec + " for writing: file exists");
    assertOneLine(CliRun.of("signify", "-S", "-s", sec.toString(), "-m", diff.toString(), "-x", link.toString()),
        74, refused);
    assertOneLine(CliRun.of("signify", "-S", "-e", "-s", sec.toString(), "-m", diff.toString(), "-x",
        link.toString()), 74, refused);
    Path esig = tmp.resolve("001.patch.sig");
    assertEquals(0, CliRun.of("signify", "-S", "-e", "-s", sec.toString(), "-m", diff.toString(), "-x",
        esig.toString()).status());
    assertOneLine(CliRun.of("signify", "-V", "-e", "-p", pub.toString(), "-x", esig.toString(), "-m",
        link.toString()), 74, refused);
    assertOneLine(CliRun.of("signify", "-S", "-s", sec.toString(), "-m", diff.toString(), "-x", "/dev/stdout"), 74,
        "can't open /dev/stdout for writing: is a symbolic link; not followed or replaced");
    Path kit = Files.createDirectories(tmp.resolve("kit"));
    Files.writeString(kit.resolve("001_a.diff"), "Fix a.\n\n" + DIFF);
    Files.writeString(kit.resolve("ORIGINALS"), "SHA256 (sys/a.c) = 880553fca8fcea94e325ee2cfb48e5a985cc797f39a14cc6d3cedecfeb2ae4d2 rev 1.1\n");
    CliRun build = CliRun.of("kit", "build", "--kit", kit.toString(), "--key", sec.toString(), "-o",
        link.toString());
    assertEquals(74, build.status(), build.toString());
    assertTrue(build.err().contains(refused), build.toString());
    Path fstab = tmp.resolve("fstab");
    Files.writeString(tmp.resolve("real-fstab"), "/dev/a /a ext4 ro 0 2\n");
    Files.createSymbolicLink(fstab, tmp.resolve("real-fstab"));
    assertOneLine(CliRun.of("fstab", "--fix", "--dialect", "linux", fstab.toString()), 74,
        "can't open " + fstab + " for writing: is a symbolic link; not followed or replaced");
    assertEquals("/dev/a /a ext4 ro 0 2\n", Files.readString(tmp.resolve("real-fstab")));
    Files.createSymbolicLink(tree.resolve("sys/a.c.orig"), victim);
    CliRun apply = CliRun.of("patch", "apply", "-d", tree.toString(), diff.toString());
    assertEquals(74, apply.status(), apply.toString());
    assertEquals("srro: sys/a.c.orig: 'sys/a.c.orig' is a symbolic link\n", apply.err());
    assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(fstab) && Files.isSymbolicLink(lsec));
    assertUntouched();
  }

  @Test
  void aHardLinkedTargetIsRefusedWithExit65AndNothingIsTouched() throws Exception {
    Files.delete(tree.resolve("sys/a.c"));
    Files.writeString(victim, "a\nb\nc\n");
    Files.createLink(tree.resolve("sys/a.c"), victim);
    for (String op : new String[] {"apply", "status"}) {
      assertOneLine(CliRun.of("patch", op, "-d", tree.toString(), diff.toString()), 65,
          "sys/a.c: has 2 hard links, so it may be a link planted to a file outside the tree; srro reads,"
              + " rewrites and backs up only files with one; nothing was touched");
    }
    assertEquals("a\nb\nc\n", Files.readString(victim));
    assertFalse(Files.exists(tree.resolve("sys/a.c.orig")) || Files.exists(tree.resolve(".srro-patch")));
  }

  @Test
  void plantedStateIsRefusedWithWhyAndHowToClearIt() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside/last"));
    Files.writeString(outside.resolve("keep"), "keep\n");
    Path state = tree.resolve(".srro-patch");
    Files.createSymbolicLink(state, outside.getParent());
    String real = tree.toRealPath().resolve(".srro-patch").toString();
    String line = real + ": is a symbolic link, so it is not srro's transaction state; nothing was touched. If you"
        + " did not make it, look inside, then remove it (rm -r " + real + ") and run srro again";
    for (Supplier<CliRun> run : List.<Supplier<CliRun>>of(
        () -> CliRun.of("patch", "apply", "-d", tree.toString(), diff.toString()),
        () -> CliRun.of("patch", "recover", "-d", tree.toString()),
        () -> CliRun.of("patch", "rollback", "-d", tree.toString()),
        () -> CliRun.of("patch", "status", "-d", tree.toString(), diff.toString()))) {
      assertOneLine(run.get(), 65, line);
    }
    assertEquals("keep\n", Files.readString(outside.resolve("keep")));
    assertUntouched();
  }

  private Path tarball(String name, String entry, boolean badChecksum, int cut) throws IOException {
    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(raw)) {
      byte[] data = "a\nb\nc\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry te = new TarArchiveEntry(entry, true);
      te.setSize(data.length);
      tar.putArchiveEntry(te);
      tar.write(data);
      tar.closeArchiveEntry();
    }
    byte[] t = raw.toByteArray();
    if (badChecksum) {
      t[148] = (byte) (t[148] == '1' ? '2' : '1');
    }
    if (cut > 0) {
      t = java.util.Arrays.copyOf(t, cut);
    }
    Path tgz = tmp.resolve(name);
    try (OutputStream o = Files.newOutputStream(tgz); GzipCompressorOutputStream gz = new GzipCompressorOutputStream(o)) {
      gz.write(t);
    }
    return tgz;
  }

  private void assertArchiveRefused(Path tgz, String expected) {
    CliRun r = CliRun.of("patch", "status", "--archive", tgz.toString(), diff.toString());
    assertEquals(65, r.status(), r.toString());
    assertTrue(r.err().startsWith("srro: " + tgz + " at offset "), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void damagedTarballsAreMalformedNotMended() throws Exception {
    assertEquals(0, CliRun.of("patch", "status", "--archive", tarball("ok.tgz", "./sys/a.c", false, 0).toString(),
        diff.toString()).status());
    assertArchiveRefused(tarball("sum.tgz", "sys/a.c", true, 0), "tar header of 'sys/a.c' has a wrong checksum");
    assertArchiveRefused(tarball("abs.tgz", "/sys/a.c", false, 0),
        "entry '/sys/a.c' has an absolute name; a source tarball has relative ones");
    assertArchiveRefused(tarball("dots.tgz", "x/../sys/a.c", false, 0),
        "entry 'x/../sys/a.c' has a '..' component; it would leave the tree");
    assertArchiveRefused(tarball("cut.tgz", "sys/a.c", false, 515), "truncated: the archive ends in the middle");
    Path notGz = Files.writeString(tmp.resolve("plain.tgz"), "not gzip\n");
    assertArchiveRefused(notGz, "not a well-formed .tar.gz");
  }
}
