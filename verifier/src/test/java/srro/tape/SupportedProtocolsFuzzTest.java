package srro.tape;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import srro.scsi.ScsiFormatException;

/** Any reply either parses inside its list length or is rejected as malformed, nothing else. */
class SupportedProtocolsFuzzTest {
  @FuzzTest
  void parsesOrRejectsEveryReply(byte[] data) {
    try {
      SupportedProtocols p = SupportedProtocols.parse("fuzz", data);
      assertTrue(SupportedProtocols.HEADER_LENGTH + p.protocols().size() <= data.length);
    } catch (ScsiFormatException expected) {
      // malformed replies are reported with source and offset, never read past
    }
  }
}
