package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.testing.Peer;

/**
 * GNU patch is the oracle: random edits of generated C-like files are diffed with {@code diff -ruN} and {@code
 * git diff}, the target trees drift (lines inserted above hunks, context lines changed) so that offsets and
 * fuzz are needed, and srro must accept exactly when GNU patch does and produce the identical tree.
 */
class GnuPatchOracleTest {
  private static final int TRIALS = 48;
  private static final String[] WORDS = {
    "{", "}", "", "\treturn (0);", "\tint error;", "\tif (sc == NULL)", "\t\tgoto done;", "done:", "#include <sys/param.h>",
    "\tsplx(s);", "\tbreak;", "static int", "\tstruct sr_softc *sc;", "\t/* comment */", "\tmutex_enter(&mtx);"
  };

  @TempDir Path tmp;

  @Test
  void srroAndGnuPatchProduceIdenticalTreesOnRandomDiffs() throws Exception {
    Path patch = Peer.require("patch", "patch");
    Peer.require("git", "git");
    Peer.require("diff", "diffutils");
    int agreedApplies = 0;
    int agreedRejects = 0;
    int offsets = 0;
    int fuzzed = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      Random r = new Random(1000 + trial);
      Path t = tmp.resolve("t" + trial);
      Path a = t.resolve("a");
      Path b = t.resolve("b");
      int nfiles = 1 + r.nextInt(3);
      for (int f = 0; f < nfiles; f++) {
        write(a.resolve("d" + (f % 2) + "/f" + f + ".c"), randomLines(r, 20 + r.nextInt(150)), r.nextInt(10) != 0);
      }
      TreeSnapshot.copy(a, b);
      for (int f = 0; f < nfiles; f++) {
        edit(r, b.resolve("d" + (f % 2) + "/f" + f + ".c"));
      }
      if (r.nextInt(4) == 0) {
        write(b.resolve("new/n" + trial + ".c"), randomLines(r, 1 + r.nextInt(10)), true);
      }
      if (nfiles > 1 && r.nextInt(4) == 0) {
        Files.delete(b.resolve("d1/f1.c"));
      }
      byte[] diff = trial % 3 != 0 ? diffRuN(t) : gitDiff(t, a, b);
      Path target = t.resolve("target");
      TreeSnapshot.copy(a, target);
      drift(r, target, nfiles);
      Path gnu = t.resolve("gnu");
      TreeSnapshot.copy(target, gnu);
      Path diffFile = t.resolve("p.diff");
      Files.write(diffFile, diff);
      Process p =
          new ProcessBuilder(patch.toString(), "-p1", "-f", "-s", "--no-backup-if-mismatch", "-d", gnu.toString(),
                  "-i", diffFile.toString())
              .redirectErrorStream(true)
              .start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int gnuStatus = p.waitFor();
      Tree tree = Tree.open(target);
      Plan plan = Plan.of(Patchset.parse("p.diff", diff), 1, tree);
      String where = "trial " + trial + " (" + t + "): GNU patch said " + gnuStatus + ": " + log + plan.files();
      assertEquals(gnuStatus == 0, plan.applies(), where);
      agreedRejects += plan.applies() ? 0 : 1;
      if (plan.applies()) {
        Transaction.apply(tree, plan.changes(tree), Transaction.Checkpoint.NONE);
        assertEquals(TreeSnapshot.of(gnu, false), TreeSnapshot.of(target, false), where);
        agreedApplies++;
        for (Plan.FilePlan f : plan.files()) {
          for (HunkResult h : f.result().hunks()) {
            if (h instanceof HunkResult.Applied ap) {
              offsets += ap.offset() != 0 ? 1 : 0;
              fuzzed += ap.fuzz() != 0 ? 1 : 0;
            }
          }
        }
      }
    }
    assertTrue(agreedApplies >= TRIALS / 3, "too few trials applied: " + agreedApplies);
    assertTrue(agreedRejects >= 3, "too few trials rejected: " + agreedRejects);
    assertTrue(offsets > 10 && fuzzed > 2, "offset and fuzz cases must occur: " + offsets + "/" + fuzzed);
  }

  private static List<String> randomLines(Random r, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(r.nextInt(3) == 0 ? WORDS[r.nextInt(WORDS.length)] : "\tx" + r.nextInt(10_000) + " = f(" + i + ");");
    }
    return out;
  }

  private static void write(Path p, List<String> lines, boolean finalNewline) throws IOException {
    Files.createDirectories(p.getParent());
    String s = String.join("\n", lines) + (finalNewline ? "\n" : "");
    Files.writeString(p, s, StandardCharsets.ISO_8859_1);
  }

  private static List<String> read(Path p) throws IOException {
    return new ArrayList<>(List.of(Files.readString(p, StandardCharsets.ISO_8859_1).split("\n", -1)));
  }

  /** Replaces, deletes and inserts lines at a few random places. */
  private static void edit(Random r, Path p) throws IOException {
    List<String> l = read(p);
    boolean nl = l.get(l.size() - 1).isEmpty();
    if (nl) {
      l.remove(l.size() - 1);
    }
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits && !l.isEmpty(); e++) {
      int at = r.nextInt(l.size());
      switch (r.nextInt(3)) {
        case 0 -> l.set(at, "\tchanged(" + r.nextInt(1000) + ");");
        case 1 -> l.subList(at, Math.min(l.size(), at + 1 + r.nextInt(3))).clear();
        default -> l.addAll(at, randomLines(r, 1 + r.nextInt(4)));
      }
    }
    write(p, l, nl || r.nextInt(8) == 0);
  }

  /** The target differs from the diff's old side: lines added at the top (offsets), one line changed (fuzz). */
  private static void drift(Random r, Path target, int nfiles) throws IOException {
    for (int f = 0; f < nfiles; f++) {
      Path p = target.resolve("d" + (f % 2) + "/f" + f + ".c");
      List<String> l = read(p);
      if (r.nextBoolean()) {
        l.addAll(0, randomLines(r, 1 + r.nextInt(8)));
      }
      int changes = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(6);
      for (int c = 0; c < changes && l.size() > 2; c++) {
        l.set(r.nextInt(l.size() - 1), "\tdrift();");
      }
      Files.writeString(p, String.join("\n", l), StandardCharsets.ISO_8859_1);
    }
  }

  private static byte[] diffRuN(Path t) throws Exception {
    Process p = new ProcessBuilder("diff", "-ruN", "a", "b").directory(t.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor();
    return out;
  }

  private static byte[] gitDiff(Path t, Path a, Path b) throws Exception {
    Path repo = t.resolve("repo");
    TreeSnapshot.copy(a, repo);
    run(repo, "git", "init", "-q");
    run(repo, "git", "add", "-A");
    run(repo, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "a");
    try (var s = Files.walk(repo)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(repo) && !repo.relativize(p).startsWith(".git")) {
          Files.delete(p);
        }
      }
    }
    TreeSnapshot.copy(b, repo);
    run(repo, "git", "add", "-A");
    Process p = new ProcessBuilder("git", "diff", "--cached").directory(repo.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor();
    return out;
  }

  private static void run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + log);
  }
}
