package srro.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginalsTest {
  private static final String A = "a".repeat(64);
  private static final String B = "0123456789abcdef".repeat(4);

  private static Originals parse(String text) throws KitFormatException {
    return Originals.parse("ORIGINALS", text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static KitFormatException rejects(String text) {
    return assertThrows(KitFormatException.class, () -> parse(text));
  }

  @Test
  void parsesEntriesInFileOrderSkippingComments() throws Exception {
    Originals o = parse("# comment\nSHA256 (sys/dev/softraid.c) = " + A + " rev 1.433\n#\n"
        + "SHA256 (sbin/scsi/scsi.8) = " + B + " rev 1.36\n");
    assertEquals(List.of(new Original("sys/dev/softraid.c", A, "1.433"), new Original("sbin/scsi/scsi.8", B, "1.36")),
        o.entries());
    assertEquals("1.36", o.find("sbin/scsi/scsi.8").orElseThrow().revision());
    assertTrue(o.find("sbin/scsi/scsi.c").isEmpty());
  }

  @Test
  void encodeGivesTheEntriesBack() throws Exception {
    String text = "SHA256 (sys/dev/softraid.c) = " + A + " rev 1.433\nSHA256 (x) = " + B + " rev 1.2.4.1\n";
    Originals o = parse("# dropped\n" + text);
    assertArrayEquals(text.getBytes(StandardCharsets.US_ASCII), o.encode());
    assertEquals(o, parse(text));
  }

  @Test
  void rejectsInputOverTheLimit() {
    KitFormatException e = rejects("#".repeat(Originals.MAX_BYTES) + "\n");
    assertEquals("ORIGINALS: longer than 65536 bytes", e.getMessage());
    assertEquals(-1, e.offset());
  }

  @Test
  void rejectsMissingFinalNewline() {
    assertEquals("ORIGINALS: missing newline at end of file",
        rejects("SHA256 (x) = " + A + " rev 1.1").getMessage());
  }

  @Test
  void rejectsCarriageReturnsAndNonAscii() {
    KitFormatException e = rejects("# ok\nSHA256 (x) = " + A + " rev 1.1\r\n");
    assertEquals("ORIGINALS:2: expected ascii text with newline line ends", e.getMessage());
    assertEquals(2, e.offset());
    assertEquals("ORIGINALS:1: expected ascii text with newline line ends", rejects("# caf\u00e9\n").getMessage());
  }

  @Test
  void rejectsLinesOfAnyOtherShape() {
    for (String bad : List.of("", " # indented", "SHA256 (x) = " + A + " rev 1.1 ", "SHA256 (x)= " + A + " rev 1.1",
        "SHA256 (x) = " + A.toUpperCase() + " rev 1.1", "SHA256 (x) = " + A.substring(1) + " rev 1.1",
        "SHA512 (x) = " + A + " rev 1.1", "SHA256 (a b) = " + A + " rev 1.1", "SHA256 (x) = " + A)) {
      KitFormatException e = rejects("# first\n" + bad + "\n");
      assertEquals("ORIGINALS:2: expected a comment or SHA256 (PATH) = HEX rev REVISION", e.getMessage(), bad);
      assertEquals(2, e.offset());
    }
  }

  @Test
  void rejectsPathsThatLeaveTheTree() {
    for (String path : List.of("/etc/passwd", "../x", "sys/../../x", "sys/..", "..", "sys//x", "./x")) {
      assertEquals("ORIGINALS:1: not a relative path inside the tree: " + path,
          rejects("SHA256 (" + path + ") = " + A + " rev 1.1\n").getMessage());
    }
  }

  @Test
  void rejectsRevisionsThatAreNotRcsNumbers() {
    for (String rev : List.of("1", "1.", ".1", "1..2", "0.1", "1.01")) {
      assertEquals("ORIGINALS:1: not an RCS revision: " + rev,
          rejects("SHA256 (x) = " + A + " rev " + rev + "\n").getMessage());
    }
  }

  @Test
  void rejectsAPathListedTwice() {
    assertEquals("ORIGINALS:2: x listed twice",
        rejects("SHA256 (x) = " + A + " rev 1.1\nSHA256 (x) = " + B + " rev 1.2\n").getMessage());
  }

  @Test
  void rejectsAFileThatListsNothing() {
    assertEquals("ORIGINALS: no files listed", rejects("# only a comment\n").getMessage());
    assertEquals("ORIGINALS: no files listed", rejects("").getMessage());
  }

  @Test
  void recordRejectsBadHexDirectly() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Original("x", "A".repeat(64), "1.1"));
    assertEquals("not 64 lowercase hex digits: " + "A".repeat(64), e.getMessage());
  }
}
