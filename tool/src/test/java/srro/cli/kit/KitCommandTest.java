package srro.cli.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import srro.cli.CliRun;
import srro.kit.Kit;
import srro.kit.KitId;
import srro.kit.KitResources;
import srro.kit.Original;
import srro.testing.Peer;
import srro.testing.ReferenceTrees;
import srro.testing.ReferenceTrees.KitTree;

/**
 * srro kit end to end on copies of the reference trees: build signs the built-in kits reproducibly and
 * signify-openbsd verifies them; apply picks the kit from newvers.sh, says which, and gives the same files as GNU
 * patch; status names the release and every file's state; rollback restores the tree; the release guard.
 */
class KitCommandTest {
  @TempDir static Path keys;

  static Path pub;
  static Path sec;

  @BeforeAll
  static void makeKeys() {
    pub = keys.resolve("srro-kit.pub");
    sec = keys.resolve("srro-kit.sec");
    CliRun g = CliRun.of("signify", "-G", "-n", "-p", pub.toString(), "-s", sec.toString());
    assertEquals(0, g.status(), g::toString);
  }

  private static Path signed(KitId id) {
    Path out = keys.resolve("softraid_read_only_patchset_" + id.release() + ".sig");
    if (!Files.exists(out)) {
      CliRun b = CliRun.of("kit", "build", "--release", id.release(), "-s", sec.toString(), "-o", out.toString());
      assertEquals(0, b.status(), b::toString);
    }
    return out;
  }

  private static KitId id(KitTree k) {
    return KitId.named(k.kit().substring("openbsd-".length())).orElseThrow();
  }

  /** The kit's files and newvers.sh of the reference tree, copied to {@code dir}. */
  private static Path tree(KitTree k, Path dir) throws Exception {
    Path from = ReferenceTrees.tree(k);
    for (Original o : KitResources.load(id(k)).originals().entries()) {
      copy(from, dir, o.path());
    }
    copy(from, dir, "sys/conf/newvers.sh");
    return dir;
  }

