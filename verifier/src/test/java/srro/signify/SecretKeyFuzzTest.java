package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Secret key files: parse or a format error; what parses encodes back; unlock without rounds never throws
 * anything but its declared failures. */
class SecretKeyFuzzTest {
  @FuzzTest
  void parseEncodeIsStableAndUnlockFailsCleanly(byte[] data) throws SignifyFormatException {
    SecretKey k;
    try {
      k = SecretKey.parse("fuzz.sec", data);
    } catch (SignifyFormatException expected) {
      return;
    }
    if (k.comment().getBytes(StandardCharsets.UTF_8).length <= 1023) {
      byte[] again = k.encode();
      assertArrayEquals(again, SecretKey.parse("fuzz.sec", again).encode());
    }
    if (k.kdfRounds() == 0) {
      try (SigningKey unlocked = k.unlock("fuzz.sec", null)) {
        unlocked.keynum();
      } catch (SignifyFormatException | IncorrectPassphraseException expected) {
        // wrong KDF or checksum: reported, not thrown as anything else
      }
    }
  }
}
