package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldTest {
  private static final byte[] PAGE = {0x0a, 0x0a, (byte) 0xe4, 0x12, 0x34, 0x56, 0x78, (byte) 0x9a};

  private static long read(Field f) throws ScsiFormatException {
    return FieldValue.read(f, PAGE.length, Cursor.of("page", PAGE)).value();
  }

  @Test
  void readsBitsFromTheMostSignificantBitNamedDown() throws Exception {
    assertEquals(7, read(new Field("TST", "", 2, 7, 3)));
    assertEquals(1, read(new Field("D_SENSE", "", 2, 2, 1)));
    assertEquals(0, read(new Field("RLEC", "", 2, 0, 1)));
  }

  @Test
  void readsMultiByteFieldsBigEndian() throws Exception {
    assertEquals(0x1234, read(new Field("BTP", "", 3, 7, 16)));
    assertEquals(0x12345678L, read(new Field("INTT", "", 3, 7, 32)));
  }

  @Test
  void readsAFieldThatStartsMidByteAndContinuesInWholeBytes() throws Exception {
    assertEquals(0x0412, read(new Field("X", "", 2, 2, 11)));
  }

  @Test
  void aFieldPastThePageLengthIsBeyondThePageEvenWhenBytesFollow() throws Exception {
    FieldValue v = FieldValue.read(new Field("ESTCT", "", 6, 7, 16), 7, Cursor.of("page", PAGE));
    assertEquals(FieldValue.Availability.BEYOND_PAGE, v.availability());
  }

  @Test
  void aFieldThePageDeclaresButTheReplyLacksIsNotReceived() throws Exception {
    FieldValue v = FieldValue.read(new Field("ESTCT", "", 7, 7, 16), 12, Cursor.of("page", PAGE));
    assertEquals(FieldValue.Availability.NOT_RECEIVED, v.availability());
    assertEquals(java.util.OptionalLong.empty(), v.valueIfPresent());
  }

  @Test
  void findsAPresentFieldByAcronym() throws Exception {
    List<FieldValue> all = FieldValue.readAll(
        List.of(new Field("TST", "", 2, 7, 3), new Field("FAR", "", 20, 7, 8)), PAGE.length, Cursor.of("p", PAGE));
    assertEquals(java.util.OptionalLong.of(7), FieldValue.find(all, "TST"));
    assertEquals(java.util.OptionalLong.empty(), FieldValue.find(all, "FAR"));
    assertEquals(java.util.OptionalLong.empty(), FieldValue.find(all, "NONE"));
  }

  @Test
  void rejectsAPlaceOutsideAByte() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Field("X", "", 2, 8, 1));
    assertEquals("X: bad place 2:8:1", e.getMessage());
  }

  @Test
  void rejectsAFieldThatEndsMidByteAfterItsFirstByte() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Field("X", "", 2, 7, 12));
    assertEquals("X: a field past its first byte must end on a byte boundary", e.getMessage());
  }

  @Test
  void aSixtyFourBitFieldIsReadWhole() throws Exception {
    byte[] b = {0, 0, -1, -1, -1, -1, -1, -1, -1, -2};
    assertEquals(-2L, FieldValue.read(new Field("X", "", 2, 7, 64), 10, Cursor.of("p", b)).value());
  }

  @Test
  void anAbsentFieldCarriesNoValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FieldValue(new Field("X", "", 2, 7, 8), FieldValue.Availability.BEYOND_PAGE, 3));
    assertEquals("X: an absent field has no value", e.getMessage());
  }

  @Test
  void showsItsPlaceAsSdparmDoes() {
    assertEquals("[0x08:7:16]", new Field("BTP", "", 8, 7, 16).place());
  }
}
