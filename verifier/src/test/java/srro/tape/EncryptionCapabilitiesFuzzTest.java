package srro.tape;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import srro.scsi.ScsiFormatException;

/** Any reply either parses inside its page length or is rejected as malformed, nothing else. */
class EncryptionCapabilitiesFuzzTest {
  @FuzzTest
  void parsesOrRejectsEveryReply(byte[] data) {
    try {
      EncryptionCapabilities c = EncryptionCapabilities.parse("fuzz", data);
      int bytes = EncryptionCapabilities.FIXED_LENGTH;
      for (AlgorithmDescriptor a : c.algorithms()) {
        assertTrue(a.descriptorLength() >= AlgorithmDescriptor.MINIMUM_DESCRIPTOR_LENGTH);
        bytes += AlgorithmDescriptor.HEADER_LENGTH + a.descriptorLength();
        // srro sends RDMC only where the drive's own words say it is controllable
        assertTrue(a.rawDecryptionControllable() == a.rdmcCText().startsWith("controllable"));
      }
      assertTrue(bytes <= data.length);
    } catch (ScsiFormatException expected) {
      // malformed replies are reported with source and offset, never read past
    }
  }
}
