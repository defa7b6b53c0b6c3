package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transaction's contents arrive in order, hashed, within the memory budget, failures where they happened. */
class PrefetchTest {
  @TempDir Path root;

  private static Change change(int i, int size, AtomicInteger loads, IOException failure) {
    byte[] before = new byte[size];
    before[0] = (byte) i;
    byte[] after = new byte[size];
    after[0] = (byte) (i + 1);
    return new Change("f" + i, DurableFiles.hash(before), DurableFiles.hash(after), 2L * size, tree -> {
      loads.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
      return new Change.Content(before, after);
    });
  }

  @Test
  void inTheOrderGivenWithTheirHashes() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      changes.add(change(i, 10, loads, null));
    }
    int[] order = {0, 2, 3, 4};
    try (Prefetch p = new Prefetch(Tree.open(root), changes, order)) {
      for (int i : order) {
        Prefetch.Loaded l = p.take();
        assertEquals(changes.get(i).before(), l.before());
        assertEquals(changes.get(i).after(), l.after());
        assertEquals((byte) i, l.content().before()[0]);
      }
    }
    assertEquals(4, loads.get());
  }

  @Test
  void holdsAtMostTheBudgetAhead() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    int size = 256 << 10; // 512 KiB a change: two fit in the 1 MiB budget, a third does not
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      changes.add(change(i, size, loads, null));
    }
    try (Prefetch p = new Prefetch(Tree.open(root), changes, new int[] {0, 1, 2, 3, 4, 5, 6, 7})) {
      settlesAt(2, loads); // two held; the third is not loaded until there is room for it
      p.take();
      settlesAt(3, loads);
    }
    assertTrue(loads.get() <= 3, "close stops the loading");
  }

  /** Waits (on a slow machine, long) for {@code n} loads, then checks no further one comes meanwhile. */
  private static void settlesAt(int n, AtomicInteger loads) throws InterruptedException {
    for (long end = System.nanoTime() + 20_000_000_000L; loads.get() < n && System.nanoTime() < end; ) {
      Thread.sleep(5);
    }
    Thread.sleep(100);
    assertEquals(n, loads.get());
  }

  @Test
  void oneChangeLargerThanTheBudgetStillLoads() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    List<Change> changes = List.of(change(0, 3 << 20, loads, null), change(1, 3 << 20, loads, null));
    try (Prefetch p = new Prefetch(Tree.open(root), changes, new int[] {0, 1})) {
      assertEquals((byte) 0, p.take().content().before()[0]);
      assertEquals((byte) 1, p.take().content().before()[0]);
    }
  }

  @Test
  void aFailureIsThrownWhereItHappenedAndStopsTheLoading() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    IOException gone = new TreeChangedException("f2: its directory disappeared during the transaction");
    List<Change> changes = List.of(change(0, 10, loads, null), change(1, 10, loads, null),
        change(2, 10, loads, gone), change(3, 10, loads, null));
    try (Prefetch p = new Prefetch(Tree.open(root), changes, new int[] {0, 1, 2, 3})) {
      assertEquals((byte) 1, p.take().content().after()[0]);
      p.take();
      assertSame(gone, assertThrows(IOException.class, p::take));
    }
    assertEquals(3, loads.get());
  }

  @Test
  void aFileUnwrittenSinceThePlanIsNotHashedAgainAnyOtherIs() throws Exception {
    long t = 1_700_000_000_123_456_789L;
    Stamp planned = new Stamp("k", 3, t, t, t + 1_000_000_000L);
    Stamp same = new Stamp("k", 3, t, t, t + 2_000_000_000L);
    Stamp written = new Stamp("k", 3, t, t + 5, t + 2_000_000_000L);
    byte[] before = {1, 2, 3};
    byte[] after = {1, 2, 4};
    // hashes the change claims that are not those of its bytes: only a load that hashes finds out
    List<Change> changes = List.of(
        new Change("f0", "claimed-before", "claimed-after", 6, planned, tree -> new Change.Content(before, after,
            same)),
        new Change("f1", "claimed-before", "claimed-after", 6, planned, tree -> new Change.Content(before, after,
            written)),
        new Change("f2", "claimed-before", "claimed-after", 6, null, tree -> new Change.Content(before, after,
            same)));
    try (Prefetch p = new Prefetch(Tree.open(root), changes, new int[] {0, 1, 2})) {
      Prefetch.Loaded unwritten = p.take();
      assertEquals("claimed-before", unwritten.before());
      assertEquals("claimed-after", unwritten.after());
      for (int i = 1; i < 3; i++) {
        Prefetch.Loaded hashed = p.take();
        assertEquals(DurableFiles.hash(before), hashed.before());
        assertEquals(DurableFiles.hash(after), hashed.after());
      }
    }
  }
}
