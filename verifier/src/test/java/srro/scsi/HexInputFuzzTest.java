package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Any text parses to bytes or fails with ScsiFormatException; bytes written as hex parse back unchanged. */
class HexInputFuzzTest {
  @FuzzTest
  void parsesAnyTextOrSaysWhere(byte[] text) {
    try {
      byte[] b = HexInput.parse("fuzz", text);
      assertTrue(b.length > 0 && b.length <= HexInput.MAX_BYTES);
    } catch (ScsiFormatException expected) {
      assertTrue(expected.getMessage().startsWith("line ") || expected.getMessage().startsWith("no hex")
          || expected.getMessage().startsWith("hex input is larger"), expected.getMessage());
    }
  }

  @FuzzTest
  void hexOfAnyBytesParsesBack(byte[] data) throws ScsiFormatException {
    if (data.length == 0 || data.length > HexInput.MAX_BYTES) {
      return;
    }
    StringBuilder sb = new StringBuilder("# round trip\n");
    for (int i = 0; i < data.length; i++) {
      if (i % 16 == 0) {
        sb.append(String.format(" %02x     ", i));
      }
      sb.append(String.format("%02x", data[i] & 0xff)).append(i % 16 == 15 ? "    ascii|text\n" : " ");
    }
    assertArrayEquals(data, HexInput.parse("fuzz", sb.toString().getBytes(StandardCharsets.US_ASCII)));
  }
}
