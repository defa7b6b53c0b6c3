package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class PublicKeyTest {
  private final SigningKey key = Keys.signingKey(1);
  private final PublicKey pub = key.publicKey("test public key");
  private final byte[] msg = Keys.ascii("hello\n");
  private final Signature sig = key.sign("verify with test.pub", msg, 0, msg.length);

  @Test
  void encodesFortyTwoBytesAndParsesBackByteForByte() throws Exception {
    assertEquals(42, pub.payload().length);
    byte[] file = pub.encode();
    PublicKey back = PublicKey.parse("test.pub", file);
    assertEquals(pub, back);
    assertArrayEquals(file, back.encode());
  }

  @Test
  void verifiesItsOwnSignature() throws Exception {
    assertInstanceOf(Verification.Verified.class, pub.verify(sig, msg, 0, msg.length));
    assertInstanceOf(
        Verification.Verified.class, pub.verify(sig, new ByteArrayInputStream(msg), "m", 1 << 20));
  }

  @Test
  void checksTheKeyNumberBeforeReadingTheMessage() throws Exception {
    PublicKey other = Keys.signingKey(2).publicKey("other");
    InputStream never =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("message read before the key number was checked");
          }
        };
    Verification v = other.verify(sig, never, "m", 1 << 20);
    assertEquals(new Verification.WrongKey(sig.keynum(), other.keynum()), v);
    assertEquals("verification failed: checked against wrong key", v.message());
  }

  @Test
  void rejectsAChangedMessage() {
    byte[] changed = msg.clone();
    changed[0] ^= 1;
    Verification v = pub.verify(sig, changed, 0, changed.length);
    assertEquals("signature verification failed", v.message());
  }

  @Test
  void stopsReadingAStreamPastItsLimit() {
    SignifyFormatException e =
        assertThrows(
            SignifyFormatException.class, () -> pub.verify(sig, new ByteArrayInputStream(new byte[100]), "big", 99));
    assertEquals("msg too large in big", e.getMessage());
  }

  @Test
  void readsOnlyTheFirst2047BytesLikeSignify() {
    byte[] padded = Keys.ascii("untrusted comment: " + "c".repeat(2100) + "\n" + Keys.text(pub.encode()));
    SignifyFormatException e = assertThrows(SignifyFormatException.class, () -> PublicKey.parse("k.pub", padded));
    assertEquals("invalid comment in k.pub; must start with 'untrusted comment: '", e.getMessage());
  }

  @Test
  void hidesNothingSecretAndShowsTheKeyNumber() {
    assertEquals(String.format("PublicKey[keynum=%016x, comment=test public key]", pub.keynum()), pub.toString());
  }
}
