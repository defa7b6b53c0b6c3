package srro.scsi.modepage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Optional;
import srro.scsi.DeviceType;
import srro.scsi.FieldValue;
import srro.scsi.ModeParameters;
import srro.scsi.PageControl;
import srro.scsi.ScsiFormatException;

/**
 * Any reply decodes field by field or is rejected with ScsiFormatException (only when shorter than its
 * header); a present field lies inside its page and the bytes received, an absent one says which limit it
 * crossed. Byte 0 picks the header format, device type and page control; the rest is the reply.
 */
class DecodedModePageFuzzTest {
  private static final DeviceType[] TYPES = {DeviceType.DISK, DeviceType.TAPE, DeviceType.CDROM, DeviceType.CHANGER};

  @FuzzTest
  void decodesAnyPageWithinItsBounds(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int knobs = input[0] & 0xff;
    ModeParameters.Format format = (knobs & 1) == 0 ? ModeParameters.Format.SIX : ModeParameters.Format.TEN;
    Optional<DeviceType> type = (knobs & 0x10) != 0 ? Optional.empty() : Optional.of(TYPES[(knobs >> 1) & 3]);
    PageControl pc = PageControl.values()[(knobs >> 3) & 1 | ((knobs >> 4) & 2)];
    byte[] reply = Arrays.copyOfRange(input, 1, input.length);
    try {
      ModeParameters m = ModeParameters.parse("fuzz", reply, format, type);
      for (DecodedModePage d : DecodedModePage.decodeAll(m, pc)) {
        assertEquals(d.layout().isPresent(), !d.fields().isEmpty());
        for (FieldValue f : d.fields()) {
          if (f.present()) {
            assertTrue(f.field().end() <= d.page().declaredLength());
            assertTrue(f.field().end() <= d.page().availableLength());
            assertTrue(Long.compareUnsigned(f.value(), f.field().allOnes()) <= 0);
          } else if (f.availability() == FieldValue.Availability.NOT_RECEIVED) {
            assertTrue(f.field().end() > d.page().availableLength());
          } else {
            assertTrue(f.field().end() > d.page().declaredLength());
          }
        }
      }
    } catch (ScsiFormatException expected) {
      assertTrue(reply.length < format.headerLength(), expected.getMessage());
    }
  }
}
