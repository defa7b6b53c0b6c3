package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BlowfishTest {
  @Test
  void startsFromTheHexDigitsOfPi() {
    int[] w = Blowfish.PiWords.WORDS;
    assertEquals(1042, w.length);
    assertEquals(0x243f6a88, w[0]);
    assertEquals(0x85a308d3, w[1]);
    assertEquals(0x8979fb1b, w[17]); // last P-array word
    assertEquals(0xd1310ba6, w[18]); // S-box 0, word 0
    assertEquals(0x3ac372e6, w[1041]); // S-box 3, word 255
  }

  private static int[] encrypt(byte[] key, int l, int r) {
    Blowfish b = new Blowfish();
    b.expand0(key);
    int[] lr = {l, r};
    b.encipher(lr, 0);
    return lr;
  }

  @Test
  void encryptsEricYoungsTestVectors() {
    assertArrayEquals(new int[] {0x4ef99745, 0x6198dd78}, encrypt(new byte[8], 0, 0));
    byte[] ones = {-1, -1, -1, -1, -1, -1, -1, -1};
    assertArrayEquals(new int[] {0x51866fd5, 0xb85ecb8a}, encrypt(ones, -1, -1));
  }

  @Test
  void readsKeyStreamsBigEndianAndWrapsAround() {
    int[] pos = {0};
    byte[] data = {1, 2, 3};
    assertEquals(0x01020301, Blowfish.streamToWord(data, pos));
    assertEquals(0x02030102, Blowfish.streamToWord(data, pos));
  }
}
