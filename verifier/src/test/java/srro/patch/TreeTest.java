package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containment: nothing outside the -d tree is read or written, whatever the diff or the tree's symlinks say. */
class TreeTest {
  @TempDir Path tmp;
  Path root;
  Path outside;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(tmp.resolve("tree"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/f.c"), "a\nb\nc\n");
    Files.writeString(outside.resolve("f.c"), "a\nb\nc\n");
  }

  private static String diff(String path) {
    return "--- " + path + "\n+++ " + path + "\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n";
  }

  private Plan plan(String path) throws Exception {
    return Plan.of(Patchset.parse("d", diff(path).getBytes(StandardCharsets.UTF_8)), 0, Tree.open(root));
  }

  private String refusal(String path) throws Exception {
    Plan p = plan(path);
    assertFalse(p.applies());
    return ((HunkResult.Rejected) p.files().get(0).result().hunks().get(0)).reason();
  }

  @Test
  void refusesDotDot() throws Exception {
    assertEquals("path '../outside/f.c' contains '..'", refusal("../outside/f.c"));
    assertEquals("path 'sub/../../outside/f.c' contains '..'", refusal("sub/../../outside/f.c"));
  }

  @Test
  void refusesAbsolutePaths() throws Exception {
    String abs = outside.resolve("f.c").toString();
    assertEquals("absolute path '" + abs + "' refused", refusal(abs));
  }

  @Test
  void refusesControlCharactersAndSrroState() throws Exception {
    assertEquals(Optional.of("path 'a?b' has control characters"), TargetPath.refusal("a\u0001b"));
    assertEquals("path '.srro-patch/journal' is inside srro's state directory", refusal(".srro-patch/journal"));
  }

  @Test
  void refusesADirectorySymlinkThatLeavesTheTree() throws Exception {
    Files.createSymbolicLink(root.resolve("esc"), outside);
    assertEquals("path 'esc/f.c' goes through the symbolic link 'esc'", refusal("esc/f.c"));
    assertEquals("path 'esc/new.c' goes through the symbolic link 'esc'",
        ((HunkResult.Rejected)
                Plan.of(Patchset.parse("d", "--- /dev/null\n+++ esc/new.c\n@@ -0,0 +1 @@\n+x\n".getBytes(
                            StandardCharsets.UTF_8)), 0, Tree.open(root))
                    .files().get(0).result().hunks().get(0))
            .reason());
  }

  @Test
  void refusesATargetThatIsASymlink() throws Exception {
    Files.createSymbolicLink(root.resolve("link.c"), outside.resolve("f.c"));
    assertEquals("'link.c' is a symbolic link", refusal("link.c"));
  }

  @Test
  void refusesATargetThatIsNotARegularFile() throws Exception {
    assertEquals("'sub' is not a regular file", refusal("sub"));
  }

  @Test
  void refusesASymlinkSwappedInBeforeTheCommit() throws Exception {
    Tree tree = Tree.open(root);
    Plan p = plan("sub/f.c");
    assertTrue(p.applies());
    TreeChangedException e =
        assertThrows(TreeChangedException.class, () -> Transaction.apply(tree, p.changes(tree), (step, what) -> {
          if (what.startsWith("temp ")) {
            swap();
          }
        }));
    assertTrue(e.getMessage().contains("symbolic link 'sub'"), e.getMessage());
    assertEquals("a\nb\nc\n", Files.readString(outside.resolve("f.c")));
    assertEquals("a\nb\nc\n", Files.readString(root.resolve("moved/f.c")));
    Transaction.requireNonePending(tree);
  }

  @Test
  void restoresEverythingWhenASymlinkIsSwappedInAfterTheCommit() throws Exception {
    TreeChangedException e = attackedAfterTheCommit(this::swap);
    assertTrue(e.getMessage().endsWith("every file was restored"), e.getMessage());
    assertEquals("a\nb\nc\n", Files.readString(root.resolve("moved/f.c")));
  }

  /** The file's backup is checked by the same walk as the file itself: a link planted there is refused too. */
  @Test
  void restoresEverythingWhenABackupBecomesASymlinkAfterTheCommit() throws Exception {
    TreeChangedException e =
        attackedAfterTheCommit(() -> Files.createSymbolicLink(root.resolve("sub/f.c.orig"), outside.resolve("f.c")));
    assertEquals("sub/f.c.orig: 'sub/f.c.orig' is a symbolic link; every file was restored", e.getMessage());
    assertFalse(Files.exists(root.resolve("top.c.orig")));
    assertEquals("a\nb\nc\n", Files.readString(root.resolve("sub/f.c")));
  }

  /**
   * The backup a file was moved to is its only copy: when it is changed too before the undo reaches it, the undo
   * stops there, with the changed file left as it is and the transaction pending.
   */
  @Test
  void anUndoStopsWhenTheBackupItMovesBackWasChanged() throws Exception {
    Files.writeString(root.resolve("top.c"), "a\nb\nc\n");
    Tree tree = Tree.open(root);
    Plan p =
        Plan.of(Patchset.parse("d", (diff("top.c") + diff("sub/f.c")).getBytes(StandardCharsets.UTF_8)), 0, tree);
    TreeChangedException e =
        assertThrows(TreeChangedException.class, () -> Transaction.apply(tree, p.changes(tree), (step, what) -> {
          if (what.equals("renamed top.c")) {
            Files.writeString(root.resolve("top.c.orig"), "edited\n");
            swap();
          }
        }));
    assertEquals("top.c.orig: backup of top.c missing or damaged", e.getMessage());
    assertEquals("edited\n", Files.readString(root.resolve("top.c.orig")));
    assertEquals("a\nb\nc\n", Files.readString(outside.resolve("f.c")));
    assertThrows(PendingTransactionException.class, () -> Transaction.requireNonePending(tree));
  }

  /** Something done to the tree while a transaction runs. */
  private interface Attack {
    void run() throws IOException;
  }

  /**
   * Applies a change to top.c and one to sub/f.c, running {@code attack} once top.c is renamed (after the commit
   * marker): the transaction must stop with top.c and the file outside as they were, nothing left pending.
   */
  private TreeChangedException attackedAfterTheCommit(Attack attack) throws Exception {
    Files.writeString(root.resolve("top.c"), "a\nb\nc\n");
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(root.resolve("top.c"), mode);
    Tree tree = Tree.open(root);
    Plan p =
        Plan.of(Patchset.parse("d", (diff("top.c") + diff("sub/f.c")).getBytes(StandardCharsets.UTF_8)), 0, tree);
    assertTrue(p.applies());
    TreeChangedException e =
        assertThrows(TreeChangedException.class, () -> Transaction.apply(tree, p.changes(tree), (step, what) -> {
          if (what.equals("renamed top.c")) {
            attack.run();
          }
        }));
    assertEquals("a\nb\nc\n", Files.readString(root.resolve("top.c")));
    assertEquals(mode, Files.getPosixFilePermissions(root.resolve("top.c")), "restored with its mode");
    assertEquals("a\nb\nc\n", Files.readString(outside.resolve("f.c")));
    Transaction.requireNonePending(tree);
    return e;
  }

  /** Moves sub/ away and puts a symlink to the outside directory in its place. */
  private void swap() throws IOException {
    if (Files.isSymbolicLink(root.resolve("sub"))) {
      return;
    }
    Files.move(root.resolve("sub"), root.resolve("moved"));
    Files.createSymbolicLink(root.resolve("sub"), outside);
  }

  @Test
  void refusesToReadAFileOverTheSizeLimit() throws Exception {
    Path big = root.resolve("big.c");
    try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
        java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), Tree.MAX_FILE_BYTES);
    }
    IOException e = assertThrows(IOException.class, () -> plan("big.c"));
    assertEquals("big.c: 268435457 bytes, more than the limit of 268435456", e.getMessage());
  }

  @Test
  void keptDirectorySwappedForALinkIsRefusedNotUsed() throws Exception {
    Tree tree = Tree.open(root);
    try (Tree.Scope s = tree.cachingDirectories()) {
      assertTrue(tree.read("sub/f.c").isPresent()); // keeps "sub" open
      Files.move(root.resolve("sub"), tmp.resolve("moved"));
      Files.createSymbolicLink(root.resolve("sub"), outside);
      assertEquals(Optional.of("path 'sub/f.c' goes through the symbolic link 'sub'"), tree.refusal("sub/f.c"));
      assertThrows(TreeChangedException.class, () -> tree.read("sub/f.c"));
    }
  }

  @Test
  void keptDirectoryReplacedByAnotherIsOpenedAgain() throws Exception {
    Tree tree = Tree.open(root);
    try (Tree.Scope s = tree.cachingDirectories()) {
      assertTrue(tree.read("sub/f.c").isPresent());
      Files.move(root.resolve("sub"), tmp.resolve("moved"));
      Files.createDirectories(root.resolve("sub"));
      Files.writeString(root.resolve("sub/f.c"), "new\n");
      assertEquals("new\n", new String(tree.read("sub/f.c").orElseThrow(), StandardCharsets.UTF_8));
      Files.delete(root.resolve("sub/f.c"));
      Files.delete(root.resolve("sub"));
      assertEquals(Optional.empty(), tree.read("sub/f.c"));
    }
  }

  @Test
  void aPhaseKeepsAtMostMaxKeptDirectoriesOpen() throws Exception {
    int dirs = Tree.MAX_KEPT + 100;
    for (int i = 0; i < dirs; i++) {
      Files.createDirectories(root.resolve("d" + i));
      Files.writeString(root.resolve("d" + i + "/f.c"), "x\n");
    }
    Path fds = Path.of("/proc/self/fd");
    Tree tree = Tree.open(root);
    long before = openDescriptors(fds);
    try (Tree.Scope s = tree.cachingDirectories()) {
      for (int i = 0; i < dirs; i++) {
        assertEquals("x\n", new String(tree.read("d" + i + "/f.c").orElseThrow(), StandardCharsets.UTF_8));
      }
      long kept = openDescriptors(fds) - before;
      assertTrue(kept <= 2L * Tree.MAX_KEPT + 2, kept + " descriptors open after reading " + dirs + " directories");
      for (int i = 0; i < dirs; i++) { // past the cap still reads right, directory by directory
        assertTrue(tree.read("d" + i + "/f.c").isPresent());
      }
    }
    assertTrue(openDescriptors(fds) - before <= 2, "the phase's directories are closed when it ends");
  }

  private static long openDescriptors(Path fds) throws IOException {
    try (var s = Files.list(fds)) {
      return s.count();
    }
  }
}
