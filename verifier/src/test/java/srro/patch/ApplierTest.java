package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-hunk results as values: where each hunk landed, which were already applied, why others failed. */
class ApplierTest {
  private static FilePatch patch(String diff) throws PatchFormatException {
    return Patchset.parse("t", diff.getBytes(StandardCharsets.ISO_8859_1)).files().get(0);
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static final String TWO =
      "--- f\n+++ f\n@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n@@ -8,3 +8,3 @@\n h\n-i\n+I\n j\n";
  private static final String FILE = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";

  @Test
  void reportsLineOffsetAndFuzzPerHunk() throws Exception {
    FileResult r = Applier.apply(patch(TWO), b("x\nx\nx\n" + FILE.replace("h\n", "H\n")));
    assertEquals(FileResult.Status.APPLIES, r.status());
    assertEquals(List.of(new HunkResult.Applied(5, 3, 0), new HunkResult.Applied(11, 3, 1)), r.hunks());
    assertEquals("x\nx\nx\na\nb\nC\nd\ne\nf\ng\nH\nI\nj\nk\n", new String(r.newContent(), StandardCharsets.ISO_8859_1));
  }

  @Test
  void aCreationWritesTheNewSideByteForByteAndAPresentCopyOfItIsAlreadyApplied() throws Exception {
    FilePatch create = patch("--- /dev/null\n+++ n.c\n@@ -0,0 +1,3 @@\n+one\n+\n+three\n\\ No newline at end of file\n");
    FileResult r = Applier.apply(create, null);
    assertEquals(FileResult.Status.APPLIES, r.status());
    assertEquals("one\n\nthree", new String(r.newContent(), StandardCharsets.ISO_8859_1));
    assertEquals(FileResult.Status.ALREADY_APPLIED, Applier.apply(create, b("one\n\nthree")).status());
    assertEquals(FileResult.Status.CONFLICT, Applier.apply(create, b("one\n\nthree\n")).status());
  }

  @Test
  void aBodysSidesAreItsLinesTextsConcatenated() throws Exception {
    for (Hunk h : patch(TWO + "@@ -20,2 +20,3 @@\n x\n+y\n-z\n\\ No newline at end of file\n+z\n").hunks()) {
      for (boolean old : new boolean[] {true, false}) {
        StringBuilder want = new StringBuilder();
        for (HunkLine l : h.lines()) {
          if (old ? l.inOld() : l.inNew()) {
            want.append(l.text());
          }
        }
        assertEquals(want.toString(), new String(h.body().side(old), StandardCharsets.ISO_8859_1));
        assertEquals(want.toString(), h.side(old));
      }
    }
  }

  @Test
  void detectsAnAlreadyAppliedPatch() throws Exception {
    FileResult r = Applier.apply(patch(TWO), b(FILE.replace("c\n", "C\n").replace("i\n", "I\n")));
    assertEquals(FileResult.Status.ALREADY_APPLIED, r.status());
    assertEquals(List.of(new HunkResult.AlreadyApplied(), new HunkResult.AlreadyApplied()), r.hunks());
  }

  @Test
  void separatesAlreadyAppliedHunksFromConflictingOnes() throws Exception {
    FileResult r = Applier.apply(patch(TWO), b(FILE.replace("c\n", "C\n").replace("i\n", "local\n")));
    assertEquals(FileResult.Status.CONFLICT, r.status());
    assertEquals(new HunkResult.AlreadyApplied(), r.hunks().get(0));
    assertEquals(new HunkResult.Rejected("hunk #2 does not match at line 8 or nearby, even with fuzz 1"),
        r.hunks().get(1));
    assertNull(r.newContent());
  }

  @Test
  void refusesToPatchAMissingFile() throws Exception {
    assertEquals(List.of(new HunkResult.Rejected("no such file"), new HunkResult.Rejected("no such file")),
        Applier.apply(patch(TWO), null).hunks());
  }

  @Test
  void refusesToCreateAFileThatExistsWithOtherContent() throws Exception {
    FilePatch create = patch("--- /dev/null\n+++ f\n@@ -0,0 +1 @@\n+new\n");
    assertEquals(List.of(new HunkResult.Rejected("file exists but the patch creates it")),
        Applier.apply(create, b("old\n")).hunks());
    assertEquals(FileResult.Status.ALREADY_APPLIED, Applier.apply(create, b("new\n")).status());
    assertEquals("new\n", new String(Applier.apply(create, new byte[0]).newContent(), StandardCharsets.UTF_8));
  }

  @Test
  void deletesOnlyAFileThatHoldsExactlyTheRemovedLines() throws Exception {
    FilePatch delete = patch("--- f\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n");
    assertEquals(FileResult.Status.APPLIES, Applier.apply(delete, b("a\nb\n")).status());
    assertNull(Applier.apply(delete, b("a\nb\n")).newContent());
    assertEquals(List.of(new HunkResult.Rejected("file has lines the patch does not delete")),
        Applier.apply(delete, b("a\nb\nc\n")).hunks());
    assertEquals(FileResult.Status.ALREADY_APPLIED, Applier.apply(delete, null).status());
  }

  @Test
  void rejectsMisorderedHunksThatOverlap() throws Exception {
    FilePatch p = patch("--- f\n+++ f\n@@ -5,1 +5,1 @@\n-e\n+E\n@@ -2,1 +2,1 @@\n-b\n+B\n");
    FileResult r = Applier.apply(p, b(FILE));
    assertEquals(FileResult.Status.CONFLICT, r.status());
    assertEquals(new HunkResult.Rejected("hunk #2 overlaps an earlier hunk"), r.hunks().get(1));
  }
}
