package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process at its thread limit (a cgroup's pids.max) gets no helper thread: planning, writing and syncing then
 * happen on the calling thread, with the same result, instead of failing as a bug.
 */
class NoThreadsTest {
  @TempDir Path root;

  @BeforeEach
  void refuseThreads() {
    srro.Threads.refuse = true;
  }

  @AfterEach
  void allowThreads() {
    srro.Threads.refuse = false;
  }

  @Test
  void aPatchsetAppliesAndRollsBackWithoutHelperThreads() throws Exception {
    StringBuilder diff = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      Path f = root.resolve("d" + i % 3 + "/f" + i + ".c");
      Files.createDirectories(f.getParent());
      Files.writeString(f, "a\nb" + i + "\nc\n");
      diff.append("--- a/d").append(i % 3).append("/f").append(i).append(".c\n+++ b/d").append(i % 3).append("/f")
          .append(i).append(".c\n@@ -1,3 +1,3 @@\n a\n-b").append(i).append("\n+B").append(i).append("\n c\n");
    }
    diff.append("--- /dev/null\n+++ b/d0/new.c\n@@ -0,0 +1 @@\n+n\n");
    Tree tree = Tree.open(root);
    Plan plan = Plan.of(Patchset.parse("d", diff.toString().getBytes(StandardCharsets.UTF_8)), 1, tree);
    assertTrue(plan.applies());
    List<Change> changes = plan.changes(tree);
    Transaction.apply(tree, changes);
    for (int i = 0; i < 12; i++) {
      assertEquals("a\nB" + i + "\nc\n", Files.readString(root.resolve("d" + i % 3 + "/f" + i + ".c")));
      assertEquals("a\nb" + i + "\nc\n", Files.readString(root.resolve("d" + i % 3 + "/f" + i + ".c.orig")));
    }
    assertEquals("n\n", Files.readString(root.resolve("d0/new.c")));
    assertEquals(changes.size(), Transaction.rollback(tree).size());
    for (int i = 0; i < 12; i++) {
      assertEquals("a\nb" + i + "\nc\n", Files.readString(root.resolve("d" + i % 3 + "/f" + i + ".c")));
    }
  }
}
