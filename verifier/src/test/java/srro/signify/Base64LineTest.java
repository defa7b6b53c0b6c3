package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class Base64LineTest {
  private static byte[] decode(String s, int length) {
    byte[] b = Keys.ascii(s);
    return Base64Line.decode(b, 0, b.length, length);
  }

  @Test
  void decodesWhatTheEncoderWrites() {
    for (int n = 1; n < 80; n++) {
      byte[] data = new byte[n];
      Keys.random(n).nextBytes(data);
      assertArrayEquals(data, decode(Base64Line.encode(data), n));
    }
  }

  @Test
  void skipsWhitespaceAnywhereLikeB64Pton() {
    assertArrayEquals(Keys.ascii("hello"), decode(" aGVs\tbG8=\r", 5));
    assertArrayEquals(Keys.ascii("hello"), decode("aGVsbG8 =  ", 5));
  }

  @Test
  void requiresPadding() {
    assertNull(decode("aGVsbG8", 5));
    assertNull(decode("aGVsbA", 4));
    assertArrayEquals(Keys.ascii("hell"), decode("aGVsbA==", 4));
    assertArrayEquals(Keys.ascii("hell"), decode("aGVsbA= =", 4));
  }

  @Test
  void rejectsNonZeroLeftoverBits() {
    assertNull(decode("aGVsbG9=", 5));
    assertNull(decode("aGVsbB==", 4));
  }

  @Test
  void rejectsAnythingButWhitespaceAfterPadding() {
    assertNull(decode("aGVsbG8=x", 5));
    assertNull(decode("aGVsbA=x", 4));
  }

  @Test
  void rejectsPaddingTooEarly() {
    assertNull(decode("=", 0));
    assertNull(decode("a===", 1));
  }

  @Test
  void rejectsCharactersOutsideTheAlphabet() {
    assertNull(decode("aGVs!G8=", 5));
  }

  @Test
  void rejectsOtherLengths() {
    assertNull(decode("aGVsbG8=", 4));
    assertNull(decode("aGVsbG8=", 6));
  }

  @Test
  void decodesAtMostTheBufferForChecksums() {
    byte[] b = Keys.ascii("aGVsbG8=");
    assertArrayEquals(Keys.ascii("hello"), Base64Line.decodeAtMost(b, 0, b.length, 112));
    assertNull(Base64Line.decodeAtMost(b, 0, b.length, 3));
  }
}
