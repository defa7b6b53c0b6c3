package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HexInputTest {
  private static byte[] parse(String text) throws ScsiFormatException {
    return HexInput.parse("in", text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String error(String text) {
    return assertThrows(ScsiFormatException.class, () -> parse(text)).getMessage();
  }

  @Test
  void readsBytesSeparatedByBlanksAndCommasWithComments() throws Exception {
    assertArrayEquals(new byte[] {0x0b, 0, 0x10, 8, 0x0f}, parse("# reply\n0b,00 10\t8 # note\r\nf\n"));
  }

  @Test
  void readsSg3UtilsDumpsWithOffsetsAndAscii() throws Exception {
    String dump =
        " 00     00 22 00 80 00 00 00 08  00 00 00 00 00 00 02 00    .\"..............\n"
            + " 10     08 12                                               ..\n";
    byte[] b = parse(dump);
    assertEquals(18, b.length);
    assertEquals(0x22, b[1]);
    assertEquals(0x12, b[17]);
  }

  @Test
  void readsHexdumpCanonicalOutput() throws Exception {
    String dump = "00000000  70 00 05 00  |p...|\n00000004\n";
    assertArrayEquals(new byte[] {0x70, 0, 5, 0}, parse(dump));
  }

  @Test
  void rejectsAnOffsetThatDoesNotMatch() {
    assertEquals("line 1, column 1: offset 0010 does not match the 0 bytes read so far", error("0010  00 01"));
  }

  @Test
  void rejectsTokensThatAreNotBytes() {
    assertEquals("line 2, column 4: expected a hex byte (1 or 2 hex digits), got 'zz'", error("00\n01 zz"));
    assertEquals("line 1, column 4: expected a hex byte (1 or 2 hex digits), got '123'", error("00 123"));
  }

  @Test
  void rejectsInputWithoutBytes() {
    assertEquals("no hex bytes found", error("# nothing\n\n"));
  }

  @Test
  void rejectsTooManyBytes() {
    String text = "00 ".repeat(HexInput.MAX_BYTES + 1);
    assertEquals("line 1, column " + (3 * HexInput.MAX_BYTES + 1) + ": more than 65536 bytes", error(text));
  }

  @Test
  void rejectsTooMuchText() {
    ScsiFormatException e =
        assertThrows(ScsiFormatException.class, () -> HexInput.parse("in", new byte[HexInput.MAX_TEXT_BYTES + 1]));
    assertEquals("hex input is larger than 1048576 bytes (1048577)", e.getMessage());
  }

  @Test
  void showsOnlyPrintableCharactersOfABadToken() {
    assertEquals(
        "line 1, column 1: expected a hex byte (1 or 2 hex digits), got 'g?gggggggggggggg...'",
        error("g\u0001gggggggggggggggggg"));
  }
}
