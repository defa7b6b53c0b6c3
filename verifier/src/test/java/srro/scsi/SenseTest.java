package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import srro.scsi.transport.ClassifierTest;

class SenseTest {
  private static Sense parse(String hex) throws ScsiFormatException {
    return Sense.parse("sense", ClassifierTest.bytes(hex));
  }

  @Test
  void rejectsEmptySense() {
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> Sense.parse("sense", new byte[0]));
    assertEquals("no sense data (0 bytes)", e.getMessage());
  }

  @Test
  void rejectsUnknownResponseCodes() {
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> parse("00 00 05"));
    assertEquals("response code 0x00 is not sense data (expected 0x70..0x73)", e.getMessage());
  }

  @Test
  void namesTheVendorSpecificFormat() {
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> parse("7f 00 05"));
    assertTrue(e.getMessage().endsWith("; 0x7f is a vendor specific format)"), e.getMessage());
  }

  @Test
  void rejectsFixedSenseWithoutASenseKey() {
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> parse("70 00"));
    assertEquals("fixed format sense data too short for a sense key: 2 bytes", e.getMessage());
  }

  @Test
  void rejectsDescriptorSenseWithoutASenseKey() {
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> parse("72"));
    assertEquals("descriptor format sense data too short for a sense key: 1 byte", e.getMessage());
  }

  @Test
  void decodesASenseKeyEvenWithoutTheLengthByte() throws Exception {
    Sense s = parse("70 00 07");
    assertEquals(SenseKey.DATA_PROTECT, s.senseKey());
    assertEquals(Optional.empty(), s.additionalSense());
    assertEquals(
        List.of("sense data truncated: 3 bytes received, the additional sense length (byte 7) is missing"),
        s.warnings());
  }

  @Test
  void additionalSenseLengthBoundsTheFields() throws Exception {
    Sense s = parse("70 00 05 00 00 00 00 00 00 00 00 00 24 00 00 00 00 00");
    assertEquals(8, s.declaredLength());
    assertEquals(Optional.empty(), s.additionalSense(), "ASC beyond the declared length is not read");
  }

  @Test
  void informationOnlyWhenValid() throws Exception {
    assertEquals(Optional.empty(), parse("70 00 03 00 00 00 05 0a 00 00 00 00 11 00 00 00 00 00").information());
    assertEquals(Optional.of(5L), parse("f0 00 03 00 00 00 05 0a 00 00 00 00 11 00 00 00 00 00").information());
  }

  @Test
  void senseKeySpecificOnlyWhenSksv() throws Exception {
    assertEquals(
        Optional.empty(), parse("70 00 05 00 00 00 00 0a 00 00 00 00 24 00 00 40 00 02").senseKeySpecific());
  }

  @Test
  void warnsAboutADescriptorWithoutItsLengthByte() throws Exception {
    Sense s = parse("72 05 24 00 00 00 00 01 02");
    assertEquals(
        List.of("sense descriptor type 0x02 at byte 8 has no length byte"), s.warnings());
    assertTrue(s.descriptors().get(0).truncated());
  }

  @Test
  void streamCommandsDescriptorSetsTapeFlags() throws Exception {
    Sense s = parse("72 00 00 01 00 00 00 04 04 02 00 e0");
    assertTrue(s.filemark());
    assertTrue(s.endOfMedium());
    assertTrue(s.incorrectLengthIndicator());
    assertFalse(s.isEmpty());
  }

  @Test
  void fruAndCommandSpecificFromDescriptors() throws Exception {
    Sense s = parse("72 04 44 00 00 00 00 10 03 02 00 2a 01 0a 00 00 00 00 00 00 00 00 00 09");
    assertEquals(0x2a, s.fieldReplaceableUnitCode());
    assertEquals(Optional.of(9L), s.commandSpecificInformation());
  }

  @Test
  void emptyMeansNoSenseAndNoCodes() throws Exception {
    assertTrue(parse("70 00 00 00 00 00 00 0a 00 00 00 00 00 00 00 00 00 00").isEmpty());
    assertFalse(parse("70 00 00 00 00 00 00 0a 00 00 00 00 00 17 00 00 00 00").isEmpty());
  }

  @Test
  void cutsSenseLongerThanTheMaximum() throws Exception {
    byte[] big = new byte[300];
    big[0] = 0x72;
    big[7] = (byte) 0xf4;
    Sense s = Sense.parse("sense", big);
    assertEquals(252, s.declaredLength());
    assertTrue(s.descriptors().stream().allMatch(d -> d.bytes().length <= 252));
  }

  @Test
  void summaryNamesDeferredErrors() throws Exception {
    assertEquals(
        "deferred error, MEDIUM ERROR: Unrecovered read error (asc 0x11, ascq 0x00)",
        Sense.parse("s", ClassifierTest.FIXED_DEFERRED).summary());
  }
}
