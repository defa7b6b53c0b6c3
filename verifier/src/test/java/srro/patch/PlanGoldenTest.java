package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import srro.testing.Peer;

/**
 * Golden cases in src/test/resources/srro/patch/golden/NAME/: {@code in/} (the tree before), {@code diff},
 * {@code out/} (the tree after; equal to in/ when nothing may change) and {@code expect} (a closed set of
 * keys: expect applies|already_applied|conflict|malformed, strip N, hunks OFFSET/FUZZ..., line N for the
 * error line of a malformed diff, description-lines N). Cases that apply are also run through GNU patch,
 * which must produce the same tree.
 */
class PlanGoldenTest {
  private static final List<String> KEYS = List.of("expect", "strip", "hunks", "line", "description-lines");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> everyGoldenCaseHoldsAndGnuPatchAgrees() throws IOException, URISyntaxException {
    Path golden = Path.of(getClass().getResource("/srro/patch/golden").toURI());
    List<Path> cases;
    try (Stream<Path> s = Files.list(golden)) {
      cases = s.sorted().toList();
    }
    assertTrue(cases.size() >= 25, "golden cases missing");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> run(c)));
  }

  private void run(Path c) throws Exception {
    Map<String, String> expect = new LinkedHashMap<>();
    for (String l : Files.readAllLines(c.resolve("expect"))) {
      int colon = l.indexOf(": ");
      if (colon < 0 || !KEYS.contains(l.substring(0, colon))) {
        fail(c + "/expect: unknown line '" + l + "'");
      }
      expect.put(l.substring(0, colon), l.substring(colon + 2));
    }
    byte[] diff = Files.readAllBytes(c.resolve("diff"));
    int strip = Integer.parseInt(expect.get("strip"));
    Path work = tmp.resolve(c.getFileName().toString());
    TreeSnapshot.copy(c.resolve("in"), work);
    TreeSnapshot before = TreeSnapshot.of(work, true);
    if (expect.get("expect").equals("malformed")) {
      PatchFormatException e = assertThrows(PatchFormatException.class, () -> Patchset.parse("diff", diff));
      assertEquals(Long.parseLong(expect.get("line")), e.offset(), e.getMessage());
      return;
    }
    Patchset ps = Patchset.parse("diff", diff);
    if (expect.containsKey("description-lines")) {
      assertEquals(
          Integer.parseInt(expect.get("description-lines")), ps.description().split("\n", -1).length - 1);
    }
    Tree tree = Tree.open(work);
    Plan plan = Plan.of(ps, strip, tree);
    String verdict = plan.applies() ? "applies" : plan.alreadyApplied() ? "already_applied" : "conflict";
    assertEquals(expect.get("expect"), verdict, () -> plan.files().toString());
    if (expect.containsKey("hunks")) {
      List<String> got = new ArrayList<>();
      for (Plan.FilePlan f : plan.files()) {
        for (HunkResult h : f.result().hunks()) {
          got.add(h instanceof HunkResult.Applied a ? a.offset() + "/" + a.fuzz() : h.toString());
        }
      }
      assertEquals(expect.get("hunks"), String.join(" ", got));
    }
    if (plan.applies()) {
      Transaction.apply(tree, plan.changes(tree), Transaction.Checkpoint.NONE);
    }
    Path out = tmp.resolve(c.getFileName() + ".expected");
    TreeSnapshot.copy(c.resolve("out"), out);
    assertEquals(TreeSnapshot.of(out, false), TreeSnapshot.of(work, false));
    if (!plan.applies()) {
      assertEquals(before, TreeSnapshot.of(work, true), "a plan that does not apply must write nothing");
      return;
    }
    for (Map.Entry<String, String> e : before.files().entrySet()) {
      if (!e.getValue().equals(TreeSnapshot.of(work, true).files().get(e.getKey()))) {
        assertEquals(e.getValue(), TreeSnapshot.of(work, true).files().get(e.getKey() + ".orig"), "backup");
      }
    }
    Path gnu = tmp.resolve(c.getFileName() + ".gnu");
    TreeSnapshot.copy(c.resolve("in"), gnu);
    Process p =
        new ProcessBuilder(Peer.require("patch", "patch").toString(), "-p" + strip, "-f", "-s",
                "--no-backup-if-mismatch", "-d", gnu.toString(), "-i", c.resolve("diff").toAbsolutePath().toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), log);
    assertEquals(TreeSnapshot.of(gnu, false), TreeSnapshot.of(work, false), "GNU patch disagrees");
  }
}
