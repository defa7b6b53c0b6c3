package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class EmbeddedSignatureTest {
  private final SigningKey key = Keys.signingKey(12);
  private final PublicKey pub = key.publicKey("test public key");

  private byte[] embedded(byte[] message) {
    byte[] sig = key.sign("verify with k.pub", message, 0, message.length).encode();
    byte[] all = new byte[sig.length + message.length];
    System.arraycopy(sig, 0, all, 0, sig.length);
    System.arraycopy(message, 0, all, sig.length, message.length);
    return all;
  }

  @Test
  void opensAGoodFileAndHandsOnOnlyTheMessage() throws Exception {
    byte[] msg = Keys.ascii("SHA256 (a) = 00\n");
    EmbeddedSignature.Result r = EmbeddedSignature.parse("m.sig", embedded(msg)).verify(pub);
    EmbeddedSignature.Opened ok = assertInstanceOf(EmbeddedSignature.Opened.class, r);
    assertEquals(key.keynum(), ok.verification().keynum());
    assertArrayEquals(msg, ok.message().toByteArray());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ok.message().writeTo(out);
    assertArrayEquals(msg, out.toByteArray());
    assertEquals(msg.length, ok.message().length());
  }

  @Test
  void opensAnEmptyMessage() throws Exception {
    EmbeddedSignature.Result r = EmbeddedSignature.parse("m.sig", embedded(new byte[0])).verify(pub);
    assertEquals(0, assertInstanceOf(EmbeddedSignature.Opened.class, r).message().length());
  }

  @Test
  void refusesAForeignKeyByItsNumberBeforeTheCurve() throws Exception {
    PublicKey other = Keys.signingKey(13).publicKey("other");
    EmbeddedSignature.Result r = EmbeddedSignature.parse("m.sig", embedded(Keys.ascii("x"))).verify(other);
    EmbeddedSignature.Refused no = assertInstanceOf(EmbeddedSignature.Refused.class, r);
    assertInstanceOf(Verification.WrongKey.class, no.verification());
    assertEquals("verification failed: checked against wrong key", no.verification().message());
  }

  @Test
  void refusesAChangedMessage() throws Exception {
    byte[] all = embedded(Keys.ascii("hello\n"));
    all[all.length - 2] ^= 1;
    EmbeddedSignature.Result r = EmbeddedSignature.parse("m.sig", all).verify(pub);
    EmbeddedSignature.Refused no = assertInstanceOf(EmbeddedSignature.Refused.class, r);
    assertEquals("signature verification failed", no.verification().message());
  }

  @Test
  void keepsTheSignatureForItsKeyName() throws Exception {
    EmbeddedSignature e = EmbeddedSignature.parse("m.sig", embedded(Keys.ascii("x")));
    assertEquals("k.pub", e.signature().keyName().orElseThrow());
    assertEquals("m.sig", e.source());
  }

  @Test
  void rejectsAFileWithoutSignatureLinesInSignifysWords() {
    SignifyFormatException e =
        assertThrows(SignifyFormatException.class, () -> EmbeddedSignature.parse("m.sig", Keys.ascii("diff\n")));
    assertEquals("invalid comment in m.sig; must start with 'untrusted comment: '", e.getMessage());
  }

  @Test
  void aRefusalIsNeverVerified() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new EmbeddedSignature.Refused(
            Signature.of("c", 1, new byte[64]), new Verification.Verified(1)));
  }
}
