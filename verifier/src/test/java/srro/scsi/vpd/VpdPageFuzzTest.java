package srro.scsi.vpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import srro.scsi.FieldValue;
import srro.scsi.ScsiFormatException;

/**
 * Any bytes decode as a VPD page and as standard INQUIRY data, or are rejected with ScsiFormatException for
 * a reply shorter than the header; nothing decoded lies outside the bytes received.
 */
class VpdPageFuzzTest {
  @FuzzTest
  void decodesAnyPageOrInquiryWithinItsBounds(byte[] bytes) {
    try {
      VpdPage v = VpdPage.parse("fuzz", bytes);
      assertEquals(bytes.length, v.availableLength());
      int end = Math.min(v.declaredLength(), v.availableLength());
      if (v.content() instanceof VpdPage.Fields f) {
        for (FieldValue x : f.fields()) {
          assertTrue(!x.present() || x.field().end() <= end);
        }
      }
      if (v.content() instanceof VpdPage.DeviceIdentification d) {
        for (Designator x : d.designators()) {
          assertTrue(x.offset() + 4 + x.designator().length <= end);
          x.describe();
          x.typeText();
          x.associationText();
          x.codeSetText();
          x.protocolText();
        }
      }
      if (v.content() instanceof VpdPage.SupportedPages s) {
        s.pageCodes().forEach(code -> VpdNames.name(code, v.peripheralDeviceType()));
      }
    } catch (ScsiFormatException expected) {
      assertTrue(bytes.length < 4, expected.getMessage());
    }
    try {
      StandardInquiry s = StandardInquiry.parse("fuzz", bytes);
      for (StandardInquiry.VersionDescriptor d : s.versionDescriptors()) {
        assertTrue(d.offset() + 2 <= Math.min(bytes.length, s.inquiry().declaredLength()));
        d.text();
      }
    } catch (ScsiFormatException expected) {
      assertTrue(bytes.length < 5, expected.getMessage());
    }
  }
}
