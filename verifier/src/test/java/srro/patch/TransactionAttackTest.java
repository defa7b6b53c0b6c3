package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attacker who can write inside the tree (group wsrc on OpenBSD's /usr/src) cannot make a transaction, a
 * recovery or a rollback touch anything outside it: planted or redirected state, planted journals, long names,
 * deep paths, and a recover racing an apply.
 */
class TransactionAttackTest {
  @TempDir Path tmp;
  Path root;
  Path outside;
  Path victim;

  private static final String A = "a\nb\nc\n";
  private static final String DIFF = "--- sys/a.c\n+++ sys/a.c\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n";

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(tmp.resolve("tree/sys")).getParent();
    Files.writeString(root.resolve("sys/a.c"), A);
    outside = Files.createDirectories(tmp.resolve("outside"));
    victim = outside.resolve("victim");
    Files.writeString(victim, "precious\n");
    Files.createDirectories(outside.resolve("last"));
    Files.writeString(outside.resolve("last/keep"), "keep\n");
  }

  private List<Change> changes(String diff) throws Exception {
    Tree t = Tree.open(root);
    return Plan.of(Patchset.parse("d", diff.getBytes(StandardCharsets.ISO_8859_1)), 0, t).changes(t);
  }

  private void assertOutsideUntouched() throws IOException {
    try (Stream<Path> s = Files.walk(outside)) {
      assertEquals(List.of("", "last", "last/keep", "victim"),
          s.map(p -> outside.relativize(p).toString()).sorted().toList());
    }
    assertEquals("precious\n", Files.readString(victim));
    assertEquals("keep\n", Files.readString(outside.resolve("last/keep")));
  }

  private void assertTreeUnpatched() throws IOException {
    assertEquals(A, Files.readString(root.resolve("sys/a.c")));
    assertFalse(Files.exists(root.resolve("sys/a.c.orig")));
  }

  @Test
  void aStateDirectoryThatIsASymlinkOutOfTheTreeIsRefusedByEveryOperation() throws Exception {
    Files.createSymbolicLink(root.resolve(".srro-patch"), outside);
    Tree tree = Tree.open(root);
    List<Change> c = changes(DIFF);
    StateRefusedException e = assertThrows(StateRefusedException.class, () -> Transaction.apply(tree, c));
    assertEquals(root.toRealPath().resolve(".srro-patch").toString(), e.source());
    assertEquals("is a symbolic link, so it is not srro's"
        + " transaction state; nothing was touched. If you did not make it, look inside, then remove it (rm -r "
        + root.toRealPath().resolve(".srro-patch") + ") and run srro again", e.getMessage());
    assertThrows(StateRefusedException.class, () -> Transaction.recover(tree));
    assertThrows(StateRefusedException.class, () -> Transaction.rollback(tree));
    assertThrows(StateRefusedException.class, () -> Transaction.requireNonePending(tree));
    assertOutsideUntouched();
    assertTreeUnpatched();
  }

  @Test
  void aStateDirectoryThatIsAFileIsRefused() throws Exception {
    Files.writeString(root.resolve(".srro-patch"), "x\n");
    StateRefusedException e =
        assertThrows(StateRefusedException.class, () -> Transaction.apply(Tree.open(root), changes(DIFF)));
    assertTrue((e.source() + ": " + e.getMessage()).contains(".srro-patch: is not a directory, so it is not srro's"), e.getMessage());
    assertTreeUnpatched();
  }

  @Test
  void aStateDirectoryWritableByOthersIsRefused() throws Exception {
    Path s = Files.createDirectory(root.resolve(".srro-patch"));
    Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxrwxr-x"));
    StateRefusedException e =
        assertThrows(StateRefusedException.class, () -> Transaction.recover(Tree.open(root)));
    assertTrue((e.source() + ": " + e.getMessage()).contains(".srro-patch: is writable by others (mode rwxrwxr-x), so"), e.getMessage());
  }

  @Test
  void aStateDirectoryOwnedByAnotherUserIsRefused() throws Exception {
    assumeTrue(System.getProperty("user.name").equals("root"), "needs root to give a directory away");
    Path s = Files.createDirectory(root.resolve(".srro-patch"));
    Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
    Files.setOwner(s, s.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
    StateRefusedException e =
        assertThrows(StateRefusedException.class, () -> Transaction.apply(Tree.open(root), changes(DIFF)));
    assertTrue((e.source() + ": " + e.getMessage())
        .contains(".srro-patch: is owned by nobody, not by root who runs srro, so"), e.getMessage());
    assertTreeUnpatched();
  }

  @Test
  void rollbackDataInTheOldLayoutIsReportedNotMisread() throws Exception {
    Path s = Files.createDirectory(root.resolve(".srro-patch"));
    Files.createDirectories(s.resolve("last"));
    Files.writeString(s.resolve("last/journal"), "srro-patch-journal 1\n");
    StateRefusedException e = assertThrows(StateRefusedException.class, () -> Transaction.rollback(Tree.open(root)));
    assertTrue(e.getMessage().startsWith("is a directory: rollback data in the layout of an earlier srro"),
        e.getMessage());
    assertThrows(StateRefusedException.class, () -> Transaction.apply(Tree.open(root), changes(DIFF)));
    assertTreeUnpatched();
  }

  @Test
  void theStateDirectoryIsCreatedOwnerOnly() throws Exception {
    Transaction.apply(Tree.open(root), changes(DIFF));
    assertEquals("rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(".srro-patch"))));
  }

  /** Plants {@code .srro-patch/journal} (in a state directory srro made) with one file line and a commit. */
  private void plant(String dirLine, String temp, String backup, String after, boolean commit) throws Exception {
    Tree tree = Tree.open(root);
    try (StateDir s = StateDir.openOrCreate(tree)) {
      String before = DurableFiles.hash(A.getBytes(StandardCharsets.US_ASCII));
      String j = Journal.MAGIC + "\nid 1a2b3c4d\nkind apply\n" + dirLine + "file sys/a.c\t" + before + "\t" + after
          + "\t" + temp + "\t" + backup + "\nend 1\n";
      s.writeDurably(StateDir.JOURNAL, j.getBytes(StandardCharsets.UTF_8));
      if (commit) {
        s.writeDurably(StateDir.COMMIT, "1a2b3c4d\n".getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  private void assertRecoverRefuses(String expected) throws Exception {
    StateRefusedException e = assertThrows(StateRefusedException.class, () -> Transaction.recover(Tree.open(root)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains("recovery touched nothing"), e.getMessage());
    assertOutsideUntouched();
    assertTreeUnpatched();
    assertTrue(Files.exists(root.resolve(".srro-patch/journal")), "the journal is left for a human to look at");
  }

  private String victimHash() throws IOException {
    return DurableFiles.hash(Files.readAllBytes(victim));
  }

  @Test
  void aJournalWhoseTemporaryLeavesTheTreeIsRefusedWhetherRelativeAbsoluteOrThroughALink() throws Exception {
    Files.createSymbolicLink(root.resolve("sys/esc"), outside);
    for (String temp : List.of("../outside/victim", victim.toString(), "sys/esc/victim", "sys/.a.c.srro-x")) {
      plant("", temp, "1a2b3c4d-000000", victimHash(), false);
      assertRecoverRefuses("temporary '" + temp + "' is not the name srro gives it");
      plant("", temp, "1a2b3c4d-000000", victimHash(), true);
      assertRecoverRefuses("temporary '" + temp + "' is not the name srro gives it");
    }
  }

  @Test
  void aJournalWhoseCopyOrDirectoryLeavesTheTreeIsRefused() throws Exception {
    plant("", "sys/.srro-1a2b3c4d-0", "../../outside/victim", victimHash(), true);
    assertRecoverRefuses("copy '../../outside/victim' is not the name srro gives it");
    plant("dir ../outside/last\n", "sys/.srro-1a2b3c4d-0", "1a2b3c4d-000000", victimHash(), false);
    assertRecoverRefuses("directory '../outside/last': path '../outside/last' contains '..'");
    plant("dir " + outside.resolve("last") + "\n", "sys/.srro-1a2b3c4d-0", "1a2b3c4d-000000", victimHash(), false);
    assertRecoverRefuses("absolute path '" + outside.resolve("last") + "' refused");
    plant("dir other\n", "sys/.srro-1a2b3c4d-0", "1a2b3c4d-000000", victimHash(), false);
    assertRecoverRefuses("directory 'other' holds no file of the journal");
  }

  @Test
  void aJournalWhoseTargetLeavesTheTreeIsRefused() throws Exception {
    Tree tree = Tree.open(root);
    try (StateDir s = StateDir.openOrCreate(tree)) {
      String j = Journal.MAGIC + "\nid 1a2b3c4d\nkind apply\nfile ../outside/victim\t" + victimHash()
          + "\t-\t-\t1a2b3c4d-000000\nend 1\n";
      s.writeDurably(StateDir.JOURNAL, j.getBytes(StandardCharsets.UTF_8));
      s.writeDurably(StateDir.COMMIT, "1a2b3c4d\n".getBytes(StandardCharsets.US_ASCII));
    }
    assertRecoverRefuses("file 1 ('../outside/victim'): path '../outside/victim' contains '..'");
  }

  @Test
  void aPlantedCommitWithTheVictimsHashCannotMoveAFileIntoTheTree() throws Exception {
    Files.createSymbolicLink(root.resolve("sys/esc"), outside);
    plant("", "sys/esc/victim", "1a2b3c4d-000000", victimHash(), true);
    assertRecoverRefuses("is not the name srro gives it");
    // even a journal naming the right temporary cannot reach through a link swapped in for its directory
    Files.move(root.resolve("sys"), root.resolve("moved"));
    Files.createSymbolicLink(root.resolve("sys"), outside);
    Files.copy(victim, outside.resolve(".srro-1a2b3c4d-0"));
    plant("", "sys/.srro-1a2b3c4d-0", "1a2b3c4d-000000", victimHash(), true);
    TreeChangedException e = assertThrows(TreeChangedException.class, () -> Transaction.recover(Tree.open(root)));
    assertTrue(e.getMessage().contains("goes through the symbolic link 'sys'"), e.getMessage());
    assertTrue(Files.exists(outside.resolve(".srro-1a2b3c4d-0")));
    assertEquals("precious\n", Files.readString(victim));
  }

  @Test
  void namesOf233234And250BytesApplyAndA255ByteNameIsRefusedBeforeAnythingIsWritten() throws Exception {
    for (int n : new int[] {233, 234, 250}) {
      String name = "n".repeat(n - 2) + ".c";
      Files.writeString(root.resolve("sys/" + name), A);
      Tree tree = Tree.open(root);
      Transaction.apply(tree, changes(DIFF.replace("a.c", name)));
      assertEquals("a\nB\nc\n", Files.readString(root.resolve("sys/" + name)), n + " bytes");
      assertEquals(A, Files.readString(root.resolve("sys/" + name + ".orig")));
      assertEquals(List.of("sys/" + name + ".orig", "sys/" + name), Transaction.rollback(tree));
    }
    String name = "n".repeat(253) + ".c";
    Files.writeString(root.resolve("sys/" + name), A);
    IOException e = assertThrows(IOException.class, () -> changes(DIFF.replace("a.c", name)));
    assertEquals("sys/" + name + ".orig: path 'sys/" + name + ".orig' has a name longer than 255 bytes",
        e.getMessage());
    assertEquals(A, Files.readString(root.resolve("sys/" + name)), "nothing written");
  }

  @Test
  void aFileTwoThousandDirectoriesDeepIsPatchedAndRolledBack() throws Exception {
    // made with mkdirat(2): no path of 2,000 components fits PATH_MAX, so neither Java nor mkdir -p can
    Process p = new ProcessBuilder(srro.testing.Peer.require("python3", "python3").toString(), "-c",
        "import os,sys\nfd=os.open(sys.argv[1],os.O_DIRECTORY)\nfor i in range(2000):\n"
            + " os.mkdir('dd',dir_fd=fd); n=os.open('dd',os.O_DIRECTORY,dir_fd=fd); os.close(fd); fd=n\n"
            + "f=os.open('f.c',os.O_WRONLY|os.O_CREAT,0o644,dir_fd=fd); os.write(f,b'a\\nb\\nc\\n')\n",
        root.toString()).inheritIO().start();
    assertEquals(0, p.waitFor());
    try {
      deep();
    } finally {
      assertEquals(0, new ProcessBuilder("rm", "-rf", root.resolve("dd").toString()).start().waitFor());
    }
  }

  private void deep() throws Exception {
    String path = "dd/".repeat(2000) + "f.c";
    String diff = DIFF.replace("sys/a.c", path);
    Tree tree = Tree.open(root);
    Transaction.apply(tree, changes(diff));
    assertEquals("a\nB\nc\n", new String(tree.read(path).orElseThrow(), StandardCharsets.US_ASCII));
    assertEquals(A, new String(tree.read(path + ".orig").orElseThrow(), StandardCharsets.US_ASCII));
    Transaction.rollback(tree);
    assertEquals(A, new String(tree.read(path).orElseThrow(), StandardCharsets.US_ASCII));
    assertTrue(tree.read(path + ".orig").isEmpty());
    String create = "--- /dev/null\n+++ " + "ee/".repeat(2000) + "new.c\n@@ -0,0 +1 @@\n+x\n";
    Plan plan = Plan.of(Patchset.parse("d", create.getBytes(StandardCharsets.US_ASCII)), 0, tree);
    assertFalse(plan.applies());
    assertTrue(((HunkResult.Rejected) plan.files().get(0).result().hunks().get(0)).reason()
        .endsWith("is too deep to create its directories"));
  }

  @Test
  void aSecondRunSaysWhichProcessHoldsTheTree() throws Exception {
    Path diff = tmp.resolve("p.diff");
    Files.writeString(diff, DIFF);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), CrashingApply.class.getName(), root.toString(), diff.toString(), "0",
        "-400").redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      assertEquals("ready", new String(child.getInputStream().readNBytes(5), StandardCharsets.US_ASCII));
      Tree tree = Tree.open(root);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!Files.exists(root.resolve(".srro-patch/journal")) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      TreeBusyException e = assertThrows(TreeBusyException.class,
          () -> Transaction.recover(tree, Transaction.Checkpoint.NONE, Duration.ofMillis(200)));
      assertEquals(tree.root() + ": another srro run is changing this tree (process " + child.pid() + " holds "
          + tree.root().resolve(".srro-patch/lock") + "); waited 0.2 s; run again when it has finished",
          e.getMessage());
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, child.exitValue());
      assertEquals(Transaction.Recovery.NOTHING_PENDING, Transaction.recover(tree));
      assertEquals("a\nB\nc\n", Files.readString(root.resolve("sys/a.c")));
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void fiftyRecoversRacingAnApplyNeverUndoItLeaveStraysOrClaimSuccessFalsely() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Random r = new Random(7);
    try {
      for (int trial = 0; trial < 60; trial++) {
        Path t = Files.createDirectories(tmp.resolve("race" + trial + "/sys")).getParent();
        Files.writeString(t.resolve("sys/a.c"), A);
        Files.writeString(t.resolve("sys/b.c"), A);
        Tree tree = Tree.open(t);
        Plan plan = Plan.of(Patchset.parse("d", (DIFF + DIFF.replace("a.c", "b.c"))
            .getBytes(StandardCharsets.US_ASCII)), 0, tree);
        List<Change> c = plan.changes(tree);
        int delay = r.nextInt(15);
        Future<?> apply = pool.submit(() -> {
          Transaction.apply(tree, c, (step, what) -> {
            try {
              Thread.sleep(0, 200_000);
            } catch (InterruptedException e) {
              throw new java.io.InterruptedIOException();
            }
          });
          return null;
        });
        Future<Transaction.Recovery> recover = pool.submit(() -> {
          Thread.sleep(delay);
          return Transaction.recover(tree);
        });
        apply.get(30, TimeUnit.SECONDS);
        assertEquals(Transaction.Recovery.NOTHING_PENDING, recover.get(30, TimeUnit.SECONDS), "trial " + trial);
        assertEquals("a\nB\nc\n", Files.readString(t.resolve("sys/a.c")), "trial " + trial);
        assertEquals("a\nB\nc\n", Files.readString(t.resolve("sys/b.c")), "trial " + trial);
        try (Stream<Path> s = Files.list(t.resolve("sys"))) {
          assertEquals(List.of("a.c", "a.c.orig", "b.c", "b.c.orig"),
              s.map(p -> p.getFileName().toString()).sorted().toList(), "trial " + trial + ": strays");
        }
        Transaction.requireNonePending(tree);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aHardLinkedTargetIsRefusedWithItsPathAndNothingIsTouched() throws Exception {
    // the attacker cannot read the victim, but can link it into the tree: a run as root would copy it out
    Files.delete(root.resolve("sys/a.c"));
    Files.writeString(victim, A);
    Files.createLink(root.resolve("sys/a.c"), victim);
    TargetRefusedException e = assertThrows(TargetRefusedException.class, () -> changes(DIFF));
    assertEquals("sys/a.c: has 2 hard links, so it may be a link planted to a file outside the tree; srro reads,"
        + " rewrites and backs up only files with one; nothing was touched", e.located());
    assertEquals(A, Files.readString(victim));
    assertFalse(Files.exists(root.resolve(".srro-patch")));
    assertEquals(List.of("sys/a.c"), names(root));
  }

  @Test
  void aHardLinkedOrigBackupIsRefusedToo() throws Exception {
    Files.createLink(root.resolve("sys/a.c.orig"), victim);
    TargetRefusedException e = assertThrows(TargetRefusedException.class, () -> changes(DIFF));
    assertTrue(e.located().startsWith("sys/a.c.orig: has 2 hard links"), e.located());
    assertEquals("precious\n", Files.readString(victim));
    assertEquals(A, Files.readString(root.resolve("sys/a.c")));
  }

  @Test
  void aTargetHardLinkedAfterThePlanStopsTheTransactionBeforeTheCommit() throws Exception {
    Tree tree = Tree.open(root);
    List<Change> c = changes(DIFF);
    Files.copy(root.resolve("sys/a.c"), victim, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    TreeChangedException e = assertThrows(TreeChangedException.class, () -> Transaction.apply(tree, c,
        (step, what) -> {
          if (what.startsWith("temp ")) {
            Files.delete(root.resolve("sys/a.c"));
            Files.createLink(root.resolve("sys/a.c"), victim);
          }
        }));
    assertTrue(e.getMessage().startsWith("sys/a.c: has 2 hard links"), e.getMessage());
    assertEquals(A, Files.readString(victim));
    Transaction.requireNonePending(tree);
  }

  @Test
  void aHardLinkCountIsReadThroughTheDescriptorBeyondPathMax() throws Exception {
    Process p = new ProcessBuilder(srro.testing.Peer.require("python3", "python3").toString(), "-c",
        "import os,sys\nfd=os.open(sys.argv[1],os.O_DIRECTORY)\nfor i in range(2000):\n"
            + " os.mkdir('dd',dir_fd=fd); n=os.open('dd',os.O_DIRECTORY,dir_fd=fd); os.close(fd); fd=n\n"
            + "f=os.open('f.c',os.O_WRONLY|os.O_CREAT,0o644,dir_fd=fd); os.write(f,b'a\\nb\\nc\\n')\n"
            + "os.link('f.c','g.c',src_dir_fd=fd,dst_dir_fd=fd)\n",
        root.toString()).inheritIO().start();
    assertEquals(0, p.waitFor());
    try {
      Tree tree = Tree.open(root);
      String path = "dd/".repeat(2000) + "f.c";
      TargetRefusedException e = assertThrows(TargetRefusedException.class, () -> tree.read(path));
      assertTrue(e.getMessage().startsWith("has 2 hard links"), e.getMessage());
    } finally {
      assertEquals(0, new ProcessBuilder("rm", "-rf", root.resolve("dd").toString()).start().waitFor());
    }
  }

  @Test
  void aFifoSwappedInForATreeFileIsNeverReadAndNeverHangs() throws Exception {
    Path fifo = tmp.resolve("tree/sys/.fifo");
    Path regular = tmp.resolve("tree/sys/.regular");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Files.writeString(regular, A);
    Path target = root.resolve("sys/a.c");
    // another user may write sys/ (as group wsrc may in /usr/src): only then can a FIFO be swapped in
    Files.setPosixFilePermissions(root.resolve("sys"), java.nio.file.attribute.PosixFilePermissions.fromString(
        "rwxrwxr-x"));
    Tree tree = Tree.open(root);
    Duration before = OpenDir.openWait;
    OpenDir.openWait = Duration.ofMillis(200);
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    Thread swapper = new Thread(() -> {
      try {
        while (!stop.get()) {
          // a.c is regular, then the FIFO, then regular again: always by an atomic rename
          Files.move(target, regular.resolveSibling(".spare"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          Files.move(fifo, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          Thread.onSpinWait();
          Files.move(target, fifo, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          Files.move(regular.resolveSibling(".spare"), target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    int read = 0;
    int refused = 0;
    swapper.start();
    try {
      // At least 400 reads, and on until one saw the regular file (the race may refuse a long run of them on a
      // loaded machine): a run that only ever refused would prove nothing. Bounded by a minute.
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      for (int i = 0; i < 400 || (read == 0 && System.nanoTime() < deadline); i++) {
        try {
          java.util.Optional<byte[]> b = tree.read("sys/a.c");
          if (b.isPresent()) {
            assertEquals(A, new String(b.get(), StandardCharsets.US_ASCII));
            read++;
          } else {
            refused++; // between two renames
          }
        } catch (java.nio.file.NoSuchFileException gone) {
          refused++; // between two renames
        } catch (java.nio.file.FileSystemException e) {
          assertTrue(e.getMessage().matches("sys/a\\.c: (not a regular file; not read|replaced while it was"
              + " (opened|checked); not read|did not open within 0\\.2 s: a FIFO or"
              + " device was swapped in for a regular file; not read|cannot be read at an offset .*)"),
              e.getMessage());
          refused++;
        }
      }
    } finally {
      stop.set(true);
      swapper.join();
      OpenDir.openWait = before;
    }
    assertTrue(read + refused >= 400, read + " read, " + refused + " refused");
    assertTrue(read > 0, "no read saw the regular file in a minute of " + refused + " tries");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
