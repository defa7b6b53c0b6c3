package srro.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** stenc's key file format: line 1 the key in hex, line 2 an optional description. */
class TapeKeyTest {
  private static final String HEX = "000102030405060708090a0b0c0d0e0f000102030405060708090a0b0c0d0e0f";

  private static TapeKey parse(String text) throws KeyFileFormatException {
    return TapeKey.parse("k.key", text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static KeyFileFormatException fails(String text) {
    return assertThrows(KeyFileFormatException.class, () -> parse(text));
  }

  @Test
  void readsStencExampleWithDescription() throws Exception {
    try (TapeKey k = parse(HEX + "\nApril backup key\n")) {
      assertEquals(32, k.length());
      assertEquals("April backup key", k.description());
      assertEquals(0x0f, k.borrow()[15]);
    }
  }

  @Test
  void readsKeyWithoutNewlineOrDescription() throws Exception {
    try (TapeKey k = parse("00112233445566778899AABBCCDDEEFF")) {
      assertEquals(16, k.length());
      assertEquals("", k.description());
      assertEquals((byte) 0xff, k.borrow()[15]);
    }
  }

  @Test
  void readsOddDigitCountWithImpliedLeadingZeroAsStencDoes() throws Exception {
    try (TapeKey k = parse("abc\n")) {
      assertArrayEquals(new byte[] {0x0a, (byte) 0xbc}, k.borrow());
    }
  }

  @Test
  void acceptsCrlfLineEnds() throws Exception {
    try (TapeKey k = parse("0a0b\r\nname\r\n")) {
      assertEquals(2, k.length());
      assertEquals("name", k.description());
    }
  }

  @Test
  void zeroesTheKeyOnClose() throws Exception {
    TapeKey k = parse(HEX);
    byte[] inside = k.borrow();
    k.close();
    assertArrayEquals(new byte[32], inside);
    IllegalStateException e = assertThrows(IllegalStateException.class, k::borrow);
    assertEquals("tape key already wiped", e.getMessage());
  }

  @Test
  void toStringShowsOnlyTheLength() throws Exception {
    try (TapeKey k = parse(HEX)) {
      assertEquals("TapeKey[32 bytes, redacted]", k.toString());
    }
  }

  @Test
  void rejectsEmptyKeyLine() {
    KeyFileFormatException e = fails("\nname\n");
    assertEquals("line 1: expected the key in hex, found an empty line", e.getMessage());
    assertEquals(0, e.offset());
  }

  @Test
  void rejectsNonHexWithoutShowingIt() {
    KeyFileFormatException e = fails("0x" + HEX);
    assertEquals("line 1: expected hex digits only (no spaces, no 0x), found another character", e.getMessage());
    assertEquals(1, e.offset());
  }

  @Test
  void rejectsSpacesBetweenBytes() {
    assertEquals(2, fails("00 11 22").offset());
  }

  @Test
  void rejectsKeyLongerThanTheLimit() {
    char[] digits = new char[2 * 257];
    Arrays.fill(digits, 'a');
    KeyFileFormatException e = fails(new String(digits));
    assertEquals("line 1: key of 257 bytes is longer than the 256 allowed", e.getMessage());
  }

  @Test
  void rejectsFileLargerThanTheLimit() {
    KeyFileFormatException e = assertThrows(KeyFileFormatException.class,
        () -> TapeKey.parse("k.key", new byte[4097]));
    assertEquals("key file is 4097 bytes, more than the 4096 allowed", e.getMessage());
    assertEquals(-1, e.offset());
  }

  @Test
  void rejectsDescriptionThatIsNotPrintableAscii() {
    KeyFileFormatException e = fails("00\nna\u00e9me\n");
    assertEquals("line 2: description must be printable ascii", e.getMessage());
    assertEquals(5, e.offset());
  }

  @Test
  void rejectsDescriptionLongerThanTheLimit() {
    char[] text = new char[1025];
    Arrays.fill(text, 'd');
    KeyFileFormatException e = fails("00\n" + new String(text));
    assertEquals("line 2: description of 1025 bytes is longer than the 1024 allowed", e.getMessage());
  }

  @Test
  void rejectsAThirdLine() {
    KeyFileFormatException e = fails("00\nname\nmore\n");
    assertEquals("expected at most two lines (key, description), found more", e.getMessage());
    assertEquals(8, e.offset());
  }

  @Test
  void acceptsTrailingEmptyLines() throws Exception {
    try (TapeKey k = parse("00\nname\n\n\n")) {
      assertFalse(k.description().isEmpty());
    }
  }
  @Test
  void encodesAFileThatParsesBackToTheSameKeyAndDescription() throws Exception {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 37 + 5);
    }
    byte[] file = TapeKey.encodeFile(key, "April backup key");
    assertEquals(HexFormat.of().formatHex(key) + "\nApril backup key\n", new String(file, StandardCharsets.US_ASCII));
    try (TapeKey k = TapeKey.parse("k", file)) {
      assertTrue(k.sameKey(key));
      assertEquals("April backup key", k.description());
      key[0] ^= 1;
      assertFalse(k.sameKey(key));
    }
  }

  @Test
  void encodesAFileWithoutDescriptionAsOneLine() {
    assertEquals("00ff\n", new String(TapeKey.encodeFile(new byte[] {0, (byte) 0xff}, ""),
        StandardCharsets.US_ASCII));
  }

  @Test
  void refusesToEncodeADescriptionParseWouldReject() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TapeKey.encodeFile(new byte[32], "tab\there"));
    assertEquals("description must be printable ascii of at most 1024 bytes", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TapeKey.encodeFile(new byte[32], "x".repeat(1025)));
  }

  @Test
  void refusesToEncodeAnEmptyOrOversizedKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TapeKey.encodeFile(new byte[0], ""));
    assertEquals("key must be 1..256 bytes, is 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TapeKey.encodeFile(new byte[257], ""));
  }
}
