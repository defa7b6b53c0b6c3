package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import srro.scsi.transport.ClassifierTest;

class VitalProductDataTest {
  private static VitalProductData parse(String hex) throws ScsiFormatException {
    return VitalProductData.parse("vpd", ClassifierTest.bytes(hex));
  }

  @Test
  void rejectsReplyShorterThanItsHeader() {
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> parse("00 80 00"));
    assertEquals("vpd page needs a 4-byte header, only 3 received", e.getMessage());
  }

  @Test
  void serialNumberIsBoundedByThePageLength() throws Exception {
    VitalProductData v = parse("00 80 00 02 41 42 43 44");
    assertEquals(Optional.of("AB"), v.unitSerialNumber());
  }

  @Test
  void warnsWhenThePageIsLongerThanReceived() throws Exception {
    VitalProductData v = parse("00 80 00 08 41 42");
    assertEquals(List.of("vpd page 0x80 declares 12 bytes, only 6 received"), v.warnings());
    assertEquals(Optional.of("AB"), v.unitSerialNumber());
  }

  @Test
  void warnsAboutATruncatedDesignator() throws Exception {
    VitalProductData v = parse("00 83 00 08 01 03 00 08 60 01 02 03");
    assertEquals(List.of("designation descriptor at byte 4 declares 8 designator bytes, only 4 present"),
        v.warnings());
    assertEquals("60010203", v.designators().get(0).value());
  }

  @Test
  void warnsAboutACutDesignatorHeader() throws Exception {
    VitalProductData v = parse("00 83 00 02 01 03");
    assertEquals(List.of("designation descriptor at byte 4 is truncated: its 4-byte header is cut off"),
        v.warnings());
  }
}
