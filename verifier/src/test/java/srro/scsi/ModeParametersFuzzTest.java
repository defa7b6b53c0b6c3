package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/** Any reply decodes or is rejected with ScsiFormatException; nothing decoded lies outside the reply. */
class ModeParametersFuzzTest {
  @FuzzTest
  void decodesAnyReplyWithinItsBounds(FuzzedDataProvider data) {
    ModeParameters.Format format = data.consumeBoolean() ? ModeParameters.Format.TEN : ModeParameters.Format.SIX;
    Optional<DeviceType> type = DeviceType.of(data.consumeInt(0, 0x1f));
    byte[] bytes = data.consumeRemainingAsBytes();
    Cursor c = Cursor.of("fuzz", bytes);
    try {
      ModeParameters.inferFormat(c);
      ModeParameters m = ModeParameters.parse(c, format, type);
      assertEquals(bytes.length, m.availableLength());
      assertEquals(m.modeDataLength() + (format == ModeParameters.Format.SIX ? 1 : 2), m.declaredLength());
      int end = Math.max(format.headerLength(), Math.min(m.declaredLength(), m.availableLength()));
      for (ModePage p : m.pages()) {
        assertTrue(p.offset() + p.availableLength() <= end);
        assertTrue(p.availableLength() <= p.declaredLength());
        ModePageNames.name(p.pageCode(), p.subpageCode());
      }
      for (BlockDescriptor b : m.blockDescriptors()) {
        assertTrue(b.offset() + b.kind().length() <= end);
      }
      assertTrue(m.paddingLength() >= 0 && m.paddingLength() <= bytes.length);
    } catch (ScsiFormatException expected) {
      assertTrue(bytes.length < format.headerLength(), expected.getMessage());
    }
  }
}
