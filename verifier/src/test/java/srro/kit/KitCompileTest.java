package srro.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import srro.testing.ReferenceTrees.KitTree;
import srro.testing.ReferenceTrees;

/**
 * patches/compile-kit on every kit: the kit's files, unpatched and patched, compiled with Debian's clang as
 * OpenBSD amd64 kernel and userland objects against a copy of the release's reference tree, with -Werror.
 * An unpatched failure fails too: the set-up would then prove nothing about the patched objects.
 */
class KitCompileTest {
  private record Run(int status, String output) {}

  private static Run compileKit(Path tree, Path kit, String... options) throws Exception {
    Peer.require("clang", "clang");
    Peer.require("patch", "patch");
    List<String> cmd = new ArrayList<>(List.of(Peer.require("bash", "bash").toString(),
        ReferenceTrees.repo().resolve("patches/compile-kit").toString()));
    cmd.addAll(List.of(options));
    cmd.add(tree.toString());
    cmd.add(kit.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "compile-kit did not finish");
    return new Run(p.exitValue(), out);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void everySoftraidFileScsiAndBioctlCompileUnpatchedAndPatchedWithWerror(KitTree k) throws Exception {
    Run r = compileKit(ReferenceTrees.tree(k), ReferenceTrees.kit(k));
    assertEquals(0, r.status(), r.output());
    assertTrue(r.output().contains("kit: 4 diffs applied with -F0\n"), r.output());
    for (String copy : List.of("unpatched", "patched")) {
      for (String obj : List.of("softraid.o", "softraid-SR_DEBUG.o", "softraid_concat.o", "softraid_crypto.o",
          "softraid_crypto-SR_DEBUG.o", "softraid_raid0.o", "softraid_raid1.o", "softraid_raid1c.o",
          "softraid_raid5.o", "softraid_raid6.o", "scsi.o", "libscsi.o", "bioctl.o")) {
        assertTrue(r.output().contains(copy + " " + obj + " ok\n"), copy + " " + obj + ":\n" + r.output());
      }
    }
    assertTrue(r.output().endsWith("result: 26 of 26 objects compiled (unpatched failed: 0, patched failed: 0)\n"),
        r.output());
  }

  @Test
  void aPatchedObjectThatDoesNotCompileFailsTheRun(@TempDir Path dir) throws Exception {
    KitTree k = ReferenceTrees.KITS.get(0);
    Path tree = ReferenceTrees.tree(k);
    Path kit = Files.createDirectory(dir.resolve("kit"));
    List<String> lines = Files.readAllLines(tree.resolve("sbin/bioctl/bioctl.c"), StandardCharsets.ISO_8859_1);
    int n = lines.size();
    Files.writeString(kit.resolve("001_broken.diff"), "--- sbin/bioctl/bioctl.c\n+++ sbin/bioctl/bioctl.c\n@@ -"
        + n + ",1 +" + n + ",2 @@\n " + lines.get(n - 1) + "\n+#error not C\n", StandardCharsets.ISO_8859_1);
    Run r = compileKit(tree, kit, "-o", "bioctl.o");
    assertEquals(1, r.status(), r.output());
    assertTrue(r.output().contains("unpatched bioctl.o ok\n"), r.output());
    assertTrue(r.output().contains("patched bioctl.o FAILED\n"), r.output());
    assertTrue(r.output().contains("error: not C"), r.output());
    assertTrue(r.output().endsWith("result: 1 of 2 objects compiled (unpatched failed: 0, patched failed: 1)\n"),
        r.output());
  }

  @Test
  void anUnpatchedObjectThatDoesNotCompileFailsTheRunEvenWhenThePatchedOneDoes(@TempDir Path dir) throws Exception {
    KitTree k = ReferenceTrees.KITS.get(0);
    Path tree = copy(ReferenceTrees.tree(k), dir.resolve("tree"));
    Path bioctl = tree.resolve("sbin/bioctl/bioctl.c");
    List<String> lines = Files.readAllLines(bioctl, StandardCharsets.ISO_8859_1);
    int n = lines.size();
    Files.writeString(bioctl, "#error not the release\n", StandardCharsets.ISO_8859_1,
        java.nio.file.StandardOpenOption.APPEND);
    Path kit = Files.createDirectory(dir.resolve("kit"));
    Files.writeString(kit.resolve("001_fix.diff"), "--- sbin/bioctl/bioctl.c\n+++ sbin/bioctl/bioctl.c\n@@ -"
        + n + ",2 +" + n + ",1 @@\n " + lines.get(n - 1) + "\n-#error not the release\n",
        StandardCharsets.ISO_8859_1);
    Run r = compileKit(tree, kit, "-o", "bioctl.o");
    assertEquals(3, r.status(), r.output());
    assertTrue(r.output().contains("unpatched bioctl.o FAILED\n"), r.output());
    assertTrue(r.output().contains("patched bioctl.o ok\n"), r.output());
  }

  @Test
  void aKitThatNeedsFuzzIsRefusedBeforeAnythingIsCompiled(@TempDir Path dir) throws Exception {
    KitTree k = ReferenceTrees.KITS.get(0);
    Path kit = Files.createDirectory(dir.resolve("kit"));
    Files.writeString(kit.resolve("001_stale.diff"), "--- sbin/bioctl/bioctl.c\n+++ sbin/bioctl/bioctl.c\n"
        + "@@ -1,1 +1,2 @@\n not the first line\n+/* added */\n", StandardCharsets.ISO_8859_1);
    Run r = compileKit(ReferenceTrees.tree(k), kit);
    assertEquals(4, r.status(), r.output());
    assertTrue(r.output().startsWith("kit: 001_stale.diff does not apply with -F0:\n"), r.output());
  }

  @Test
  void anObjectTheKitDoesNotBuildIsAUsageError() throws Exception {
    KitTree k = ReferenceTrees.KITS.get(0);
    Run r = compileKit(ReferenceTrees.tree(k), ReferenceTrees.kit(k), "-o", "nosuch.o");
    assertEquals(2, r.status(), r.output());
    assertTrue(r.output().contains("no such object: nosuch.o"), r.output());
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }
}
