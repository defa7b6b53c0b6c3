package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step before the commit marker, which loads every change and writes its temporary on two threads: the
 * first failure in order is the one reported, and nothing of the tree is changed by a failed one.
 */
class TransactionPrepareTest {
  @TempDir Path root;

  private static final int FILES = 40;

  /** {@link #FILES} files in four directories, and the changes of a plan that edits every one. */
  private List<Change> planned() throws Exception {
    StringBuilder diff = new StringBuilder();
    for (int i = 0; i < FILES; i++) {
      String name = "d" + i % 4 + "/f" + i + ".c";
      Files.createDirectories(root.resolve(name).getParent());
      Files.writeString(root.resolve(name), "a\nb" + i + "\nc\n");
      diff.append("--- a/").append(name).append("\n+++ b/").append(name).append("\n@@ -1,3 +1,3 @@\n a\n-b")
          .append(i).append("\n+B").append(i).append("\n c\n");
    }
    Tree tree = Tree.open(root);
    Plan plan = Plan.of(Patchset.parse("d", diff.toString().getBytes(StandardCharsets.UTF_8)), 1, tree);
    assertTrue(plan.applies());
    return plan.changes(tree);
  }

  private void assertUntouched() throws Exception {
    for (int i = 0; i < FILES; i++) {
      assertEquals("a\nb" + i + "\nc\n", Files.readString(root.resolve("d" + i % 4 + "/f" + i + ".c")));
    }
    try (Stream<Path> s = Files.walk(root)) {
      List<String> left = s.map(p -> root.relativize(p).toString())
          .filter(n -> !n.startsWith(Transaction.STATE_DIR) && (n.contains(".srro-") || n.endsWith(".orig"))).toList();
      assertEquals(List.of(), left, "temporaries or backups left in the tree");
    }
    assertEquals(Transaction.Recovery.NOTHING_PENDING, Transaction.recover(Tree.open(root)));
  }

  @Test
  void theFirstFailureInOrderIsThrownAndNothingIsChanged() throws Exception {
    List<Change> changes = new ArrayList<>(planned());
    int early = changes.size() / 5;
    int later = early + 1; // started at once by the other thread, and made to fail first
    IOException first = new TreeChangedException(changes.get(early).path() + ": its directory disappeared");
    IOException second = new TreeChangedException(changes.get(later).path() + ": unreadable");
    java.util.concurrent.CountDownLatch laterFailed = new java.util.concurrent.CountDownLatch(1);
    Change e = changes.get(early);
    changes.set(early, new Change(e.path(), e.before(), e.after(), e.bytes(), e.seen(), tree -> {
      try {
        laterFailed.await(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
      }
      throw first;
    }));
    Change l = changes.get(later);
    changes.set(later, new Change(l.path(), l.before(), l.after(), l.bytes(), l.seen(), tree -> {
      laterFailed.countDown();
      throw second;
    }));
    assertSame(first, assertThrows(IOException.class, () -> Transaction.apply(Tree.open(root), changes)));
    assertUntouched();
  }

  @Test
  void aFileWhoseContentIsNotWhatThePlanHashedStopsTheTransaction() throws Exception {
    List<Change> changes = new ArrayList<>(planned());
    int k = changes.size() / 2;
    Change c = changes.get(k);
    byte[] other = "a\nb-other\nc\n".getBytes(StandardCharsets.US_ASCII);
    // Loaded with no stamp, as from a file written since the plan: hashed again, and the hash is not the plan's.
    changes.set(k, new Change(c.path(), c.before(), c.after(), c.bytes(), c.seen(),
        tree -> new Change.Content(other, other, null)));
    TreeChangedException e =
        assertThrows(TreeChangedException.class, () -> Transaction.apply(Tree.open(root), changes));
    assertEquals(c.path() + ": changed while the patch was prepared; nothing was changed", e.getMessage());
    assertUntouched();
  }

  @Test
  void aCrashOnOneThreadStopsTheOther() throws Exception {
    List<Change> changes = planned();
    RuntimeException crash = new RuntimeException("kill -9");
    List<String> after = new ArrayList<>();
    Tree tree = Tree.open(root);
    assertSame(crash, assertThrows(RuntimeException.class, () -> Transaction.apply(tree, changes, (step, what) -> {
      synchronized (after) {
        if (!after.isEmpty()) {
          after.add(what);
        }
        if (what.startsWith("temp ") && after.isEmpty()) {
          after.add(what);
          throw crash;
        }
      }
    })));
    assertEquals(1, after.size(), "no step is reached after the crash: " + after);
    assertEquals(Transaction.Recovery.ROLLED_BACK, Transaction.recover(tree));
    assertUntouched();
  }
}
