package srro.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import srro.testing.Peer;
import srro.testing.ReferenceTrees;
import srro.testing.ReferenceTrees.KitTree;

/**
 * patches/check-against-tree, run (GNU patch only, -g) on trees rebuilt from the 7.7 kit's own pre-images, and
 * exactly (-x) with every kit on a copy of its release's reference tree.
 */
class CheckAgainstTreeTest {
  private record Run(int status, String output) {}

  private static Path script() {
    return KitDiffsTest.locateKit().getParent().resolve("check-against-tree");
  }

  private static Path preImages(Path dir) throws IOException {
    PreImageTree.writeKitTo(dir);
    return dir;
  }

  private static Run run(String... args) throws Exception {
    Peer.require("patch", "patch");
    List<String> cmd = new ArrayList<>(List.of(Peer.require("bash", "bash").toString(), script().toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "check-against-tree did not finish");
    return new Run(p.exitValue(), out);
  }

  @Test
  void appliesTheKitExactlyAndSaysTheTreeIsNot77(@TempDir Path dir) throws Exception {
    Run r = run("-gx", preImages(dir).toString());
    assertEquals(0, r.status(), r.output());
    assertTrue(r.output().contains("sys/dev/softraid.c: differs from what openbsd-7.7 expects (rev none;"
        + " openbsd-7.7 expects rev 1.433)"), r.output());
    assertTrue(r.output().contains("== 004_bioctl_readonly.diff: GNU patch real: exit 0"), r.output());
    assertTrue(r.output().contains("   Hunk #1 succeeded at "), r.output());
    assertTrue(r.output().endsWith("sbin/bioctl/bioctl.c (patched)\n"), r.output());
    assertTrue(r.output().contains("result: every diff applied\n"), r.output());
  }

  @Test
  void reportsAnOffsetAndFailsOnItOnlyWhenExact(@TempDir Path dir) throws Exception {
    Path bioctl = preImages(dir).resolve("sbin/bioctl/bioctl.c");
    Files.writeString(bioctl, "/* one more line */\n" + Files.readString(bioctl, StandardCharsets.ISO_8859_1),
        StandardCharsets.ISO_8859_1);
    Run lax = run("-g", dir.toString());
    assertEquals(0, lax.status(), lax.output());
    assertTrue(lax.output().contains("(offset 1 line)"), lax.output());
    Run exact = run("-gx", dir.toString());
    assertEquals(1, exact.status(), exact.output());
    assertTrue(exact.output().contains("not exact: a hunk needed an offset or fuzz"), exact.output());
    assertTrue(exact.output().endsWith("result: FAILED\n"), exact.output());
  }

  @Test
  void failsWhenAHunkDoesNotApply(@TempDir Path dir) throws Exception {
    Path var = preImages(dir).resolve("sys/dev/softraidvar.h");
    String text = Files.readString(var, StandardCharsets.ISO_8859_1);
    Files.writeString(var, text.replace("SR_CAP_REDUNDANT", "SR_CAP_CHANGED").replace("src_vn;", "src_vp;")
        .replace("sd_meta_type;", "sd_meta_kind;"), StandardCharsets.ISO_8859_1);
    Run r = run("-g", dir.toString());
    assertEquals(1, r.status(), r.output());
    assertTrue(r.output().contains("FAILED"), r.output());
    assertTrue(r.output().endsWith("result: FAILED\n"), r.output());
  }

  @Test
  void refusesATreeWithoutTheKitsFiles(@TempDir Path dir) throws Exception {
    Run r = run("-g", dir.toString());
    assertEquals(2, r.status(), r.output());
    assertTrue(r.output().contains("sys/dev/softraid.c: missing from "), r.output());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void everyKitAppliesExactlyToItsReleasesTreeWhoseFilesAreAllPristine(KitTree k) throws Exception {
    Run r = run("-gx", "-k", ReferenceTrees.kit(k).toString(), ReferenceTrees.tree(k).toString());
    assertEquals(0, r.status(), r.output());
    assertTrue(r.output().contains("sbin/bioctl/bioctl.c: pristine, as " + k.kit() + " expects (rev 1.15"),
        r.output());
    assertFalse(r.output().contains("differs"), r.output());
    assertTrue(r.output().contains("result: every diff applied\n"), r.output());
  }

  @Test
  void refusesBadUsage() throws Exception {
    assertEquals(2, run().status());
    assertEquals(2, run("-k", "/nonexistent/kit", "/").status());
    assertEquals(2, run("-q", "/").status());
    assertEquals(2, run("/nonexistent/srro-tree").status());
  }
}
