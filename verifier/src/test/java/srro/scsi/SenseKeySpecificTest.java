package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import srro.scsi.transport.ClassifierTest;

class SenseKeySpecificTest {
  private static SenseKeySpecific of(SenseKey k, String hex) throws ScsiFormatException {
    return SenseKeySpecific.of(k, Cursor.of("sks", ClassifierTest.bytes(hex)), 0);
  }

  @Test
  void decodesByTheSenseKey() throws Exception {
    assertEquals("field pointer: cdb byte 258 bit 7", of(SenseKey.ILLEGAL_REQUEST, "cf 01 02").describe());
    assertEquals("progress: 25.00%", of(SenseKey.NO_SENSE, "80 40 00").describe());
    assertEquals("actual retry count: 7", of(SenseKey.HARDWARE_ERROR, "80 00 07").describe());
    assertEquals(
        "segment pointer: segment descriptor byte 4 bit 1", of(SenseKey.COPY_ABORTED, "a9 00 04").describe());
    assertEquals("unit attention queue overflow: yes", of(SenseKey.UNIT_ATTENTION, "81 00 00").describe());
    assertEquals("sense key specific: 0x012345", of(SenseKey.DATA_PROTECT, "81 23 45").describe());
  }
}
