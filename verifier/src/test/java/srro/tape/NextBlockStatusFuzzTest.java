package srro.tape;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import srro.scsi.ScsiFormatException;

/** Any reply either parses inside its page length or is rejected as malformed, nothing else. */
class NextBlockStatusFuzzTest {
  @FuzzTest
  void parsesOrRejectsEveryReply(byte[] data) {
    try {
      NextBlockStatus n = NextBlockStatus.parse("fuzz", data);
      int kadBytes = 0;
      for (Kad k : n.kads()) {
        kadBytes += k.encodedLength();
      }
      assertTrue(NextBlockStatus.FIXED_LENGTH + kadBytes <= data.length);
      assertTrue(n.encryptionStatus() >= 0 && n.encryptionStatus() <= 15);
    } catch (ScsiFormatException expected) {
      // malformed replies are reported with source and offset, never read past
    }
  }
}
