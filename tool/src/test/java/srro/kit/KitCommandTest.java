package srro.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;
import srro.testing.Peer;

/**
 * srro kit end to end: build signs the real kit reproducibly and signify-openbsd verifies it; apply gives the
 * same tree as GNU patch on a tree rebuilt from the diffs' pre-images; status, rollback and the release guard.
 */
class KitCommandTest {
  @TempDir static Path keys;

  static Path pub;
  static Path sec;
  static Path signed;

  @BeforeAll
  static void buildTheKit() throws Exception {
    pub = keys.resolve("srro-kit.pub");
    sec = keys.resolve("srro-kit.sec");
    CliRun g = CliRun.of("signify", "-G", "-n", "-p", pub.toString(), "-s", sec.toString());
    assertEquals(0, g.status(), g::toString);
    signed = keys.resolve("softraid_read_only_patchset_7.7.sig");
    CliRun b = build(signed);
    assertEquals(0, b.status(), b::toString);
  }

  private static CliRun build(Path out) {
    return CliRun.of("kit", "build", "--kit", kit().toString(), "--key", sec.toString(), "-o", out.toString());
  }

  private static Path kit() {
    return KitDiffsTest.locateKit();
  }

  private static Path tree(Path dir, String release) throws IOException {
    PreImageTree.writeKitTo(dir);
    Files.createDirectories(dir.resolve("sys/conf"));
    Files.writeString(dir.resolve("sys/conf/newvers.sh"), "ost=\"OpenBSD\"\nosr=\"" + release + "\"\n");
    return dir;
  }

  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString();
        if (!rel.startsWith(".srro-patch")) {
          files.put(rel, Files.readString(p, StandardCharsets.ISO_8859_1));
        }
      }
    }
    return files;
  }

  private static int run(Path dir, Path stdin, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
            : ProcessBuilder.Redirect.from(stdin.toFile()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return p.exitValue();
  }

  @Test
  void buildIsReproducibleAndSignifyVerifiesTheDiffsInOrder() throws Exception {
    Path again = keys.resolve("again.sig");
    assertEquals(0, build(again).status());
    assertArrayEquals(Files.readAllBytes(signed), Files.readAllBytes(again));

    Path signify = Peer.require("signify-openbsd", "signify-openbsd");
    Path msg = keys.resolve("message");
    Process p = new ProcessBuilder(signify.toString(), "-V", "-e", "-p", pub.toString(), "-x", signed.toString(),
        "-m", msg.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertArrayEquals(Kit.load(kit()).patchset(), Files.readAllBytes(msg));
    assertTrue(Files.readString(signed).startsWith("untrusted comment: verify with srro-kit.pub\n"));
  }

  @Test
  void applyMatchesGnuPatchAndRollbackRestoresTheTree(@TempDir Path a, @TempDir Path b) throws Exception {
    Path gnu = Peer.require("patch", "patch");
    Map<String, String> before = snapshot(tree(a, "7.7"));
    tree(b, "7.7");
    try (Stream<Path> s = Files.list(kit())) {
      for (Path d : s.filter(p -> p.toString().endsWith(".diff")).sorted().toList()) {
        assertEquals(0, run(b, d, gnu.toString(), "-p0", "--no-backup-if-mismatch", "-s"), d.toString());
      }
    }

    CliRun st = CliRun.of("kit", "status", "--kit", kit().toString(), "-d", a.toString());
    assertEquals(0, st.status(), st::toString);
    assertTrue(st.out().contains("modified (errata or local changes); the kit applies"), st::toString);

    CliRun ap = CliRun.of("kit", "apply", "-p", pub.toString(), "-d", a.toString(), signed.toString());
    assertEquals(0, ap.status(), ap::toString);
    Map<String, String> patched = snapshot(a);
    patched.keySet().removeIf(k -> k.endsWith(".orig"));
    assertEquals(snapshot(b), patched);

    CliRun again = CliRun.of("kit", "status", "--kit", kit().toString(), "-d", a.toString(), "--json");
    assertEquals(0, again.status(), again::toString);
    assertTrue(again.out().contains("\"summary\":\"already patched\""), again::toString);

    CliRun rb = CliRun.of("kit", "rollback", "-d", a.toString());
    assertEquals(0, rb.status(), rb::toString);
    assertTrue(rb.out().contains("removed sys/dev/softraid.c.orig\nrestored sys/dev/softraid.c\n"), rb::toString);
    Map<String, String> restored = snapshot(a);
    restored.keySet().removeIf(k -> k.endsWith(".orig"));
    assertEquals(before, restored);
  }

  @Test
  void refusesAnotherReleaseUnlessForced(@TempDir Path a) throws Exception {
    Map<String, String> before = snapshot(tree(a, "7.6"));
    CliRun r = CliRun.of("kit", "apply", "-p", pub.toString(), "-d", a.toString(), signed.toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains(" is OpenBSD 7.6, the kit is for 7.7 (--force to apply anyway)"), r::toString);
    assertEquals(before, snapshot(a));
    CliRun forced = CliRun.of("kit", "apply", "--force", "--dry-run", "-p", pub.toString(), "-d", a.toString(),
        signed.toString());
    assertEquals(0, forced.status(), forced::toString);
    assertEquals(before, snapshot(a));
  }

  @Test
  void refusesATreeWithoutNewversUnlessForced(@TempDir Path a) throws Exception {
    CliRun r = CliRun.of("kit", "apply", "-p", pub.toString(), "-d", a.toString(), signed.toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("newvers.sh: missing, cannot tell the release"), r::toString);
  }

  @Test
  void aTamperedKitChangesNothing(@TempDir Path a) throws Exception {
    Map<String, String> before = snapshot(tree(a, "7.7"));
    byte[] bytes = Files.readAllBytes(signed);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int i = text.indexOf("error == EACCES");
    bytes[i + 9] = 'P';
    Path bad = a.resolveSibling(a.getFileName() + "-bad.sig");
    Files.write(bad, bytes);
    CliRun r = CliRun.of("kit", "apply", "-p", pub.toString(), "-d", a.toString(), bad.toString());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.err().contains("signature verification failed"), r::toString);
    assertEquals(before, snapshot(a));
  }

  @Test
  void statusSaysPristineOnlyForTheReleasedBytes(@TempDir Path a) throws Exception {
    Originals o = Kit.load(kit()).originals();
    List<String> lines = new ArrayList<>();
    for (Original e : o.entries()) {
      lines.add(e.path());
    }
    CliRun r = CliRun.of("kit", "status", "--kit", kit().toString(), "-d", a.toString());
    assertEquals(1, r.status(), r::toString);
    for (String l : lines) {
      assertTrue(r.out().contains("missing    " + l), r::toString);
    }
  }

  @Test
  void rebuildStepsNameTheKernelAndBothUtilities() {
    CliRun r = CliRun.of("kit", "rebuild-steps", "-d", "/usr/src");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("/usr/src/sys/arch/$(machine)/compile/GENERIC.MP && make obj && make config"));
    assertTrue(r.out().contains("/usr/src/sbin/scsi && make obj"));
    assertTrue(r.out().contains("/usr/src/sbin/bioctl && make obj"));
    CliRun run = CliRun.of("kit", "rebuild-steps", "--run");
    assertEquals(2, run.status(), run::toString);
  }
}
