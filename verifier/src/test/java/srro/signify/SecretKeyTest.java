package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretKeyTest {
  private final SigningKey key = Keys.signingKey(4);
  private final byte[] msg = Keys.ascii("m");

  private static SecretKey reparse(SecretKey k) throws SignifyFormatException {
    return SecretKey.parse("k.sec", k.encode());
  }

  @Test
  void storesAKeyWithoutPassphraseInOneHundredFourBytes() throws Exception {
    SecretKey sealed = SecretKey.seal(key, "signify secret key", 0, new byte[0], Keys.random(5));
    assertEquals(104, sealed.payload().length);
    SecretKey back = reparse(sealed);
    assertArrayEquals(sealed.encode(), back.encode());
    assertFalse(back.needsPassphrase());
    try (SigningKey k = back.unlock("k.sec", null)) {
      assertArrayEquals(key.sign("c", msg, 0, 1).sig(), k.sign("c", msg, 0, 1).sig());
    }
  }

  @Test
  void unlocksWithTheRightPassphraseOnly() throws Exception {
    SecretKey sealed = reparse(SecretKey.seal(key, "c", 2, Keys.ascii("pw"), Keys.random(6)));
    assertTrue(sealed.needsPassphrase());
    try (SigningKey k = sealed.unlock("k.sec", Keys.ascii("pw"))) {
      assertEquals(key.keynum(), k.keynum());
    }
    IncorrectPassphraseException e =
        assertThrows(IncorrectPassphraseException.class, () -> sealed.unlock("k.sec", Keys.ascii("pW")));
    assertEquals("incorrect passphrase", e.getMessage());
  }

  private static byte[] withPayload(SecretKey k, int at, byte[] bytes) {
    byte[] p = k.payload();
    System.arraycopy(bytes, 0, p, at, bytes.length);
    return SignifyFile.encode("c", p);
  }

  @Test
  void refusesAnotherKdf() throws Exception {
    SecretKey k = SecretKey.parse("k.sec", withPayload(SecretKey.seal(key, "c", 0, null, Keys.random(7)), 2, Keys.ascii("XX")));
    SignifyFormatException e = assertThrows(SignifyFormatException.class, () -> k.unlock("k.sec", null));
    assertEquals("unsupported KDF", e.getMessage());
  }

  @Test
  void refusesRoundsBeyondTheLimitInsteadOfRunningForHours() throws Exception {
    byte[] rounds = ByteBuffer.allocate(4).putInt(-1).array();
    SecretKey k = SecretKey.parse("k.sec", withPayload(SecretKey.seal(key, "c", 0, null, Keys.random(8)), 4, rounds));
    SignifyFormatException e = assertThrows(SignifyFormatException.class, () -> k.unlock("k.sec", Keys.ascii("x")));
    assertEquals("kdf rounds 4294967295 above the limit of 4096", e.getMessage());
  }

  @Test
  void neverShowsSecretBytes() {
    SecretKey sealed = SecretKey.seal(key, "c", 0, null, Keys.random(9));
    String hex = HexFormat.of().formatHex(key.secretKey());
    assertFalse(sealed.toString().contains(hex.substring(0, 16)));
    assertFalse(key.toString().contains(hex.substring(0, 16)));
  }

  @Test
  void destroyWipesTheKeyBytes() {
    SecretKey sealed = SecretKey.seal(key, "c", 0, null, Keys.random(10));
    sealed.destroy();
    byte[] p = sealed.payload();
    for (int i = 8; i < 32; i++) {
      assertEquals(0, p[i], "salt/checksum byte " + i);
    }
    for (int i = 40; i < 104; i++) {
      assertEquals(0, p[i], "key byte " + i);
    }
  }
}
