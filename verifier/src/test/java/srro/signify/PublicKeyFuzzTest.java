package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes either parse as a public key that encodes and parses back the same, or are a format error. */
class PublicKeyFuzzTest {
  @FuzzTest
  void parseEncodeParseIsStable(byte[] data) throws SignifyFormatException {
    PublicKey k;
    try {
      k = PublicKey.parse("fuzz.pub", data);
    } catch (SignifyFormatException expected) {
      return;
    }
    byte[] again = k.encode();
    if (again.length > Limits.KEY_FILE_MAX_BYTES) {
      return; // a comment re-encoded longer (invalid UTF-8 became U+FFFD) no longer fits signify's buffer
    }
    assertEquals(k, PublicKey.parse("fuzz.pub", again));
    assertArrayEquals(again, PublicKey.parse("fuzz.pub", again).encode());
  }
}
