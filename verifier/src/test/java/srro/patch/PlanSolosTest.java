package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tree's plan, whose solos (file patches no other one names) are planned on two threads, is the plan made
 * in order (the same file patches through a source that is not a tree), failures included.
 */
class PlanSolosTest {
  @TempDir Path root;

  /** The tree read through the Source interface only, which Plan plans in order. */
  private record InOrder(Tree tree) implements Source {
    @Override
    public Optional<String> refusal(String path) throws IOException {
      return tree.refusal(path);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException, TargetRefusedException {
      return tree.read(path);
    }
  }

  private static String hunk(String name, String old, String now) {
    return "--- a/" + name + "\n+++ b/" + name + "\n@@ -1,3 +1,3 @@\n a\n-" + old + "\n+" + now + "\n c\n";
  }

  /** 60 files in 6 directories: solos that apply, conflict, are absent or refused, and one path named twice. */
  private Patchset mixed() throws IOException, PatchFormatException {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      Path dir = Files.createDirectories(root.resolve("d" + i % 6));
      String name = "d" + i % 6 + "/f" + i + ".c";
      if (i % 11 != 7) {
        Files.writeString(dir.resolve("f" + i + ".c"), "a\n" + (i % 9 == 4 ? "other" : "b") + "\nc\n");
      }
      d.append(hunk(name, "b", "B" + i));
    }
    Files.createSymbolicLink(root.resolve("d1/link.c"), root.resolve("d1/f1.c"));
    d.append(hunk("d1/link.c", "b", "L"));
    d.append("--- a/d0/f0.c\n+++ b/d0/f0.c\n@@ -3 +3 @@\n-c\n+C\n"); // f0.c a second time: planned in order
    d.append("--- /dev/null\n+++ b/d5/new.c\n@@ -0,0 +1 @@\n+n\n");
    // creations and deletions are solos too; a path deleted and created again is not
    Files.writeString(root.resolve("d3/gone.c"), "g\n");
    Files.writeString(root.resolve("d4/again.c"), "x\n");
    d.append("--- a/d3/gone.c\n+++ /dev/null\n@@ -1 +0,0 @@\n-g\n");
    d.append("--- /dev/null\n+++ b/d2/new2.c\n@@ -0,0 +1 @@\n+m\n");
    d.append("--- a/d4/again.c\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n");
    d.append("--- /dev/null\n+++ b/d4/again.c\n@@ -0,0 +1 @@\n+y\n");
    return Patchset.parse("mixed.diff", d.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The digests in order without their stamps, which say when each file was read. */
  private static List<Map.Entry<String, Plan.Digest>> unstamped(Plan p) {
    List<Map.Entry<String, Plan.Digest>> out = new ArrayList<>();
    p.digests().forEach((k, d) -> out.add(Map.entry(k, new Plan.Digest(d.before(), d.after(), d.beforeBytes(),
        d.afterBytes(), null))));
    return out;
  }

  @Test
  void theSameFilePlansAndDigestsInTheSameOrder() throws Exception {
    Patchset ps = mixed();
    Tree tree = Tree.open(root);
    Plan solos = Plan.of(ps, 1, tree);
    Plan inOrder = Plan.of(ps, 1, new InOrder(tree));
    assertEquals(inOrder.files(), solos.files());
    assertEquals(unstamped(inOrder), unstamped(solos));
    assertTrue(solos.digests().values().stream().allMatch(d -> (d.before() == null) == (d.seen() == null)),
        "every file read has the stamp of that read");
    assertFalse(solos.applies());
    assertEquals(inOrder.files(), Plan.check(ps, 1, tree).files());
  }

  @Test
  void theFirstFailureInOrderIsTheOneThrown() throws Exception {
    Patchset ps = mixed();
    // Hard links make a read fail: a solo late in the patchset and one early on; the early one is thrown.
    Files.createLink(root.resolve("elsewhere-late"), root.resolve("d3/f57.c"));
    Files.createLink(root.resolve("elsewhere-early"), root.resolve("d2/f8.c"));
    Tree tree = Tree.open(root);
    TargetRefusedException solos = assertThrows(TargetRefusedException.class, () -> Plan.of(ps, 1, tree));
    TargetRefusedException inOrder =
        assertThrows(TargetRefusedException.class, () -> Plan.of(ps, 1, new InOrder(tree)));
    assertEquals(inOrder.getMessage(), solos.getMessage());
    assertEquals("d2/f8.c", inOrder.source(), inOrder.getMessage());
    assertEquals("d2/f8.c", solos.source(), solos.getMessage());
    for (int n = 0; n < 20; n++) { // two threads race for the solos: the answer must not depend on who wins
      TargetRefusedException again = assertThrows(TargetRefusedException.class, () -> Plan.of(ps, 1, tree));
      assertEquals("d2/f8.c", again.source(), "run " + n);
    }
  }

  @Test
  void aFailureBeforeTheFailingSoloIsThrownFirst() throws Exception {
    Patchset ps = mixed();
    // d0/f0.c is named twice (planned in order, first); a solo after it fails too.
    Files.createLink(root.resolve("elsewhere-0"), root.resolve("d0/f0.c"));
    Files.createLink(root.resolve("elsewhere-1"), root.resolve("d1/f13.c"));
    Tree tree = Tree.open(root);
    TargetRefusedException e = assertThrows(TargetRefusedException.class, () -> Plan.of(ps, 1, tree));
    assertEquals("d0/f0.c", e.source());
  }
}
