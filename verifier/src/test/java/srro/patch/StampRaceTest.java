package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that lands after a look's stat and before its read, undone before the last look: the stamp must not
 * vouch for the bytes read (found by an independent review). The write is made by a hook in the thread that
 * opens the file, which runs between the two, and undone by the hook of the next open.
 */
class StampRaceTest {
  @TempDir Path tmp;

  @Test
  void aWriteDuringTheLoadsReadIsCaughtEvenWhenUndoneBeforeTheLastLook() throws Exception {
    Duration margin = Stamp.margin;
    Stamp.margin = Duration.ofMillis(30);
    Path a = tmp.resolve("a.c");
    Files.writeString(a, "one\ntwo\nxyz\n");
    Thread.sleep(100);
    // group-writable, so each open is the bounded one, on the opener's thread, where the hook runs
    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxr-x"));
    Tree tree = Tree.open(tmp);
    // One file: each open after the plan's is then this file's, the load's first, and the last look's next.
    String diff = "--- a.c\n+++ a.c\n@@ -1,2 +1,2 @@\n one\n-two\n+TWO\n";
    List<Change> changes = Plan.of(Patchset.parse("d", diff.getBytes(StandardCharsets.ISO_8859_1)), 0, tree)
        .changes(tree);
    Field f = srro.TimedOpen.class.getDeclaredField("OPENER");
    f.setAccessible(true);
    ThreadPoolExecutor opener = (ThreadPoolExecutor) f.get(null);
    long keepAlive = opener.getKeepAliveTime(TimeUnit.NANOSECONDS);
    ThreadFactory factory = opener.getThreadFactory();
    opener.setKeepAliveTime(1, TimeUnit.NANOSECONDS); // every open on a new thread, which runs the hook first
    Thread.sleep(50);
    AtomicInteger phase = new AtomicInteger();
    opener.setThreadFactory(r -> factory.newThread(() -> {
      try {
        if (phase.get() == 0 && Files.readString(a).equals("one\ntwo\nxyz\n")) {
          Files.writeString(a, "one\ntwo\nXYZ\n"); // read by the load, after its stat
          phase.set(1);
        } else if (phase.get() == 1) {
          Files.writeString(a, "one\ntwo\nxyz\n"); // put back before the last look
          phase.set(2);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      r.run();
    }));
    try {
      TreeChangedException e = assertThrows(TreeChangedException.class, () -> Transaction.apply(tree, changes));
      assertEquals("a.c: changed while the patch was prepared; nothing was changed", e.getMessage());
    } finally {
      Stamp.margin = margin;
      opener.setThreadFactory(factory);
      opener.setKeepAliveTime(keepAlive, TimeUnit.NANOSECONDS);
    }
    assertTrue(phase.get() >= 1, "the write landed between the load's stat and its read");
    assertEquals("one\ntwo\nXYZ\n", Files.readString(a), "only the hook wrote a.c");
    assertTrue(Files.notExists(tmp.resolve("a.c.orig")));
  }
}
