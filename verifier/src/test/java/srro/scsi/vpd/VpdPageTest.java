package srro.scsi.vpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import srro.scsi.FieldValue;
import srro.scsi.ScsiFormatException;

class VpdPageTest {
  private static VpdPage parse(String hex) throws ScsiFormatException {
    return VpdPage.parse("vpd", HexFormat.of().parseHex(hex.replace(" ", "")));
  }

  @Test
  void rejectsReplyShorterThanItsHeader() {
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> parse("00 80 00"));
    assertEquals("vpd page needs a 4-byte header, only 3 received", e.getMessage());
  }

  @Test
  void serialNumberIsBoundedByThePageLength() throws Exception {
    assertEquals(new VpdPage.UnitSerialNumber("AB"), parse("00 80 00 02 41 42 43 44").content());
  }

  @Test
  void warnsWhenThePageIsLongerThanReceived() throws Exception {
    VpdPage v = parse("00 80 00 08 41 42");
    assertEquals(List.of("vpd page 0x80 declares 12 bytes, only 6 received"), v.warnings());
    assertEquals(new VpdPage.UnitSerialNumber("AB"), v.content());
  }

  @Test
  void warnsAboutATruncatedDesignator() throws Exception {
    VpdPage v = parse("00 83 00 08 01 03 00 08 60 01 02 03");
    assertEquals(List.of("designation descriptor at byte 4 declares 8 designator bytes, only 4 present"),
        v.warnings());
    Designator d = ((VpdPage.DeviceIdentification) v.content()).designators().get(0);
    assertTrue(d.truncated());
    assertEquals("truncated, 4 of 8 bytes: 60010203", d.describe());
  }

  @Test
  void warnsAboutACutDesignatorHeader() throws Exception {
    VpdPage v = parse("00 83 00 02 01 03");
    assertEquals(List.of("designation descriptor at byte 4 is truncated: its 4-byte header is cut off"),
        v.warnings());
  }

  @Test
  void blockLimitsOfATapeAreNotBlockLimits() throws Exception {
    assertTrue(parse("01 b0 00 04 00 00 00 00").content() instanceof VpdPage.Undecoded);
    assertTrue(parse("00 b0 00 04 00 00 00 00").content() instanceof VpdPage.Fields);
  }

  @Test
  void aFieldPastAShortPageIsAbsentNotRead() throws Exception {
    VpdPage.Fields f = (VpdPage.Fields) parse("00 b0 00 04 01 ff 00 10 ff ff ff ff").content();
    assertEquals(java.util.OptionalLong.of(0x10), FieldValue.find(f.fields(), "OPT_XFER_LEN_GRAN"));
    assertEquals(FieldValue.Availability.BEYOND_PAGE, f.fields().get(3).availability());
  }

  @Test
  void aNaaDesignatorOfTheWrongLengthSaysSo() throws Exception {
    Designator d = ((VpdPage.DeviceIdentification) parse("00 83 00 08 01 03 00 04 50 01 02 03").content())
        .designators().get(0);
    assertEquals("NAA 5 0x50010203 (expected 8 bytes)", d.describe());
  }
}
