package srro.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import srro.kit.KitStatus.FileState;
import srro.kit.KitStatus.State;
import srro.patch.Patchset;
import srro.patch.Plan;
import srro.patch.Source;

/** Every file state and every summary, on an in-memory tree and a two-file kit whose diff changes a.c. */
class KitStatusTest {
  private static final String RCS = "/* $OpenBSD: a.c,v 1.7 2025/01/01 00:00:00 x Exp $ */\n";
  private static final String PRISTINE_A = RCS + "l1\nl2\nl3\nl4\nl5\nl6\n";
  private static final String PATCHED_A = RCS + "l1\nl2\nl3\nnew\nl4\nl5\nl6\n";
  private static final String PRISTINE_B = "/* $OpenBSD: b.h,v 1.2 2025/01/01 00:00:00 x Exp $ */\n";
  private static final String DIFF = "--- a.c\n+++ a.c\n@@ -2,6 +2,7 @@\n l1\n l2\n l3\n+new\n l4\n l5\n l6\n";

  private static final class Memory implements Source {
    final Map<String, byte[]> files = new HashMap<>();

    Memory with(String path, String text) {
      files.put(path, text.getBytes(StandardCharsets.ISO_8859_1));
      return this;
    }

    @Override
    public Optional<String> refusal(String path) {
      return Optional.empty();
    }

    @Override
    public Optional<byte[]> read(String path) {
      return Optional.ofNullable(files.get(path)).map(byte[]::clone);
    }
  }

  private static KitStatus status(Memory tree) throws Exception {
    Originals o = Originals.parse("ORIGINALS", ("SHA256 (a.c) = " + sha(PRISTINE_A) + " rev 1.7\n"
        + "SHA256 (b.h) = " + sha(PRISTINE_B) + " rev 1.2\n").getBytes(StandardCharsets.US_ASCII));
    Plan plan = Plan.of(Patchset.parse("kit", DIFF.getBytes(StandardCharsets.US_ASCII)), 0, tree);
    return KitStatus.of("7.7", o, plan, tree);
  }

  private static String sha(String s) {
    return KitStatus.sha256(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static List<State> states(KitStatus s) {
    return s.files().stream().map(FileState::state).toList();
  }

  @Test
  void theReleasedBytesArePristineAndTheKitApplies() throws Exception {
    KitStatus s = status(new Memory().with("a.c", PRISTINE_A).with("b.h", PRISTINE_B));
    assertEquals(List.of(State.PRISTINE, State.PRISTINE), states(s));
    assertEquals("pristine 7.7", s.summary());
    assertTrue(s.kitApplies());
    assertEquals(Optional.of("1.7"), s.files().get(0).foundRevision());
    assertEquals("7.7", s.release());
  }

  @Test
  void aFileEveryDiffIsAlreadyAppliedToIsPatched() throws Exception {
    KitStatus s = status(new Memory().with("a.c", PATCHED_A).with("b.h", PRISTINE_B));
    assertEquals(List.of(State.PATCHED, State.PRISTINE), states(s));
    assertEquals("modified (errata or local changes)", s.summary());
    assertFalse(s.kitApplies());
  }

  @Test
  void aTreeWhoseEveryFileIsPatchedIsAlreadyPatched() throws Exception {
    Originals o = Originals.parse("ORIGINALS", ("SHA256 (a.c) = " + sha(PRISTINE_A) + " rev 1.7\n")
        .getBytes(StandardCharsets.US_ASCII));
    Memory tree = new Memory().with("a.c", PATCHED_A);
    Plan plan = Plan.of(Patchset.parse("kit", DIFF.getBytes(StandardCharsets.US_ASCII)), 0, tree);
    assertEquals("already patched", KitStatus.of("7.7", o, plan, tree).summary());
  }

  @Test
  void otherBytesAreModifiedWhetherOrNotTheKitStillApplies() throws Exception {
    KitStatus errata = status(new Memory().with("a.c", PRISTINE_A + "/* errata */\n").with("b.h", PRISTINE_B + "\n"));
    assertEquals(List.of(State.MODIFIED, State.MODIFIED), states(errata));
    assertEquals("modified (errata or local changes)", errata.summary());
    assertTrue(errata.kitApplies());
    KitStatus local = status(new Memory().with("a.c", "unrelated\n").with("b.h", PRISTINE_B));
    assertEquals(List.of(State.MODIFIED, State.PRISTINE), states(local));
    assertFalse(local.kitApplies());
    assertEquals(Optional.empty(), local.files().get(0).foundRevision());
  }

  @Test
  void anAbsentFileIsMissing() throws Exception {
    KitStatus s = status(new Memory().with("a.c", PRISTINE_A));
    assertEquals(List.of(State.PRISTINE, State.MISSING), states(s));
    assertEquals("incomplete (files missing)", s.summary());
  }
}
