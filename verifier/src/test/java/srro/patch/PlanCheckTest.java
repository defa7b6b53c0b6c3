package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan.check answers as Plan.of does, hashes nothing, and cannot be written with. */
class PlanCheckTest {
  @TempDir Path root;

  private static final String DIFF =
      "--- f.c\n+++ f.c\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
          + "--- g.c\n+++ g.c\n@@ -2,3 +2,3 @@\n x\n-y\n+Y\n z\n"
          + "--- f.c\n+++ f.c\n@@ -3 +3 @@\n-c\n+C\n";

  @Test
  void sameResultsWithoutDigests() throws Exception {
    Files.writeString(root.resolve("f.c"), "a\nb\nc\n");
    Files.writeString(root.resolve("g.c"), "w\nx\nq\nz\n");
    Patchset ps = Patchset.parse("d", DIFF.getBytes(StandardCharsets.ISO_8859_1));
    Plan full = Plan.of(ps, 0, Tree.open(root));
    Plan check = Plan.check(ps, 0, Tree.open(root));
    assertEquals(full.files(), check.files());
    assertEquals(full.applies(), check.applies());
    assertTrue(check.digests().isEmpty());
    assertEquals(2, full.digests().size());
  }

  @Test
  void checkedPlanIsNotWritable() throws Exception {
    Files.writeString(root.resolve("f.c"), "a\nb\nc\n");
    Files.writeString(root.resolve("g.c"), "w\nx\ny\nz\n");
    Patchset ps = Patchset.parse("d", DIFF.getBytes(StandardCharsets.ISO_8859_1));
    Tree tree = Tree.open(root);
    assertTrue(Plan.check(ps, 0, tree).applies());
    assertThrows(IllegalStateException.class, () -> Plan.check(ps, 0, tree).changes(tree));
    assertNotNull(Plan.of(ps, 0, tree).changes(tree));
  }
}
