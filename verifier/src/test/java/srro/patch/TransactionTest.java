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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All or nothing, crash recovery to exactly the old or exactly the new tree, rollback, pending detection. */
class TransactionTest {
  @TempDir Path tmp;

  private static String lines(String prefix, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      sb.append(prefix).append(' ').append(i).append('\n');
    }
    return sb.toString();
  }

  /** A tree of four files under two directories and a diff changing three, deleting one, creating one. */
  private Path tree(Path root) throws IOException {
    for (int f = 0; f < 4; f++) {
      Path p = root.resolve("d" + (f % 2) + "/f" + f + ".c");
      Files.createDirectories(p.getParent());
      Files.writeString(p, lines("file" + f, 40));
    }
    return root;
  }

  private static String hunk(String file, int f, boolean breakLast) {
    String removed = breakLast ? "not there" : "file" + f;
    return "--- " + file + "\n+++ " + file + "\n@@ -9,3 +9,3 @@\n file" + f + " 9\n-" + removed
        + " 10\n+changed\n file" + f + " 11\n";
  }

  private static String diff(boolean breakLast) {
    return "description\n\n" + hunk("d0/f0.c", 0, false) + hunk("d1/f1.c", 1, false)
        + "--- d0/f2.c\n+++ /dev/null\n@@ -1,40 +0,0 @@\n" + lines("-file2", 40)
        + "--- /dev/null\n+++ newdir/sub/made.c\n@@ -0,0 +1,2 @@\n+made 1\n+made 2\n"
        + hunk("d1/f3.c", 3, breakLast);
  }

  private static Plan plan(Path root, String diff) throws Exception {
    return Plan.of(Patchset.parse("d", diff.getBytes(StandardCharsets.ISO_8859_1)), 0, Tree.open(root));
  }

  /** The tree at {@code root} with {@link #diff}(false) applied. */
  private static Tree patched(Path root) throws Exception {
    Tree tree = Tree.open(root);
    Transaction.apply(tree, plan(root, diff(false)).changes(tree), Transaction.Checkpoint.NONE);
    return tree;
  }

  @Test
  void patchsetWhoseLastHunkFailsLeavesTheTreeByteIdentical() throws Exception {
    Path root = tree(tmp.resolve("t"));
    TreeSnapshot before = TreeSnapshot.of(root, true);
    Plan p = plan(root, diff(true));
    assertFalse(p.applies());
    assertTrue(p.files().subList(0, 4).stream().allMatch(f -> f.result().status() == FileResult.Status.APPLIES));
    assertThrows(IllegalStateException.class, () -> p.changes(Tree.open(root)));
    assertEquals(before, TreeSnapshot.of(root, true));
    assertFalse(Files.exists(root.resolve(".srro-patch")));
  }

  @Test
  void applyThenRollbackRestoresTheOldTree() throws Exception {
    Path root = tree(tmp.resolve("t"));
    TreeSnapshot old = TreeSnapshot.of(root, true);
    Tree tree = Tree.open(root);
    Plan p = plan(root, diff(false));
    Transaction.apply(tree, p.changes(tree), Transaction.Checkpoint.NONE);
    assertTrue(Files.readString(root.resolve("d0/f0.c")).contains("file0 9\nchanged\nfile0 11\n"));
    assertFalse(Files.exists(root.resolve("d0/f2.c")));
    assertEquals(lines("file2", 40), Files.readString(root.resolve("d0/f2.c.orig")));
    assertEquals("made 1\nmade 2\n", Files.readString(root.resolve("newdir/sub/made.c")));
    List<String> restored = Transaction.rollback(tree, Transaction.Checkpoint.NONE);
    assertTrue(restored.contains("d0/f2.c"));
    TreeSnapshot now = TreeSnapshot.of(root, true);
    assertEquals(old.files(), now.files());
    assertFalse(Files.exists(root.resolve("newdir")), "the directories the patchset created are gone too");
    assertEquals(List.of(), Transaction.rollback(tree, Transaction.Checkpoint.NONE), "nothing left to roll back");
  }

  @Test
  void rollbackKeepsACreatedDirectoryThatHoldsSomethingElseNow() throws Exception {
    Path root = tree(tmp.resolve("t"));
    Tree tree = patched(root);
    Files.writeString(root.resolve("newdir/notes.txt"), "mine\n");
    assertTrue(Transaction.rollback(tree).contains("newdir/sub/made.c"));
    assertFalse(Files.exists(root.resolve("newdir/sub")));
    assertEquals("mine\n", Files.readString(root.resolve("newdir/notes.txt")));
  }

  @Test
  void aCreatedDirectorySwappedForALinkAfterTheRollbackCommittedStaysAndTheRollbackSucceeds() throws Exception {
    Path root = tree(tmp.resolve("t"));
    Tree tree = patched(root);
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/sub"));
    List<String> restored = Transaction.rollback(tree, (step, what) -> {
      if (what.equals("journal retired")) { // a group member swaps newdir for a link
        Files.move(root.resolve("newdir"), tmp.resolve("moved"));
        Files.createSymbolicLink(root.resolve("newdir"), elsewhere.getParent());
      }
    });
    assertTrue(restored.contains("newdir/sub/made.c"));
    assertTrue(Files.isDirectory(elsewhere), "nothing is removed through the link");
    assertTrue(Files.isSymbolicLink(root.resolve("newdir")));
    assertFalse(Files.exists(root.resolve(".srro-patch/commit")));
    Transaction.requireNonePending(tree);
    assertEquals(List.of(), Transaction.rollback(tree));
  }

  @Test
  void aRollbackInterruptedAfterItsCommitRemovesTheCreatedDirectoriesOnRecovery() throws Exception {
    Path root = tree(tmp.resolve("t"));
    Tree tree = patched(root);
    assertThrows(IOException.class, () -> Transaction.rollback(tree, crashAt("commit written")));
    assertTrue(Files.exists(root.resolve("newdir/sub")));
    assertEquals(Transaction.Recovery.ROLLED_FORWARD, Transaction.recover(tree));
    assertFalse(Files.exists(root.resolve("newdir")));
    assertEquals(lines("file2", 40), Files.readString(root.resolve("d0/f2.c")));
  }

  @Test
  void refusesRollbackWhenAFileChangedSinceTheApply() throws Exception {
    Path root = tree(tmp.resolve("t"));
    Tree tree = patched(root);
    Files.writeString(root.resolve("d0/f0.c"), "edited by hand\n");
    TreeChangedException e =
        assertThrows(TreeChangedException.class, () -> Transaction.rollback(tree, Transaction.Checkpoint.NONE));
    assertEquals("d0/f0.c: changed since the patchset was applied; not rolled back", e.getMessage());
  }

  @Test
  void everyLaterRunRefusesWhileATransactionIsPendingAndRecoverClearsIt() throws Exception {
    Path root = tree(tmp.resolve("t"));
    Tree tree = Tree.open(root);
    Plan p = plan(root, diff(false));
    assertThrows(
        IOException.class,
        () -> Transaction.apply(tree, p.changes(tree), (step, what) -> {
          if (step == 3) {
            throw new IOException("simulated crash");
          }
        }));
    PendingTransactionException e =
        assertThrows(PendingTransactionException.class, () -> Transaction.requireNonePending(tree));
    assertTrue(e.getMessage().contains("run 'srro patch recover"), e.getMessage());
    assertThrows(PendingTransactionException.class,
        () -> Transaction.apply(tree, p.changes(tree), Transaction.Checkpoint.NONE));
    assertEquals(Transaction.Recovery.ROLLED_BACK, Transaction.recover(tree, Transaction.Checkpoint.NONE));
    assertEquals(Transaction.Recovery.NOTHING_PENDING, Transaction.recover(tree, Transaction.Checkpoint.NONE));
    Transaction.requireNonePending(tree);
  }

  @Test
  void killedAtEveryStepAndAtRandomMomentsRecoversToExactlyOldOrNew() throws Exception {
    Path shm = Path.of("/dev/shm");
    Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "srro") : tmp;
    try {
      crashTrials(base);
    } finally {
      if (!base.equals(tmp)) {
        try (var s = Files.walk(base)) {
          for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
  }

  /** Trials under {@code base} (tmpfs when there is one: fsync is what makes a disk slow, not what is tested). */
  private void crashTrials(Path base) throws Exception {
    Path template = tree(base.resolve("template"));
    TreeSnapshot old = TreeSnapshot.of(template, true);
    Path newRoot = base.resolve("new");
    TreeSnapshot.copy(template, newRoot);
    Tree nt = Tree.open(newRoot);
    Transaction.apply(nt, plan(newRoot, diff(false)).changes(nt), Transaction.Checkpoint.NONE);
    TreeSnapshot neu = TreeSnapshot.of(newRoot, true);
    Path diffFile = base.resolve("p.diff");
    Files.writeString(diffFile, diff(false), StandardCharsets.ISO_8859_1);
    int steps = countSteps(base, template);
    Random r = new Random(42);
    int sawOld = 0;
    int sawNew = 0;
    int trials = 110;
    List<Process> running = new ArrayList<>();
    List<Path> roots = new ArrayList<>();
    for (int trial = 0; trial < trials; trial++) {
      Path root = base.resolve("trial" + trial);
      TreeSnapshot.copy(template, root);
      int haltAt = trial < 100 ? 1 + trial % (steps + 1) : 0;
      roots.add(root);
      running.add(child(root, diffFile, haltAt));
      if (running.size() == 4 || trial == trials - 1) {
        for (int i = 0; i < running.size(); i++) {
          Process p = running.get(i);
          if (p.info().arguments().map(a -> a[a.length - 1].equals("0")).orElse(false)) {
            p.getInputStream().read(new byte[6]);
            Thread.sleep(r.nextInt(40));
            p.destroyForcibly();
          }
          assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        for (Path done : roots) {
          Tree t = Tree.open(done);
          Transaction.recover(t, Transaction.Checkpoint.NONE);
          TreeSnapshot s = TreeSnapshot.of(done, true);
          assertTrue(s.equals(old) || s.equals(neu), done + " is neither the old nor the new tree: " + s);
          sawOld += s.equals(old) ? 1 : 0;
          sawNew += s.equals(neu) ? 1 : 0;
          Transaction.requireNonePending(t);
          try (var list = Files.list(done.resolve("d0"))) {
            assertTrue(list.noneMatch(f -> f.getFileName().toString().contains(".srro-")), "temporaries left");
          }
        }
        running.clear();
        roots.clear();
      }
    }
    assertTrue(sawOld > 10 && sawNew > 10, "old " + sawOld + " new " + sawNew);
  }

  private int countSteps(Path base, Path template) throws Exception {
    Path root = base.resolve("count");
    TreeSnapshot.copy(template, root);
    Tree t = Tree.open(root);
    int[] last = {0};
    Transaction.apply(t, plan(root, diff(false)).changes(t), (step, what) -> last[0] = step);
    return last[0];
  }

  private static Process child(Path root, Path diff, int haltAt) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp",
            System.getProperty("java.class.path"), CrashingApply.class.getName(), root.toString(), diff.toString(),
            "0", Integer.toString(haltAt))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static Transaction.Checkpoint crashAt(String what) {
    return (step, w) -> {
      if (w.equals(what)) {
        throw new IOException("simulated crash at " + what);
      }
    };
  }

  @Test
  void refusesAFileEditedWhileThePatchWasPrepared() throws Exception {
    Path root = tree(tmp.resolve("t"));
    Tree tree = Tree.open(root);
    Plan p = plan(root, diff(false));
    TreeChangedException e = assertThrows(TreeChangedException.class,
        () -> Transaction.apply(tree, p.changes(tree), (step, what) -> {
          if (what.equals("journal written")) {
            Files.writeString(root.resolve("d0/f0.c"), "edited\n");
          }
        }));
    assertEquals("d0/f0.c: changed while the patch was prepared; nothing was changed", e.getMessage());
    assertEquals("edited\n", Files.readString(root.resolve("d0/f0.c")));
    assertEquals(lines("file1", 40), Files.readString(root.resolve("d1/f1.c")));
    assertFalse(Files.exists(root.resolve("newdir")));
    Transaction.requireNonePending(tree);
  }

  @Test
  void recoveryStopsWhenATemporaryFileIsMissing() throws Exception {
    Path root = tree(tmp.resolve("t"));
    Tree tree = Tree.open(root);
    Plan p = plan(root, diff(false));
    assertThrows(IOException.class, () -> Transaction.apply(tree, p.changes(tree), crashAt("commit written")));
    try (var s = Files.list(root.resolve("d0"))) {
      for (Path t : s.filter(f -> f.getFileName().toString().matches("\\.srro-[0-9a-f]{8}-0")).toList()) {
        Files.delete(t);
      }
    }
    TreeChangedException e =
        assertThrows(TreeChangedException.class, () -> Transaction.recover(tree, Transaction.Checkpoint.NONE));
    assertTrue(e.getMessage().matches("d0/\\.srro-[0-9a-f]{8}-0: temporary file missing or damaged"),
        e.getMessage());
    assertThrows(PendingTransactionException.class, () -> Transaction.requireNonePending(tree));
  }

  @Test
  void recoveryStopsWhenATargetWasChangedOutsideSrro() throws Exception {
    Path root = tree(tmp.resolve("t"));
    Tree tree = Tree.open(root);
    Plan p = plan(root, diff(false));
    assertThrows(IOException.class, () -> Transaction.apply(tree, p.changes(tree), crashAt("commit written")));
    Files.writeString(root.resolve("d0/f0.c"), "edited\n");
    TreeChangedException e =
        assertThrows(TreeChangedException.class, () -> Transaction.recover(tree, Transaction.Checkpoint.NONE));
    assertEquals("d0/f0.c: changed outside srro during the transaction", e.getMessage());
  }

  @Test
  void rollbackRefusesADamagedCopy() throws Exception {
    Path root = tree(tmp.resolve("t"));
    // backups left by an earlier patch, which this one replaces: the only old contents copied to the pack
    Files.writeString(root.resolve("d0/f0.c.orig"), "an earlier backup of f0\n");
    Files.writeString(root.resolve("d1/f3.c.orig"), "an earlier backup of f3\n");
    Tree tree = patched(root);
    Path pack = onlyPack(root);
    byte[] b = Files.readAllBytes(pack);
    b[b.length - 2] ^= 1; // the last copy's content: d1/f3.c.orig's
    Files.write(pack, b);
    TreeChangedException e =
        assertThrows(TreeChangedException.class, () -> Transaction.rollback(tree, Transaction.Checkpoint.NONE));
    assertEquals(pack.toRealPath() + ": copy of the old d1/f3.c.orig damaged", e.getMessage());
    Files.write(pack, java.util.Arrays.copyOf(b, 20)); // cut short
    e = assertThrows(TreeChangedException.class, () -> Transaction.rollback(tree, Transaction.Checkpoint.NONE));
    assertEquals(pack.toRealPath() + ": copy of the old d0/f0.c.orig damaged", e.getMessage());
  }

  private static Path onlyPack(Path root) throws IOException {
    try (var s = Files.list(root.resolve(".srro-patch"))) {
      List<Path> packs = s.filter(f -> f.getFileName().toString().endsWith("-pack")).toList();
      assertEquals(1, packs.size(), packs.toString());
      return packs.get(0);
    }
  }

  @Test
  void aFileMovedToItsOrigIsNotCopiedAndRollsBackFromTheOrig() throws Exception {
    Path root = tree(tmp.resolve("t"));
    TreeSnapshot old = TreeSnapshot.of(root, true);
    Tree tree = patched(root);
    assertEquals(List.of("last", "lock"), stateNames(root)); // no pack: every old content is its FILE.orig
    String orig = Files.readString(root.resolve("d0/f0.c.orig"));
    Files.writeString(root.resolve("d0/f0.c.orig"), "edited by hand\n");
    TreeSnapshot edited = TreeSnapshot.of(root, true);
    TreeChangedException e =
        assertThrows(TreeChangedException.class, () -> Transaction.rollback(tree, Transaction.Checkpoint.NONE));
    assertEquals("d0/f0.c.orig: changed since the patchset was applied; not rolled back", e.getMessage());
    assertEquals(edited, TreeSnapshot.of(root, true));
    Files.writeString(root.resolve("d0/f0.c.orig"), orig);
    assertFalse(Transaction.rollback(tree).isEmpty());
    assertEquals(old, TreeSnapshot.of(root, true));
    assertEquals(List.of("lock"), stateNames(root));
  }

  /**
   * An earlier srro copied every old content, also of the files it moved to their FILE.orig: into one pack, or
   * before that into one file per copy. Its rollback data still rolls back.
   */
  @Test
  void theCopiesOfAnEarlierSrroStillRollBack() throws Exception {
    for (boolean inPack : new boolean[] {true, false}) {
      Path root = tree(tmp.resolve("t" + inPack));
      TreeSnapshot old = TreeSnapshot.of(root, true);
      Tree tree = patched(root);
      Path state = root.resolve(".srro-patch");
      String[] lines = Files.readString(state.resolve("last")).split("\n", -1);
      String id = lines[1].substring(3);
      java.io.ByteArrayOutputStream pack = new java.io.ByteArrayOutputStream();
      int entry = 0;
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].startsWith("file ")) {
          continue;
        }
        String[] f = lines[i].substring(5).split("\t", -1);
        if (!f[1].equals("-") && f[4].equals("-")) {
          byte[] c = Files.readAllBytes(root.resolve(f[0] + ".orig"));
          f[4] = Journal.backupName(id, entry);
          lines[i] = "file " + String.join("\t", f);
          if (inPack) {
            pack.write(java.nio.ByteBuffer.allocate(12).putInt(entry).putLong(c.length).array());
            pack.write(c);
          } else {
            Files.write(state.resolve(f[4]), c);
          }
        }
        entry++;
      }
      Files.writeString(state.resolve("last"), String.join("\n", lines));
      if (inPack) {
        Files.write(state.resolve(id + "-pack"), pack.toByteArray());
      }
      assertFalse(Transaction.rollback(tree).isEmpty(), "in a pack: " + inPack);
      assertEquals(old, TreeSnapshot.of(root, true), "in a pack: " + inPack);
      assertEquals(List.of("lock"), stateNames(root), "in a pack: " + inPack);
    }
  }

  private static List<String> stateNames(Path root) throws IOException {
    try (var s = Files.list(root.resolve(".srro-patch"))) {
      return s.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** Throws at checkpoint {@code n}: the disk holds exactly what was written up to there, as after kill -9. */
  private static Transaction.Checkpoint dieAt(int n) {
    return (step, what) -> {
      if (step == n) {
        throw new IOException("simulated crash at " + step + " (" + what + ")");
      }
    };
  }

  @Test
  void rollbackAndRecoveryThemselvesSurviveACrashAtEveryStep() throws Exception {
    Path shm = Path.of("/dev/shm");
    Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "srro") : tmp;
    try {
      crashRollbackAndRecovery(base);
    } finally {
      if (!base.equals(tmp)) {
        try (var s = Files.walk(base)) {
          for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
  }

  private void crashRollbackAndRecovery(Path tmp) throws Exception {
    Path template = tree(tmp.resolve("template"));
    TreeSnapshot old = TreeSnapshot.of(template, true);
    int applySteps = 0;
    int rollbackSteps = 0;
    TreeSnapshot neu = null;
    for (int n = 1; ; n++) {
      Path root = tmp.resolve("rb" + n);
      TreeSnapshot.copy(template, root);
      Tree tree = Tree.open(root);
      Transaction.apply(tree, plan(root, diff(false)).changes(tree), Transaction.Checkpoint.NONE);
      neu = TreeSnapshot.of(root, true);
      try {
        Transaction.rollback(tree, dieAt(n));
      } catch (IOException crashed) {
        Transaction.recover(tree, Transaction.Checkpoint.NONE);
        TreeSnapshot s = TreeSnapshot.of(root, true);
        assertTrue(s.equals(old) || s.equals(neu), "rollback crashed at " + n + ": " + s);
        rollbackSteps = n;
        continue;
      }
      assertEquals(old.files(), TreeSnapshot.of(root, true).files());
      break;
    }
    for (int crash = 1; ; crash++) {
      Path probe = tmp.resolve("probe" + crash);
      TreeSnapshot.copy(template, probe);
      Tree pt = Tree.open(probe);
      try {
        Transaction.apply(pt, plan(probe, diff(false)).changes(pt), dieAt(crash));
        break;
      } catch (IOException crashed) {
        applySteps = crash;
      }
      for (int m = 1; m < 40; m++) {
        Path root = tmp.resolve("rc" + crash + "-" + m);
        TreeSnapshot.copy(probe, root);
        Tree tree = Tree.open(root);
        try {
          Transaction.recover(tree, dieAt(m));
          break;
        } catch (IOException crashedAgain) {
          Transaction.recover(tree, Transaction.Checkpoint.NONE);
          TreeSnapshot s = TreeSnapshot.of(root, true);
          assertTrue(s.equals(old) || s.equals(neu), "recover after " + crash + " crashed at " + m + ": " + s);
        }
      }
    }
    assertTrue(rollbackSteps > 5 && applySteps > 10, rollbackSteps + " " + applySteps);
  }

  @Test
  void theOrigBackupIsTheOldFileMovedAfterTheCommitNotACopy() throws Exception {
    Path root = tree(tmp.resolve("t"));
    Object inode = Files.getAttribute(root.resolve("d0/f0.c"), "unix:ino");
    Tree tree = Tree.open(root);
    List<String> seen = new ArrayList<>();
    Transaction.apply(tree, plan(root, diff(false)).changes(tree), (step, what) -> seen.add(what));
    assertEquals(inode, Files.getAttribute(root.resolve("d0/f0.c.orig"), "unix:ino"));
    assertEquals(lines("file0", 40), Files.readString(root.resolve("d0/f0.c.orig")));
    assertFalse(seen.contains("temp d0/f0.c.orig"), seen.toString());
    assertTrue(seen.indexOf("moved d0/f0.c") > seen.indexOf("commit written"), seen.toString());
    assertTrue(seen.indexOf("moved d0/f0.c") < seen.indexOf("renamed d0/f0.c"), seen.toString());
  }

  @Test
  void recoveryCompletesATransactionOfAnEarlierSrroThatWroteTheOrigToATemporary() throws Exception {
    Path root = tree(tmp.resolve("t"));
    TreeSnapshot neu = applied(tmp.resolve("n"));
    Tree tree = Tree.open(root);
    assertThrows(IOException.class, () -> Transaction.apply(tree, plan(root, diff(false)).changes(tree),
        crashAt("commit written")));
    // what srro before the move wrote: a temporary holding the old content for every .orig, and (say) the
    // first target already renamed when it died
    String journal = Files.readString(root.resolve(".srro-patch/journal"));
    for (String line : journal.split("\n")) {
      String[] f = line.split("\t");
      if (f[0].startsWith("file ") && f[0].endsWith(".orig")) {
        String target = f[0].substring(5, f[0].length() - 5);
        Files.write(root.resolve(f[3]), Files.readAllBytes(root.resolve(target)));
      }
    }
    for (String line : journal.split("\\n")) {
      String[] f = line.split("\\t");
      if (f[0].equals("file d0/f0.c")) {
        Files.move(root.resolve(f[3]), root.resolve("d0/f0.c"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    assertEquals(Transaction.Recovery.ROLLED_FORWARD, Transaction.recover(tree));
    assertEquals(neu, TreeSnapshot.of(root, true));
  }

  private TreeSnapshot applied(Path root) throws Exception {
    tree(root);
    Tree t = Tree.open(root);
    Transaction.apply(t, plan(root, diff(false)).changes(t), Transaction.Checkpoint.NONE);
    return TreeSnapshot.of(root, true);
  }

  @Test
  void onlyABackupOfAFileReplacedOrDeletedAnywayIsMovedAndNeverAlongAChain() {
    String h1 = "1".repeat(64);
    String h2 = "2".repeat(64);
    String h3 = "3".repeat(64);
    List<Journal.Entry> e = List.of(
        new Journal.Entry("a", h1, h2, ".t0", "b0"),
        new Journal.Entry("a.orig", null, h1, ".t1", null),
        new Journal.Entry("b", h1, null, null, "b2"),
        new Journal.Entry("b.orig", h3, h1, ".t3", "b3"),
        new Journal.Entry("c", h1, h2, ".t4", "b4"),
        new Journal.Entry("c.orig", null, h2, ".t5", null),
        new Journal.Entry("d", h1, h2, ".t6", "b6"),
        new Journal.Entry("d.orig", h3, h1, ".t7", "b7"),
        new Journal.Entry("d.orig.orig", null, h3, ".t8", null));
    assertEquals(java.util.Map.of(1, 0, 3, 2), Journal.moves(e));
  }
}
