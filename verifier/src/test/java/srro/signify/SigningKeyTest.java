package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SigningKeyTest {
  @Test
  void signsDeterministically() {
    SigningKey k = Keys.signingKey(11);
    byte[] m = Keys.ascii("abc");
    assertArrayEquals(k.sign("c", m, 0, 3).sig(), k.sign("c", m, 0, 3).sig());
    assertNotEquals(Arrays.toString(k.sign("c", m, 0, 3).sig()), Arrays.toString(k.sign("c", m, 0, 2).sig()));
  }

  @Test
  void carriesItsKeyNumberIntoSignaturesAndPublicKey() {
    SigningKey k = Keys.signingKey(12);
    assertEquals(k.keynum(), k.sign("c", new byte[0], 0, 0).keynum());
    assertEquals(k.keynum(), k.publicKey("p").keynum());
  }

  @Test
  void closeWipesTheSecret() {
    SigningKey k = Keys.signingKey(13);
    k.close();
    assertArrayEquals(new byte[64], k.secretKey());
  }
}
