package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answers; signify-openbsd's own passphrase keys are checked in SignifyInteropTest (tool). */
class BcryptPbkdfTest {
  @Test
  void matchesTheKnownAnswerOfPyCaBcrypt() {
    byte[] key = BcryptPbkdf.derive(Keys.ascii("password"), Keys.ascii("salt"), 32, 4);
    assertArrayEquals(
        HexFormat.of().parseHex("5bbf0cc293587f1c3635555c27796598d47e579071bf427e9d8fbe842aba34d9"), key);
  }

  @Test
  void spreadsLongKeysAcrossCounterBlocks() {
    byte[] k64 = BcryptPbkdf.derive(Keys.ascii("pw"), Keys.ascii("salt"), 64, 1);
    byte[] k32 = BcryptPbkdf.derive(Keys.ascii("pw"), Keys.ascii("salt"), 32, 1);
    // with stride 2, block 1 fills the even bytes: its first 32 output bytes equal the 32-byte key's
    for (int i = 0; i < 32; i++) {
      assertEquals(k32[i], k64[2 * i], "byte " + i);
    }
  }

  @Test
  void refusesWhatBcryptPbkdfRefuses() {
    assertThrows(IllegalArgumentException.class, () -> BcryptPbkdf.derive(Keys.ascii("p"), Keys.ascii("s"), 32, 0));
    assertThrows(IllegalArgumentException.class, () -> BcryptPbkdf.derive(new byte[0], Keys.ascii("s"), 32, 1));
  }
}
