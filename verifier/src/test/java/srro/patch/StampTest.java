package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file's stamp stands for its content only while no write could hide from it: every write that keeps the size
 * and puts the modification time back still changes the ctime, and a file written just before its look is
 * hashed instead. The margin is lowered to 30 ms here (still above the kernel clock's tick), and each tree is
 * left alone for longer than that before it is looked at.
 */
class StampTest {
  private static final Duration SETTLE = Duration.ofMillis(80);

  @TempDir Path tmp;
  private Duration margin;
  private Tree tree;

  @BeforeEach
  void lowerTheMargin() {
    margin = Stamp.margin;
    Stamp.margin = Duration.ofMillis(30);
  }

  @AfterEach
  void restoreTheMargin() {
    Stamp.margin = margin;
  }

  private Path file(String name, String content) throws Exception {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  private static void settle() throws InterruptedException {
    Thread.sleep(SETTLE.toMillis());
  }

  /** Lets the files settle, then looks at {@code name} as a plan does: the stamp it would keep. */
  private Stamp settledLook(String name) throws Exception {
    settle();
    tree = Tree.open(tmp);
    return tree.look(name).stamp();
  }

  /** Rewrites {@code p} in place with {@code content} of the same length and puts its modification time back. */
  private static void rewriteKeepingSizeAndTime(Path p, String content) throws java.io.IOException {
    FileTime t = Files.getLastModifiedTime(p);
    assertEquals(Files.size(p), content.getBytes(StandardCharsets.UTF_8).length);
    Files.writeString(p, content);
    Files.setLastModifiedTime(p, t);
  }

  @Test
  void anUnwrittenFileIsRecognisedWithoutReadingIt() throws Exception {
    file("d/a.c", "one\n");
    settle();
    Tree tree = Tree.open(tmp);
    Source.Look look = tree.look("d/a.c");
    assertNotNull(look.stamp());
    assertTrue(look.stamp().settled());
    assertTrue(tree.unchanged("d/a.c", look.stamp()));
  }

  @Test
  void aWriteThatKeepsSizeAndModificationTimeIsSeenByItsCtime() throws Exception {
    Path p = file("a.c", "one\n");
    Stamp s = settledLook("a.c");
    rewriteKeepingSizeAndTime(p, "two\n");
    assertFalse(tree.unchanged("a.c", s));
  }

  @Test
  void aFileWrittenJustBeforeItsLookIsNotTrusted() throws Exception {
    Stamp.margin = Duration.ofSeconds(60);
    file("a.c", "one\n");
    Tree tree = Tree.open(tmp);
    Stamp s = tree.look("a.c").stamp();
    assertFalse(s.settled());
    assertFalse(tree.unchanged("a.c", s));
  }

  @Test
  void aFileReplacedByRenameIsNotTheSameFile() throws Exception {
    Path p = file("a.c", "one\n");
    Stamp s = settledLook("a.c");
    Path q = file("b.c", "two\n");
    Files.setLastModifiedTime(q, Files.getLastModifiedTime(p));
    Files.move(q, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertFalse(tree.unchanged("a.c", s));
  }

  @Test
  void aSymbolicLinkSwappedInIsNoLongerTheFile() throws Exception {
    Path p = file("a.c", "one\n");
    Path elsewhere = file("x/a.c", "one\n");
    Stamp s = settledLook("a.c");
    Files.delete(p);
    Files.createSymbolicLink(p, elsewhere);
    assertFalse(tree.unchanged("a.c", s));
  }

  @Test
  void aHardLinkMadeSinceIsRefusedAsReadingItWouldBe() throws Exception {
    Path p = file("a.c", "one\n");
    Stamp s = settledLook("a.c");
    Files.createLink(tmp.resolve("planted"), p);
    TargetRefusedException e = assertThrows(TargetRefusedException.class, () -> tree.unchanged("a.c", s));
    assertTrue(e.getMessage().contains("has 2 hard links"), e.getMessage());
  }

  @Test
  void aDeletedFileIsNotUnchanged() throws Exception {
    Path p = file("a.c", "one\n");
    Stamp s = settledLook("a.c");
    Files.delete(p);
    assertFalse(tree.unchanged("a.c", s));
  }

  @Test
  void aTreeOnAFileSystemWithoutKernelKeptCtimeKeepsNoStampsAndHashesEverything() throws Exception {
    file("a.c", "one\ntwo\n");
    file("b.c", "uno\ndos\n");
    settle();
    Tree plain = Tree.openWithoutStamps(tmp);
    assertEquals(null, plain.look("a.c").stamp());
    List<Change> changes = plan(plain, DIFF).changes(plain);
    assertTrue(changes.stream().allMatch(c -> c.seen() == null));
    Transaction.apply(plain, changes);
    assertEquals("one\nTWO\n", Files.readString(tmp.resolve("a.c")));
    assertTrue(Tree.KERNEL_CTIME.contains(Files.getFileStore(tmp).type()), "the tests' own file system keeps"
        + " stamps: " + Files.getFileStore(tmp).type());
  }

  @Test
  void wholeSecondTimesGetTheCoarseMargin() {
    long second = 1_700_000_000L * 1_000_000_000L;
    Object key = "k";
    assertFalse(new Stamp(key, 1, second, second, second + Duration.ofSeconds(2).toNanos()).settled(),
        "a file system that rounds to two seconds could hide a write in the same two seconds");
    assertTrue(new Stamp(key, 1, second, second, second + Duration.ofSeconds(4).toNanos()).settled());
    long fine = second + 1;
    assertTrue(new Stamp(key, 1, fine, fine, fine + Duration.ofMillis(31).toNanos()).settled());
    assertFalse(new Stamp(key, 1, fine, fine, fine + Duration.ofMillis(29).toNanos()).settled());
    assertFalse(new Stamp(key, 1, fine, fine + 2, fine).settled(), "a ctime after the look");
  }

  @Test
  void unchangedNeedsEveryFieldTheSameAndASettledFirstLook() {
    long t = 1_700_000_000_123_456_789L;
    long seen = t + Duration.ofSeconds(1).toNanos();
    Stamp s = new Stamp("k", 10, t, t, seen);
    assertTrue(s.unchangedAt(new Stamp("k", 10, t, t, seen + 5)));
    assertFalse(s.unchangedAt(new Stamp("other", 10, t, t, seen)));
    assertFalse(s.unchangedAt(new Stamp("k", 11, t, t, seen)));
    assertFalse(s.unchangedAt(new Stamp("k", 10, t + 1, t, seen)));
    assertFalse(s.unchangedAt(new Stamp("k", 10, t, t + 1, seen)));
    assertFalse(s.unchangedAt(null));
    assertFalse(new Stamp("k", 10, t, t, t).unchangedAt(new Stamp("k", 10, t, t, seen)), "not settled");
    assertFalse(new Stamp(null, 10, t, t, seen).unchangedAt(new Stamp(null, 10, t, t, seen)), "no file key");
  }

  private static Plan plan(Tree tree, String diff) throws Exception {
    return Plan.of(Patchset.parse("d", diff.getBytes(StandardCharsets.ISO_8859_1)), 0, tree);
  }

  private static final String DIFF = "--- a.c\n+++ a.c\n@@ -1,2 +1,2 @@\n one\n-two\n+TWO\n"
      + "--- b.c\n+++ b.c\n@@ -1,2 +1,2 @@\n uno\n-dos\n+DOS\n";

  @Test
  void aSettledTreeIsPatchedAndRolledBackAsWhenEveryFileIsHashed() throws Exception {
    file("a.c", "one\ntwo\n");
    file("b.c", "uno\ndos\n");
    settle();
    Tree tree = Tree.open(tmp);
    Plan p = plan(tree, DIFF);
    List<Change> changes = p.changes(tree);
    assertTrue(changes.stream().filter(c -> !c.path().endsWith(".orig")).allMatch(c -> c.seen().settled()));
    Transaction.apply(tree, changes);
    assertEquals("one\nTWO\n", Files.readString(tmp.resolve("a.c")));
    assertEquals("one\ntwo\n", Files.readString(tmp.resolve("a.c.orig")));
    assertEquals("uno\nDOS\n", Files.readString(tmp.resolve("b.c")));
    assertEquals(List.of("b.c.orig", "b.c", "a.c.orig", "a.c"), Transaction.rollback(tree));
    assertEquals("one\ntwo\n", Files.readString(tmp.resolve("a.c")));
    assertEquals("uno\ndos\n", Files.readString(tmp.resolve("b.c")));
  }

  @Test
  void aWriteHiddenFromSizeAndModificationTimeAfterThePlanStopsTheTransaction() throws Exception {
    aHiddenWriteToAStopsTheTransaction(null);
  }

  @Test
  void aWriteHiddenFromSizeAndModificationTimeAfterTheFileWasLoadedStopsTheTransaction() throws Exception {
    aHiddenWriteToAStopsTheTransaction("temp b.c"); // a.c is loaded before b.c is written, or after: refused both ways
  }

  /** a.c rewritten in place, size and mtime kept, before the apply ({@code at} null) or at step {@code at}. */
  private void aHiddenWriteToAStopsTheTransaction(String at) throws Exception {
    Path a = file("a.c", "one\ntwo\n");
    file("b.c", "uno\ndos\n");
    settle();
    Tree tree = Tree.open(tmp);
    List<Change> changes = plan(tree, DIFF).changes(tree);
    if (at == null) {
      rewriteKeepingSizeAndTime(a, "one\ntwx\n");
    }
    TreeChangedException e = assertThrows(TreeChangedException.class,
        () -> Transaction.apply(tree, changes, (step, what) -> {
          if (what.equals(at)) {
            rewriteKeepingSizeAndTime(a, "one\ntwx\n");
          }
        }));
    assertEquals("a.c: changed while the patch was prepared; nothing was changed", e.getMessage());
    assertEquals("one\ntwx\n", Files.readString(a));
    assertEquals("uno\ndos\n", Files.readString(tmp.resolve("b.c")));
    assertFalse(Files.exists(tmp.resolve("a.c.orig")));
  }
}
