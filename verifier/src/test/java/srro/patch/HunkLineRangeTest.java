package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hunk lines kept as ranges of the diff's bytes read, compare and write as their text does. */
class HunkLineRangeTest {
  private static String apply(String diff, String file) throws PatchFormatException {
    FilePatch fp = Patchset.parse("d", diff.getBytes(StandardCharsets.ISO_8859_1)).files().get(0);
    FileResult r = Applier.apply(fp, file.getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(FileResult.Status.APPLIES, r.status());
    return new String(r.newContent(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void crlfDiffLinesLoseTheirCr() throws Exception {
    String diff = "--- f\r\n+++ f\r\n@@ -1,3 +1,3 @@\r\n a\r\n-b\r\n+B\r\n c\r\n";
    assertEquals("a\nB\nc\n", apply(diff, "a\nb\nc\n"));
    HunkLine l = Patchset.parse("d", diff.getBytes(StandardCharsets.ISO_8859_1)).files().get(0).hunks().get(0)
        .lines().get(2);
    assertEquals(new HunkLine('+', "B\n"), l);
    assertEquals("B\n", l.text());
  }

  @Test
  void emptyContextLineAndNoNewlineAtEnd() throws Exception {
    String diff = "--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n\n-c\n\\ No newline at end of file\n+C\n"
        + "\\ No newline at end of file\n";
    assertEquals("a\n\nC", apply(diff, "a\n\nc"));
  }

  @Test
  void lastDiffLineWithoutNewline() throws Exception {
    assertEquals("a\nB\n", apply("--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n+B", "a\nb\n"));
  }

  @Test
  void reversedKeepsTheText() throws Exception {
    Hunk h = Patchset.parse("d", "--- f\n+++ f\n@@ -1 +1 @@\n-x\n+y\n".getBytes(StandardCharsets.ISO_8859_1))
        .files().get(0).hunks().get(0);
    assertEquals(java.util.List.of(new HunkLine('+', "x\n"), new HunkLine('-', "y\n")), h.reversed().lines());
  }
}