  private static void copy(Path from, Path to, String rel) throws IOException {
    Files.createDirectories(to.resolve(rel).getParent());
    Files.copy(from.resolve(rel), to.resolve(rel));
  }

  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString();
        if (!rel.startsWith(".srro-patch") && !rel.endsWith(".orig")) {
          files.put(rel, Files.readString(p, StandardCharsets.ISO_8859_1));
        }
      }
    }
    return files;
  }

  private static void gnuPatch(Path dir, KitTree k) throws Exception {
    Path gnu = Peer.require("patch", "patch");
    try (Stream<Path> s = Files.list(ReferenceTrees.kit(k))) {
      for (Path d : s.filter(p -> p.toString().endsWith(".diff")).sorted().toList()) {
        Process p = new ProcessBuilder(gnu.toString(), "-p0", "-F0", "--no-backup-if-mismatch", "-s", "-d",
            dir.toString(), "-i", d.toString()).redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), d + ": " + out);
      }
    }
  }

  @Test
  void buildIsReproducibleAndSignifyVerifiesTheDiffsInOrder() throws Exception {
    Path first = signed(KitId.OPENBSD_7_7);
    Path again = keys.resolve("again.sig");
    CliRun b = CliRun.of("kit", "build", "--release", "7.7", "-s", sec.toString(), "-o", again.toString());
    assertEquals(0, b.status(), b::toString);
    assertEquals("signed 4 diffs of kit openbsd-7.7 into " + again + "\n", b.err());
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(again));
    Path fromDir = keys.resolve("from-dir.sig");
    CliRun d = CliRun.of("kit", "build", "--kit", ReferenceTrees.repo().resolve("patches/openbsd-7.7").toString(),
        "-s", sec.toString(), "-o", fromDir.toString());
    assertEquals(0, d.status(), d::toString);
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(fromDir));

    Path signify = Peer.require("signify-openbsd", "signify-openbsd");
    for (KitId id : KitId.values()) {
      Path msg = keys.resolve("message-" + id.release());
      Process p = new ProcessBuilder(signify.toString(), "-V", "-e", "-p", pub.toString(), "-x",
          signed(id).toString(), "-m", msg.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), out);
      assertArrayEquals(KitResources.load(id).patchset(), Files.readAllBytes(msg), id.toString());
      assertTrue(Files.readString(signed(id)).startsWith("untrusted comment: verify with srro-kit.pub\n"));
    }
  }

  @Test
  void buildNeedsAReleaseOrAKitDirectoryAndKnowsTheReleases() {
    CliRun none = CliRun.of("kit", "build", "-s", sec.toString(), "-o", keys.resolve("x.sig").toString());
    assertEquals(2, none.status(), none::toString);
    assertTrue(none.err().contains("give --release R (7.7, 7.8, 7.9, current) or --kit KITDIR"), none::toString);
    CliRun old = CliRun.of("kit", "build", "--release", "7.6", "-s", sec.toString(), "-o",
        keys.resolve("x.sig").toString());
    assertEquals(2, old.status(), old::toString);
    assertTrue(old.err().contains("no kit for release 7.6; kits: 7.7, 7.8, 7.9, current"), old::toString);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void applyPicksTheKitFromNewversMatchesGnuPatchAndRollbackRestoresTheTree(KitTree k, @TempDir Path a,
      @TempDir Path b) throws Exception {
    Map<String, String> before = snapshot(tree(k, a));
    gnuPatch(tree(k, b), k);
    String release = k.tree().equals("7.7") || k.tree().equals("7.8") ? k.tree()
        : k.tree().startsWith("8.0") ? "8.0-beta" : k.tree() + "-beta";

    CliRun st = CliRun.of("kit", "status", "-d", a.toString());
    assertEquals(0, st.status(), st::toString);
    assertTrue(st.out().startsWith(a + ": OpenBSD " + release + ", kit " + k.kit() + "\n"), st::toString);
    assertTrue(st.out().contains("pristine   sys/dev/softraid.c (rev "), st::toString);
    assertTrue(st.out().endsWith(a + ": pristine " + release + "; the kit applies\n"), st::toString);

    CliRun ap = CliRun.of("kit", "apply", "-p", pub.toString(), "-d", a.toString(), signed(id(k)).toString());
    assertEquals(0, ap.status(), ap::toString);
    assertTrue(ap.err().startsWith("kit: OpenBSD " + release + " tree, using kit " + k.kit() + "\n"), ap::toString);
    assertEquals(snapshot(b), snapshot(a));

    CliRun again = CliRun.of("kit", "status", "-d", a.toString(), "--json");
    assertEquals(0, again.status(), again::toString);
    assertTrue(again.out().contains("\"summary\":\"already patched\""), again::toString);
    assertTrue(again.out().contains("\"release\":\"" + release + "\",\"kit\":\"" + k.kit() + "\""), again::toString);
    assertTrue(again.out().startsWith("{\"schema\":\"srro-kit-status/1\""), again::toString);
    srro.cli.JsonContract.validate(again);

    CliRun rb = CliRun.of("kit", "rollback", "-d", a.toString());
    assertEquals(0, rb.status(), rb::toString);
    assertTrue(rb.out().contains("removed sys/dev/softraid.c.orig\nrestored sys/dev/softraid.c\n"), rb::toString);
    assertEquals(before, snapshot(a));
  }

  private static void newvers(Path dir, String osr, String status) throws IOException {
    Files.createDirectories(dir.resolve("sys/conf"));
    Files.writeString(dir.resolve("sys/conf/newvers.sh"),
        "ost=\"OpenBSD\"\nosr=\"" + osr + "\"\ncat >vers.c <<eof\n#define STATUS \"" + status + "\"\n");
  }

  @Test
  void aReleaseWithoutAKitIsRefusedWithTheListOfSupportedOnes(@TempDir Path a) throws Exception {
    newvers(tree(ReferenceTrees.KITS.get(0), a), "7.6", "");
    Map<String, String> before = snapshot(a);
    CliRun r = CliRun.of("kit", "apply", "-p", pub.toString(), "-d", a.toString(),
        signed(KitId.OPENBSD_7_7).toString());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.err().contains(a + " is OpenBSD 7.6, which no kit is for; kits: OpenBSD 7.7, 7.8, 7.9 (release,"
        + " -stable or -beta), 7.9-current or later, and the -beta of a later release (--release R --force to"
        + " use one anyway)"), r::toString);
    assertEquals(before, snapshot(a));
    CliRun st = CliRun.of("kit", "status", "-d", a.toString(), "--json");
    assertEquals(1, st.status(), st::toString);
    assertTrue(st.out().contains("\"kind\":\"no\""), st::toString);
    assertTrue(st.out().contains("which no kit is for"), st::toString);
  }

  @Test
  void aNewversThatNamesNoReleaseIsMalformed(@TempDir Path a) throws Exception {
    Files.createDirectories(a.resolve("sys/conf"));
    Files.writeString(a.resolve("sys/conf/newvers.sh"), "ost=\"OpenBSD\"\n");
    CliRun r = CliRun.of("kit", "status", "-d", a.toString());
    assertEquals(65, r.status(), r::toString);
    assertTrue(r.err().contains("newvers.sh: no osr=\"X.Y\" line, cannot tell the release"), r::toString);
  }

  @Test
  void aKitNamedForAnotherReleaseIsRefusedUnlessForced(@TempDir Path a) throws Exception {
    Map<String, String> before = snapshot(tree(ReferenceTrees.KITS.get(1), a));
    CliRun r = CliRun.of("kit", "apply", "--release", "7.7", "-p", pub.toString(), "-d", a.toString(),
        signed(KitId.OPENBSD_7_7).toString());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.err().contains(a + " is OpenBSD 7.8, kit 7.7 is for another release; its own kit is 7.8"
        + " (--force to use 7.7 anyway)"), r::toString);
    CliRun forced = CliRun.of("kit", "status", "--release", "7.7", "--force", "-d", a.toString());
    assertTrue(forced.out().startsWith(a + ": OpenBSD 7.8, kit openbsd-7.7 (forced)\n"), forced::toString);
    assertEquals(before, snapshot(a));
  }

  @Test
  void theSignedKitOfAnotherReleaseIsRefused(@TempDir Path a) throws Exception {
    Map<String, String> before = snapshot(tree(ReferenceTrees.KITS.get(0), a));
    CliRun r = CliRun.of("kit", "apply", "-p", pub.toString(), "-d", a.toString(),
        signed(KitId.OPENBSD_7_8).toString());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.err().contains(" is not the kit for 7.7 (its first line: srro softraid read-only kit for"
        + " OpenBSD 7.8, diff 001 of 004:); build it with 'srro kit build --release 7.7'"), r::toString);
    assertEquals(before, snapshot(a));
  }

  @Test
  void aTreeWithoutNewversIsRefusedUnlessAReleaseIsForced(@TempDir Path a) throws Exception {
    CliRun r = CliRun.of("kit", "apply", "-p", pub.toString(), "-d", a.toString(),
        signed(KitId.OPENBSD_7_7).toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("newvers.sh: missing, cannot tell the release; is " + a
        + " an OpenBSD source tree? (--release R --force to use a kit anyway)"), r::toString);
    CliRun st = CliRun.of("kit", "status", "--release", "7.7", "--force", "-d", a.toString());
    assertEquals(1, st.status(), st::toString);
    assertTrue(st.out().startsWith(a + ": OpenBSD unknown, kit openbsd-7.7 (forced)\n"), st::toString);
    assertTrue(st.out().contains("missing    sys/dev/softraid.c (no $OpenBSD$ line)\n"), st::toString);
    assertTrue(st.out().endsWith(": incomplete (files missing); the kit does not apply\n"), st::toString);
  }

  @Test
  void anUnknownReleaseNameIsAUsageError(@TempDir Path a) {
    CliRun r = CliRun.of("kit", "status", "--release", "7.6", "-d", a.toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("no kit for release 7.6; kits: 7.7, 7.8, 7.9, current"), r::toString);
  }

  /** A refusal of kit build (a key name, a passphrase) is one srro: line from the Reporter, exit 1. */
  @Test
  void aSecretKeyNotNamedKeynameSecIsRefusedAndNothingIsWritten(@TempDir Path a) throws Exception {
    Path key = a.resolve("kit.key");
    Files.copy(sec, key);
    Path out = a.resolve("kit.sig");
    CliRun r = CliRun.of("kit", "build", "--release", "7.7", "-s", key.toString(), "-o", out.toString());
    assertEquals(1, r.status(), r::toString);
    assertEquals("srro: please use naming scheme of keyname.pub and keyname.sec\n", r.err());
    assertFalse(Files.exists(out), r::toString);
  }

  @Test
  void aWrongPassphraseIsRefusedWithOneLine(@TempDir Path a) throws Exception {
    Path pass = a.resolve("pass");
    Files.writeString(pass, "right horse battery staple\n");
    Path wrong = a.resolve("wrong");
    Files.writeString(wrong, "wrong\n");
    Path p = a.resolve("w.pub");
    Path s = a.resolve("w.sec");
    CliRun g = CliRun.of("signify", "-G", "--passphrase-file", pass.toString(), "-p", p.toString(), "-s",
        s.toString());
    assertEquals(0, g.status(), g::toString);
    CliRun r = CliRun.of("kit", "build", "--release", "7.7", "-s", s.toString(), "--passphrase-file",
        wrong.toString(), "-o", a.resolve("kit.sig").toString());
    assertEquals(1, r.status(), r::toString);
    assertEquals("srro: incorrect passphrase\n", r.err());
  }

  @Test
  void aTamperedKitChangesNothing(@TempDir Path a) throws Exception {
    Map<String, String> before = snapshot(tree(ReferenceTrees.KITS.get(0), a));
    byte[] bytes = Files.readAllBytes(signed(KitId.OPENBSD_7_7));
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int i = text.indexOf("error == EACCES");
    bytes[i + 9] = 'P';
    Path bad = keys.resolve("tampered.sig");
    Files.write(bad, bytes);
    CliRun r = CliRun.of("kit", "apply", "-p", pub.toString(), "-d", a.toString(), bad.toString());
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.err().endsWith("\nsrro: " + bad + ": signature verification failed; nothing was applied\n"),
        r::toString);
    assertEquals(before, snapshot(a));
    CliRun json = CliRun.of("kit", "apply", "--json", "-p", pub.toString(), "-d", a.toString(), bad.toString());
    assertEquals(1, json.status(), json::toString);
    assertEquals("no", srro.cli.JsonContract.validate(json).get(0).get("kind").asText(), json::toString);
    assertEquals(before, snapshot(a));
  }

  @Test
  void aKitDirectoryGivenWithKitIsUsedInsteadOfTheBuiltInOne(@TempDir Path a) throws Exception {
    tree(ReferenceTrees.KITS.get(0), a);
    Path dir = ReferenceTrees.repo().resolve("patches/openbsd-7.7");
    CliRun r = CliRun.of("kit", "status", "--kit", dir.toString(), "-d", a.toString(), "--json");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("\"summary\":\"pristine 7.7\""), r::toString);
    srro.cli.JsonContract.validate(r);
    assertArrayEquals(Kit.load(dir).patchset(), KitResources.load(KitId.OPENBSD_7_7).patchset());
  }

  @Test
  void rebuildStepsNameTheKernelAndBothUtilities() {
    CliRun r = CliRun.of("kit", "rebuild-steps", "-d", "/usr/src");
    assertEquals(0, r.status(), r::toString);
    assertEquals("cd /usr/src/sys/arch/$(machine)/compile/GENERIC.MP && make obj && make config && make && make"
        + " install\ncd /usr/src/sbin/scsi && make obj && make && make install\n"
        + "cd /usr/src/sbin/bioctl && make obj && make && make install\n# then reboot into the new kernel\n", r.out());
  }
}
