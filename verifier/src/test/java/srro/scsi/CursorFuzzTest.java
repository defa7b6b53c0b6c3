package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any sequence of reads either succeeds inside the window or throws ScsiFormatException, nothing else. */
class CursorFuzzTest {
  @FuzzTest
  void cursorNeverReadsOutsideItsWindow(FuzzedDataProvider data) {
    int off = data.consumeInt(-4, 64);
    int n = data.consumeInt(-4, 64);
    byte[] bytes = data.consumeRemainingAsBytes();
    Cursor c = Cursor.of("fuzz", bytes);
    try {
      Cursor s = c.sliceAtMost(Math.max(0, Math.min(off, bytes.length)), Math.max(0, n));
      assertTrue(s.length() <= bytes.length);
      s.u8(off);
      s.be16(off);
      s.be32(off);
      s.be64(off);
      s.bytes(off, n);
      c.slice(off, n);
    } catch (ScsiFormatException expected) {
      // a read outside the window is reported, never performed
    }
  }
}
