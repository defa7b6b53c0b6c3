package srro.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written hunk header reader accepts exactly what the regular expression it replaced matched. */
class HunkHeaderTest {
  private static final Pattern HUNK =
      Pattern.compile("@@ -(\\d{1,9})(?:,(\\d{1,9}))? \\+(\\d{1,9})(?:,(\\d{1,9}))? @@(.*)");

  @Test
  void acceptsWhatTheRegexMatched() throws Exception {
    List<String> headers = List.of(
        "@@ -1,2 +1,2 @@", "@@ -1 +1 @@", "@@ -1,2 +1 @@", "@@ -1 +1,2 @@", "@@ -1,2 +1,2 @@ int main(void)",
        "@@ -1,2 +1,2 @@\tsection\t ", "@@ -1,2 +1,2 @@x", "@@ -123456789,2 +1,2 @@", "@@ -1234567890,2 +1,2 @@",
        "@@ -1,1234567890 +1,2 @@", "@@ -1, +1,2 @@", "@@ -,2 +1,2 @@", "@@ -1,2 +1,2", "@@ -1,2 +1,2 @",
        "@@ -1,2  +1,2 @@", "@@ -1,2 + 1,2 @@", "@@ -a,2 +1,2 @@", "@@ -1,2 +1,2 @@ a\rb", "@@ -1,2 +1,2 @@ a\u0085b",
        "@@ -1,2 +1,2 @@ caf\u00e9 \u00a0", "@@ -01,02 +001,2 @@", "@@ -1,2 +1,2,3 @@", "@@  -1,2 +1,2 @@");
    for (String h : headers) {
      Matcher m = HUNK.matcher(h);
      String diff = "--- a\n+++ a\n" + h + "\n-x\n-y\n+x\n+y\n";
      byte[] bytes = diff.getBytes(StandardCharsets.ISO_8859_1);
      if (!m.matches()) {
        PatchFormatException e = assertThrows(PatchFormatException.class, () -> Patchset.parse("t", bytes), h);
        assertEquals(3, e.offset(), h);
        continue;
      }
      int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
      if (oldCount != 2 || newCount != 2) {
        assertThrows(PatchFormatException.class, () -> Patchset.parse("t", bytes), h);
        continue;
      }
      Hunk hunk = Patchset.parse("t", bytes).files().get(0).hunks().get(0);
      assertEquals(Integer.parseInt(m.group(1)), hunk.oldStart(), h);
      assertEquals(Integer.parseInt(m.group(3)), hunk.newStart(), h);
      assertEquals(m.group(5).strip(), hunk.section(), h);
    }
  }
}
