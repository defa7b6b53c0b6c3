package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes decode as sense data or are rejected with ScsiFormatException, and every decode can be described. */
class SenseFuzzTest {
  @FuzzTest
  void decodesAnySenseWithinItsBounds(byte[] bytes) {
    try {
      Sense s = Sense.parse("fuzz", bytes);
      assertTrue(s.availableLength() == bytes.length);
      for (Sense.SenseDescriptor d : s.descriptors()) {
        assertTrue(d.bytes().length <= Sense.MAX_LENGTH);
      }
      s.summary();
      s.senseKeySpecific().ifPresent(SenseKeySpecific::describe);
      s.additionalSense().ifPresent(Object::toString);
    } catch (ScsiFormatException expected) {
      // not sense data, or too short for a sense key
    }
  }
}
