package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignifyFileTest {
  private static final byte[] PAYLOAD = Keys.ascii("Ed" + "x".repeat(40));

  private static SignifyFile parse(String text, boolean checkComment) throws SignifyFormatException {
    byte[] b = Keys.ascii(text);
    return SignifyFile.parse("k.pub", b, b.length, PAYLOAD.length, checkComment);
  }

  private static String message(String text) {
    return assertThrows(SignifyFormatException.class, () -> parse(text, true)).getMessage();
  }

  private static String good(String comment) {
    return Keys.text(SignifyFile.encode(comment, PAYLOAD));
  }

  @Test
  void parsesWhatItEncodes() throws Exception {
    SignifyFile f = parse(good("hello") + "message", true);
    assertEquals("hello", f.comment());
    assertArrayEquals(PAYLOAD, f.payload());
    assertEquals(good("hello").length(), f.length());
  }

  @Test
  void toleratesCrlfKeepingTheCarriageReturnInTheComment() throws Exception {
    SignifyFile f = parse(good("hello").replace("\n", "\r\n"), true);
    assertEquals("hello\r", f.comment());
    assertArrayEquals(PAYLOAD, f.payload());
  }

  @Test
  void rejectsAFileWithoutTheCommentHeader() {
    String expected = "invalid comment in k.pub; must start with 'untrusted comment: '";
    assertEquals(expected, message(good("x").replace("untrusted", "trusted")));
    assertEquals(expected, message(""));
    assertEquals(expected, message("untrusted comment: no newline"));
  }

  @Test
  void rejectsAnEmptyCommentAsSignifyDoes() {
    assertEquals("invalid comment in k.pub; must start with 'untrusted comment: '", message(good("")));
  }

  @Test
  void stopsAtTheFirstNulByteLikeCStrings() {
    assertEquals("invalid comment in k.pub; must start with 'untrusted comment: '", message("untrusted\0 comment: x\n"));
    assertEquals("missing new line after base64 in k.pub", message(good("x").replace("\nRW", "\n\0RW")));
  }

  @Test
  void limitsTheCommentTo1023BytesWhenItIsKept() throws Exception {
    assertEquals(1023, parse(good("c".repeat(1023)), true).comment().length());
    assertEquals("comment too long", message(good("c".repeat(1024))));
    assertEquals(1024, parse(good("c".repeat(1024)), false).comment().length());
  }

  @Test
  void requiresANewlineAfterTheBase64() {
    String g = good("x");
    assertEquals("missing new line after base64 in k.pub", message(g.substring(0, g.length() - 1)));
  }

  @Test
  void rejectsTruncatedOrJunkBase64() {
    String g = good("x");
    assertEquals("unable to parse k.pub", message(g.substring(0, g.length() - 6) + "\n"));
    assertEquals("unable to parse k.pub", message("untrusted comment: x\n\u00ff\u0001junk\n"));
  }

  @Test
  void rejectsAnotherAlgorithm() {
    byte[] other = PAYLOAD.clone();
    other[1] = 'X';
    String text = Keys.text(SignifyFile.encode("x", other));
    assertEquals("unsupported file k.pub", message(text));
  }
}
