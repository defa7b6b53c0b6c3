package srro.signify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerificationTest {
  @Test
  void speaksSignifysWords() {
    assertEquals("Signature Verified", new Verification.Verified(1).message());
    assertEquals("verification failed: checked against wrong key", new Verification.WrongKey(1, 2).message());
    assertEquals("signature verification failed", new Verification.BadSignature(1).message());
  }

  @Test
  void namesEachOutcomeForScripts() {
    assertEquals("verified", new Verification.Verified(1).kind());
    assertEquals("wrong_key", new Verification.WrongKey(1, 2).kind());
    assertEquals("bad_signature", new Verification.BadSignature(1).kind());
    assertTrue(new Verification.Verified(1).verified());
    assertFalse(new Verification.BadSignature(1).verified());
  }
}
