package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InquiryTest {
  @Test
  void rejectsReplyShorterThanItsHeader() {
    ScsiFormatException e =
        assertThrows(ScsiFormatException.class, () -> Inquiry.parse("inq", new byte[] {0, 0, 6, 2}));
    assertEquals("inquiry data needs a 5-byte header, only 4 received", e.getMessage());
  }

  @Test
  void additionalLengthBoundsTheStrings() throws Exception {
    byte[] b = new byte[36];
    b[4] = 10;
    Inquiry q = Inquiry.parse("inq", b);
    assertEquals(15, q.declaredLength());
    assertEquals(Optional.empty(), q.vendorIdentification());
    assertEquals(
        java.util.List.of("inquiry data ends at byte 15, before the end of the identification strings (36)"),
        q.warnings());
  }

  @Test
  void namesVersionsAndQualifiers() throws Exception {
    byte[] b = new byte[5];
    b[0] = 0x21;
    b[2] = 0x07;
    Inquiry q = Inquiry.parse("inq", b);
    assertEquals("SPC-5", q.versionText());
    assertEquals("not connected", q.qualifierText());
    assertEquals(Optional.of(DeviceType.TAPE), q.deviceType());
  }
}
