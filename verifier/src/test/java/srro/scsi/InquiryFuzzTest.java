package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes decode as INQUIRY data and as a VPD page, or are rejected with ScsiFormatException. */
class InquiryFuzzTest {
  @FuzzTest
  void decodesAnyInquiryOrVpdPage(byte[] bytes) {
    try {
      Inquiry q = Inquiry.parse("fuzz", bytes);
      assertTrue(q.availableLength() == bytes.length);
      q.qualifierText();
      q.versionText();
    } catch (ScsiFormatException expected) {
      assertTrue(bytes.length < 5);
    }
    try {
      srro.scsi.vpd.VpdPage v = srro.scsi.vpd.VpdPage.parse("fuzz", bytes);
      srro.scsi.vpd.VpdNames.name(v.pageCode(), v.peripheralDeviceType());
    } catch (ScsiFormatException expected) {
      assertTrue(bytes.length < 4);
    }
  }
}
