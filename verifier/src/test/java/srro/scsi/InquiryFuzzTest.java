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
      DecodeReport.inquiry(q);
    } catch (ScsiFormatException expected) {
      assertTrue(bytes.length < 5);
    }
    try {
      VitalProductData v = VitalProductData.parse("fuzz", bytes);
      for (VitalProductData.Designator d : v.designators()) {
        assertTrue(d.designator().length <= d.designatorLength());
        d.value();
      }
      DecodeReport.vpd(v);
    } catch (ScsiFormatException expected) {
      assertTrue(bytes.length < 4);
    }
  }
}
