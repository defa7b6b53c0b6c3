package srro.tape;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import srro.scsi.ScsiFormatException;

/** Any reply either parses inside its page length or is rejected as malformed, nothing else. */
class SupportedPagesFuzzTest {
  @FuzzTest
  void parsesOrRejectsEveryReply(byte[] data) {
    try {
      SupportedPages p = SupportedPages.parse("fuzz", data);
      assertTrue(Page.HEADER_LENGTH + 2 * p.pageCodes().size() <= data.length);
    } catch (ScsiFormatException expected) {
      // malformed replies are reported with source and offset, never read past
    }
  }
}
