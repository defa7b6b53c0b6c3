package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every parser message, tripped once; and the shapes errata, cvs and git give a diff. */
class DiffParserTest {
  private static Patchset parse(String s) throws PatchFormatException {
    return Patchset.parse("t.diff", s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static PatchFormatException fails(String s) {
    return assertThrows(PatchFormatException.class, () -> parse(s));
  }

  private static void fails(String s, long line, String message) {
    PatchFormatException e = fails(s);
    assertEquals(message, e.getMessage());
    assertEquals(line, e.offset());
    assertEquals("t.diff", e.source());
  }

  private static final String OK = "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n";

  @Test
  void keepsTheDescriptionAndThePreamble() throws Exception {
    Patchset p = parse("Erratum text.\n\nIndex: f\n=====\nRCS file: /cvs/f,v\nretrieving revision 1.1\n"
        + "diff -u -p -r1.1 f\n" + OK);
    assertEquals("Erratum text.\n\n", p.description());
    assertEquals(5, p.files().get(0).preamble().size());
    assertEquals("f", p.files().get(0).indexName().orElseThrow());
    assertEquals(FilePatch.Kind.MODIFY, p.files().get(0).kind());
    assertEquals(1, p.hunkCount());
  }

  @Test
  void readsCountsThatDefaultToOneAndSectionText() throws Exception {
    Hunk h = parse("--- f\n+++ f\n@@ -3 +3 @@ int main()\n-b\n+c\n").files().get(0).hunks().get(0);
    assertEquals(3, h.oldStart());
    assertEquals(1, h.oldCount());
    assertEquals("int main()", h.section());
  }

  @Test
  void acceptsAnEmptyLineAsContextAsGnuPatchDoes() throws Exception {
    Hunk h = parse("--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n\n-b\n+c\n").files().get(0).hunks().get(0);
    assertEquals(new HunkLine(' ', "\n"), h.lines().get(1));
  }

  @Test
  void noNewlineMarkerStripsTheLinesNewline() throws Exception {
    Hunk h = parse("--- f\n+++ f\n@@ -1 +1 @@\n-b\n\\ No newline at end of file\n+c\n").files().get(0).hunks().get(0);
    assertEquals("b", h.lines().get(0).text());
    assertEquals("c\n", h.lines().get(1).text());
  }

  @Test
  void rejectsDiffsOverTheSizeLimit() {
    PatchFormatException e = assertThrows(PatchFormatException.class,
        () -> Patchset.parse("t.diff", new byte[Patchset.MAX_DIFF_BYTES + 1]));
    assertEquals("diff is 67108865 bytes, more than the limit of 67108864", e.getMessage());
  }

  @Test
  void rejectsOverlongLines() {
    fails("x".repeat(Patchset.MAX_LINE_BYTES + 1) + "\n" + OK, 1, "line longer than 1048576 bytes");
  }

  /** The limit counts a line's text, its '\n' left out, whether or not the diff's last line has one. */
  @Test
  void takesLinesOfExactlyTheLimit() throws Exception {
    String longest = "x".repeat(Patchset.MAX_LINE_BYTES);
    assertEquals(1, parse(longest + "\n" + OK).files().size());
    assertEquals(1, parse(OK + longest).files().size());
    fails(OK + longest + "x", 7, "line longer than 1048576 bytes");
    fails(OK + "\n" + longest + "x\n", 8, "line longer than 1048576 bytes");
  }

  @Test
  void rejectsInputWithoutAnyDiff() {
    fails("", -1, "no unified diff found: expected '--- ', '+++ ' and '@@ ' header lines");
  }

  @Test
  void rejectsBinaryPatches() {
    fails("diff --git a/x b/x\nBinary files a/x and b/x differ\n", 2, "binary patches are not supported");
  }

  @Test
  void rejectsRenames() {
    fails("diff --git a/x b/y\nsimilarity index 90%\nrename from x\nrename to y\n" + OK, 3,
        "renames and copies are not supported");
  }

  @Test
  void rejectsACreationWithOldLines() {
    fails("--- /dev/null\n+++ f\n@@ -1 +1 @@\n-a\n+b\n", 1, "patch creating f has a hunk with old lines");
  }

  @Test
  void rejectsADeletionWithNewLines() {
    fails("--- f\n+++ /dev/null\n@@ -1 +1 @@\n-a\n+b\n", 1, "patch deleting f has a hunk with new lines");
  }

  @Test
  void rejectsAMalformedHunkHeader() {
    fails(OK + "@@ -1,x +1 @@\n", 7, "hunk #2 of f: expected '@@ -l,s +l,s @@', got '@@ -1,x +1 @@'");
  }

  @Test
  void rejectsLineZeroWithLines() {
    fails("--- f\n+++ f\n@@ -0,1 +1 @@\n-a\n+b\n", 3, "hunk #1 of f: line 0 only starts an empty range");
  }

  @Test
  void rejectsCountsLargerThanTheDiff() {
    fails("--- f\n+++ f\n@@ -1,9 +1,9 @@\n a\n", 3,
        "hunk #1 of f announces 9 old and 9 new lines, more than the diff has left");
  }

  @Test
  void rejectsAHunkThatEndsEarly() {
    fails("--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n", 5, "hunk #1 of f ends early: expected 0 more old and 1 more new lines");
  }

  @Test
  void rejectsALineThatDoesNotFitTheCounts() {
    fails("--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n+b\n+c\n", 6,
        "hunk #1 of f: expected 1 more old and 0 more new lines, got '+c'");
    fails("--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n*b\n-c\n", 5,
        "hunk #1 of f: expected 1 more old and 1 more new lines, got '*b'");
  }

  @Test
  void rejectsMoreLinesThanTheHeaderSays() {
    fails(OK + "+d\n", 7, "hunk #1 of f has more lines than its header says");
  }

  @Test
  void rejectsANoNewlineMarkerBeforeAnyLine() {
    fails("--- f\n+++ f\n@@ -1 +1 @@\n\\ No newline at end of file\n-a\n+b\n", 4,
        "hunk #1 of f: '\\ No newline' marker before any line");
  }

  @Test
  void rejectsTwoNoNewlineMarkersForOneLine() {
    fails("--- f\n+++ f\n@@ -1 +1 @@\n-a\n\\ No newline\n\\ No newline\n+b\n", 6,
        "hunk #1 of f: two '\\ No newline' markers for one line");
  }

  @Test
  void rejectsANoNewlineMarkerInTheMiddleOfAHunkAsGnuPatchDoes() throws Exception {
    fails("--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n\\ No newline at end of file\n-b\n+B\n c\n", 5,
        "hunk #1 of f: '\\ No newline' marker in the middle of the hunk: only the last line of a side can lack a"
            + " newline");
    fails("--- f\n+++ f\n@@ -1,2 +1,2 @@\n-a\n\\ No newline at end of file\n-b\n+a\n+b\n", 5,
        "hunk #1 of f: '\\ No newline' marker in the middle of the hunk: only the last line of a side can lack a"
            + " newline");
    assertEquals("b", parse("--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n")
        .files().get(0).hunks().get(0).lines().get(1).text());
  }

  @Test
  void rejectsAnEmptyHunkAsGnuPatchDoes() {
    fails("--- f\n+++ f\n@@ -0,0 +0,0 @@\n", 3, "hunk #1 of f is empty: it neither removes nor adds a line");
  }


  @Test
  void rejectsMoreFilesThanTheLimit() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i <= Patchset.MAX_FILES; i++) {
      sb.append("--- f").append(i).append("\n+++ f").append(i).append("\n@@ -1 +1 @@\n-a\n+b\n");
    }
    fails(sb.toString(), 5L * Patchset.MAX_FILES + 1, "more than 10000 files in one patchset");
  }

  @Test
  void rejectsAPureRenameWithoutHunks() {
    fails("diff --git a/x b/y\nsimilarity index 100%\nrename from x\nrename to y\n", 3,
        "renames and copies are not supported");
  }
}
