package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import srro.scsi.transport.ClassifierTest;

class ModeParametersTest {
  private static final Optional<DeviceType> DISK = Optional.of(DeviceType.DISK);

  private static byte[] b(String hex) {
    return ClassifierTest.bytes(hex);
  }

  private static ModeParameters six(String hex) throws ScsiFormatException {
    return ModeParameters.parse("reply", b(hex), ModeParameters.Format.SIX, DISK);
  }

  private static ModeParameters ten(String hex) throws ScsiFormatException {
    return ModeParameters.parse("reply", b(hex), ModeParameters.Format.TEN, DISK);
  }

  @Test
  void rejectsReplyShorterThanItsHeader() {
    ScsiFormatException e =
        assertThrows(ScsiFormatException.class, () -> ten("00 06 00 80 00 00 00"));
    assertEquals("mode parameter header needs 8 bytes (MODE SENSE(10)), only 7 received", e.getMessage());
    assertEquals(7, e.offset());
  }

  @Test
  void readsWriteProtectFromABareHeader() throws Exception {
    ModeParameters m = six("03 00 80 00");
    assertEquals(Optional.of(true), m.writeProtected());
    assertEquals(List.of(), m.pages());
    assertEquals(List.of(), m.warnings());
  }

  @Test
  void countsZeroPaddingWithoutWarning() throws Exception {
    ModeParameters m = six("03 00 00 00 00 00 00 00");
    assertEquals(4, m.paddingLength());
    assertEquals(List.of(), m.warnings());
  }

  @Test
  void warnsWhenBytesAfterTheDeclaredLengthAreNotPadding() throws Exception {
    ModeParameters m = six("03 00 00 00 08 02 00 00");
    assertEquals(0, m.paddingLength());
    assertEquals(List.of("4 bytes after the declared 4 are not zero padding; ignored"), m.warnings());
    assertEquals(List.of(), m.pages());
  }

  @Test
  void warnsWhenDeclaredLongerThanReceived() throws Exception {
    ModeParameters m = six("0b 00 00 00 08 06 00 00");
    assertEquals(12, m.declaredLength());
    assertEquals(8, m.availableLength());
    assertEquals(
        List.of(
            "mode data length 11 declares 12 bytes, only 8 received",
            "page 0x08 at byte 4 is truncated: page length 6 declares 8 bytes, only 4 present"),
        m.warnings());
    assertTrue(m.pages().get(0).truncated());
  }

  @Test
  void warnsWhenModeDataLengthIsShorterThanTheHeader() throws Exception {
    ModeParameters m = ten("00 00 00 80 00 00 00 00 00 00");
    assertEquals(List.of("mode data length 0 is shorter than the 8-byte header"), m.warnings());
    assertEquals(2, m.paddingLength());
    assertEquals(Optional.of(true), m.writeProtected());
  }

  @Test
  void warnsWhenBlockDescriptorsRunPastTheData() throws Exception {
    ModeParameters m = six("0b 00 00 10 00 00 00 01 00 00 02 00");
    assertEquals(
        List.of(
            "block descriptor length 16 runs past the mode data (8 bytes after the header)"),
        m.warnings());
    assertEquals(1, m.blockDescriptors().size());
    assertEquals(512, m.blockDescriptors().get(0).blockLength());
  }

  @Test
  void warnsAboutADescriptorLengthThatIsNotAMultiple() throws Exception {
    ModeParameters m = six("0b 00 00 06 00 00 00 01 00 00 02 00");
    assertEquals(
        List.of(
            "block descriptor length 6 is not a multiple of 8",
            "block descriptor at byte 4 is truncated: 6 of 8 bytes present"),
        m.warnings());
    assertEquals(1, m.pages().size());
  }

  @Test
  void warnsWhenAPageHeaderIsCutOff() throws Exception {
    ModeParameters m = ten("00 08 00 00 00 00 00 00 4a 01");
    assertEquals(
        List.of("page 0x0a at byte 8 is truncated: its 4-byte page header is cut off"), m.warnings());
  }

  @Test
  void shortLbaDescriptorInModeSense10IsEightBytesWithFourByteBlockCount() throws Exception {
    ModeParameters m = ten("00 0e 00 00 00 00 00 08 ff ff ff ff 00 00 10 00");
    BlockDescriptor d = m.blockDescriptors().get(0);
    assertEquals(BlockDescriptor.Kind.SHORT_LBA, d.kind());
    assertEquals(0xffffffffL, d.numberOfBlocks());
    assertEquals(4096, d.blockLength());
  }

  @Test
  void generalDescriptorForTapeHasADensityCode() throws Exception {
    ModeParameters m =
        ModeParameters.parse(
            "reply", b("0b 00 10 08 58 00 00 10 00 00 04 00"), ModeParameters.Format.SIX,
            Optional.of(DeviceType.TAPE));
    BlockDescriptor d = m.blockDescriptors().get(0);
    assertEquals(BlockDescriptor.Kind.GENERAL, d.kind());
    assertEquals(0x58, d.densityCode());
    assertEquals(16, d.numberOfBlocks());
    assertEquals(1024, d.blockLength());
    assertEquals(1, m.deviceSpecificParameter().bufferedMode().getAsInt());
    assertEquals(Optional.of(false), m.writeProtected());
  }

  @Test
  void unknownTypeLeavesTheDeviceSpecificByteRaw() throws Exception {
    ModeParameters m = ModeParameters.parse("r", b("03 00 80 00"), ModeParameters.Format.SIX, Optional.empty());
    assertEquals(Optional.empty(), m.writeProtected());
    assertEquals("0x80 (not decoded for this device type)", m.deviceSpecificParameter().describe());
  }

  @Test
  void subpageFormatPagesUseTwoByteLengths() throws Exception {
    ModeParameters m = ten("00 0e 00 00 00 00 00 00 ca 01 00 02 aa bb");
    ModePage p = m.pages().get(0);
    assertTrue(p.subpageFormat());
    assertTrue(p.parametersSaveable());
    assertEquals(0x0a, p.pageCode());
    assertEquals(1, p.subpageCode());
    assertEquals(6, p.declaredLength());
    assertFalse(p.truncated());
  }

  @Test
  void infersSixAndTenWhenOnlyOneFits() throws Exception {
    assertEquals(
        Optional.of(ModeParameters.Format.SIX),
        ModeParameters.inferFormat(Cursor.of("r", b("0b 00 80 00 08 06 00 00 00 00 00 00"))));
    assertEquals(
        Optional.of(ModeParameters.Format.TEN),
        ModeParameters.inferFormat(Cursor.of("r", b("00 08 00 80 00 00 00 00 08 00"))));
    assertEquals(Optional.empty(), ModeParameters.inferFormat(Cursor.of("r", b("00 00"))));
  }
}
