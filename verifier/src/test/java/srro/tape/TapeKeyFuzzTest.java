package srro.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Any key file either parses to a key whose hex is line 1 (with stenc's implied leading zero) or is rejected
 * with a KeyFileFormatException, whose message never holds a byte of the file beyond plain ASCII words.
 */
class TapeKeyFuzzTest {
  @FuzzTest
  void parsesOrRejectsEveryKeyFile(byte[] data) {
    try (TapeKey k = TapeKey.parse("fuzz", data)) {
      assertTrue(k.length() >= 1 && k.length() <= TapeKey.MAX_KEY_BYTES);
      String text = new String(data, StandardCharsets.ISO_8859_1);
      int nl = text.indexOf('\n');
      String line = nl < 0 ? text : text.substring(0, nl);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      String expected = (line.length() % 2 == 1 ? "0" : "") + line.toLowerCase(Locale.ROOT);
      assertEquals(expected, HexFormat.of().formatHex(k.borrow()));
      assertTrue(k.description().length() <= TapeKey.MAX_DESCRIPTION_BYTES);
      assertEquals("TapeKey[" + k.length() + " bytes, redacted]", k.toString());
    } catch (KeyFileFormatException e) {
      assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), e.getMessage());
    }
  }
  /** What {@code srro tape keygen} writes parses back to the same key and description, for any of them. */
  @FuzzTest
  void encodedKeyFilesParseBack(byte[] data) throws KeyFileFormatException {
    if (data.length == 0) {
      return;
    }
    int keyLength = 1 + (data[0] & 0xff) % TapeKey.MAX_KEY_BYTES;
    byte[] key = java.util.Arrays.copyOfRange(data, 1, Math.min(data.length, 1 + keyLength));
    if (key.length == 0) {
      return;
    }
    StringBuilder d = new StringBuilder();
    for (int i = 1 + key.length; i < data.length && d.length() < TapeKey.MAX_DESCRIPTION_BYTES; i++) {
      d.append((char) (0x20 + (data[i] & 0xff) % 0x5f));
    }
    String description = d.toString();
    try (TapeKey k = TapeKey.parse("fuzz", TapeKey.encodeFile(key, description))) {
      assertTrue(k.sameKey(key));
      assertEquals(description, k.description());
    }
  }
}
