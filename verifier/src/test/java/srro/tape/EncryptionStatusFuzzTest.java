package srro.tape;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import srro.scsi.ScsiFormatException;

/** Any reply either parses inside its page length or is rejected as malformed, nothing else. */
class EncryptionStatusFuzzTest {
  @FuzzTest
  void parsesOrRejectsEveryReply(byte[] data) {
    try {
      EncryptionStatus s = EncryptionStatus.parse("fuzz", data);
      int kadBytes = 0;
      for (Kad k : s.kads()) {
        kadBytes += k.encodedLength();
      }
      assertTrue(EncryptionStatus.FIXED_LENGTH + kadBytes <= data.length);
      assertTrue(s.keyInstanceCounter() >= 0 && s.keyInstanceCounter() <= 0xffffffffL);
      // every field has words for tape status, reserved values included
      assertTrue(!EncryptionStatus.scopeText(s.itNexusScope()).isEmpty()
          && !EncryptionStatus.scopeText(s.keyScope()).isEmpty() && !s.parametersControlText().isEmpty()
          && !s.ceemsText().isEmpty() && !s.rawReadsText().isEmpty());
      for (Kad k : s.kads()) {
        assertTrue(!k.authenticatedText().isEmpty() && !k.typeName().isEmpty());
      }
    } catch (ScsiFormatException expected) {
      // malformed replies are reported with source and offset, never read past
    }
  }
}
