package srro.patch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines.of reads eight bytes at a time: it must find exactly the line starts a byte-by-byte scan finds. */
class LinesTest {
  /** The line starts and the end, one byte at a time: the definition Lines.of must meet. */
  private static int[] expected(byte[] b) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n' && i + 1 < b.length) {
        starts.add(i + 1);
      }
    }
    if (b.length > 0) {
      starts.add(b.length);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[] actual(byte[] b) {
    Lines l = Lines.of(b);
    int[] out = new int[l.size() + 1];
    for (int i = 0; i <= l.size(); i++) {
      out[i] = l.starts(i);
    }
    return out;
  }

  /** Every set of newline bytes in a word: the lowest one's index, as numberOfTrailingZeros gives it. */
  @Test
  void afterLowestIsOnePastTheLowestMarkedByte() {
    for (int mask = 1; mask < 256; mask++) {
      long zeros = 0;
      for (int k = 0; k < 8; k++) {
        if ((mask & (1 << k)) != 0) {
          zeros |= 0x80L << (8 * k);
        }
      }
      assertEquals((Long.numberOfTrailingZeros(zeros) >>> 3) + 1, Lines.afterLowest(zeros), Long.toHexString(zeros));
    }
  }

  @Test
  void findsTheSameStartsAsAByteByByteScan() {
    // '\n' next to the bytes a word-at-a-time test could confuse with it: 0x0B and 0x8A differ from it in one
    // bit, 0x00 and 0xFF carry or borrow across a byte
    byte[] alphabet = {'\n', 0x0B, (byte) 0x8A, 0x00, (byte) 0xFF, 0x09, 'a', 0x7F, (byte) 0x80};
    Random r = new Random(15);
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[r.nextInt(70)];
      for (int i = 0; i < b.length; i++) {
        b[i] = alphabet[r.nextInt(round % 2 == 0 ? 2 : alphabet.length)];
      }
      assertArrayEquals(expected(b), actual(b), () -> java.util.HexFormat.of().formatHex(b));
    }
  }

  @Test
  void growsPastItsFirstGuessForShortLines() {
    for (int n : new int[] {0, 1, 7, 8, 9, 63, 64, 65, 4097}) {
      byte[] newlines = new byte[n];
      java.util.Arrays.fill(newlines, (byte) '\n');
      assertArrayEquals(expected(newlines), actual(newlines));
      byte[] noFinal = newlines.clone();
      if (n > 0) {
        noFinal[n - 1] = 'x';
      }
      assertArrayEquals(expected(noFinal), actual(noFinal));
    }
  }
}
