package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Signatures, detached or embedded: parsing never reads past the input, the message starts inside it, and a
 * parsed signature encodes and parses back the same. Verification of whatever parsed never throws.
 */
class SignatureFuzzTest {
  private static final PublicKey KEY = Keys.signingKey(99).publicKey("fuzz");

  @FuzzTest
  void embeddedSignaturesParseStablyAndVerifyWithoutThrowing(byte[] data) throws SignifyFormatException {
    Signature s;
    try {
      s = Signature.parse("fuzz.sig", data, data.length);
    } catch (SignifyFormatException expected) {
      return;
    }
    assertTrue(s.length() <= data.length);
    KEY.verify(s, data, s.length(), data.length - s.length());
    EmbeddedSignature.Result r = EmbeddedSignature.parse("fuzz.sig", data).verify(KEY);
    assertEquals(s, r.signature());
    if (r instanceof EmbeddedSignature.Opened ok) {
      assertEquals(data.length - s.length(), ok.message().length());
    }
    if (s.comment().getBytes(StandardCharsets.UTF_8).length <= 1023) {
      byte[] again = s.encode();
      Signature back = Signature.parse("fuzz.sig", again);
      assertEquals(s.comment(), back.comment());
      assertEquals(s.keynum(), back.keynum());
      assertArrayEquals(s.sig(), back.sig());
    }
  }
}
