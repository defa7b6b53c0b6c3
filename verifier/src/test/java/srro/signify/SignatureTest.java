package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignatureTest {
  private final SigningKey key = Keys.signingKey(3);

  private Signature signed(String comment) {
    return key.sign(comment, new byte[0], 0, 0);
  }

  @Test
  void encodesSeventyFourBytesAndParsesBack() throws Exception {
    Signature s = signed("verify with k.pub");
    assertEquals(74, s.payload().length);
    byte[] file = s.encode();
    Signature back = Signature.parse("m.sig", file);
    assertEquals(s, back);
    assertArrayEquals(file, back.encode());
    assertEquals(file.length, back.length());
  }

  @Test
  void findsTheMessageAfterAnEmbeddedSignature() throws Exception {
    byte[] file = Keys.ascii(Keys.text(signed("x").encode()) + "the message");
    Signature s = Signature.parse("m.sig", file, file.length);
    assertEquals("the message", Keys.text(file).substring(s.length()));
  }

  @Test
  void namesTheKeyFromVerifyWithAnywhereInTheComment() {
    assertEquals(Optional.of("openbsd-77-base.pub"), signed("verify with openbsd-77-base.pub").keyName());
    assertEquals(Optional.of("k.pub"), signed("note: verify with k.pub").keyName());
  }

  @Test
  void refusesKeyNamesWithASlash() {
    assertEquals(Optional.empty(), signed("verify with ../k.pub").keyName());
    assertEquals(Optional.empty(), signed("verify with /tmp/k.pub").keyName());
    assertEquals(Optional.empty(), signed("signature from x").keyName());
  }
}
