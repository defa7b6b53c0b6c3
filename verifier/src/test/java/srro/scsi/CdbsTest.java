package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import srro.scsi.transport.Command;
import srro.scsi.transport.DataDirection;

class CdbsTest {
  @Test
  void testUnitReadyIsSixZeroBytesWithoutData() {
    Command c = Cdbs.testUnitReady();
    assertEquals("000000000000", Hex.of(c.cdb()));
    assertEquals(DataDirection.NONE, c.direction());
  }

  @Test
  void requestSenseCarriesItsAllocationLength() {
    Command c = Cdbs.requestSense(252);
    assertEquals("03000000fc00", Hex.of(c.cdb()));
    assertEquals(252, c.allocationLength());
  }

  @Test
  void rejectsRequestSenseLongerThanSenseCanBe() {
    assertThrows(IllegalArgumentException.class, () -> Cdbs.requestSense(253));
  }

  @Test
  void inquiryStandardAndVpd() {
    assertEquals("120000006000", Hex.of(Cdbs.inquiry(96).cdb()));
    assertEquals("120180010000", Hex.of(Cdbs.inquiryVpd(0x80, 256).cdb()));
    assertEquals("120183ffff00", Hex.of(Cdbs.inquiryVpd(0x83, 0xffff).cdb()));
    assertEquals("INQUIRY VPD page 0x83", Cdbs.inquiryVpd(0x83, 255).name());
  }

  @Test
  void modeSense6PutsDbdPcPageAndSubpageWhereSpcSays() {
    Command c = Cdbs.modeSense6(0x3f, 0xff, PageControl.CHANGEABLE, true, 255);
    assertEquals("1a087fff ff00".replace(" ", ""), Hex.of(c.cdb()));
    assertEquals("MODE SENSE(6) page 0x3f subpage 0xff changeable", c.name());
  }

  @Test
  void modeSense10PutsLlbaaAndTwoByteAllocationLength() {
    Command c = Cdbs.modeSense10(0x08, 0, PageControl.SAVED, false, true, 0xfffe);
    assertEquals("5a10c8000000" + "00fffe00", Hex.of(c.cdb()));
    assertEquals(0xfffe, c.allocationLength());
  }

  @Test
  void rejectsModeSense6AllocationOverOneByte() {
    assertThrows(
        IllegalArgumentException.class, () -> Cdbs.modeSense6(0, 0, PageControl.CURRENT, false, 256));
  }

  @Test
  void rejectsPageCodeOverSixBits() {
    assertThrows(
        IllegalArgumentException.class, () -> Cdbs.modeSense10(0x40, 0, PageControl.CURRENT, false, false, 8));
  }

  @Test
  void securityProtocolInLayout() {
    Command c = Cdbs.securityProtocolIn(0x20, 0x0011, 0x2000, 60_000);
    assertEquals("a22000110000" + "000020000000", Hex.of(c.cdb()));
    assertEquals(DataDirection.FROM_DEVICE, c.direction());
    assertEquals(60_000, c.timeoutMillis());
  }

  @Test
  void securityProtocolOutLayoutAndWipe() {
    byte[] list = new byte[] {1, 2, 3, 4, 5};
    Command c = Cdbs.securityProtocolOut(0x20, 0x0010, list, 60_000);
    assertEquals("b52000100000" + "000000050000", Hex.of(c.cdb()));
    assertEquals(DataDirection.TO_DEVICE, c.direction());
    c.wipe();
    assertEquals("0000000000", Hex.of(list));
  }

  @Test
  void rejectsSecurityTransfersOver64KiB() {
    assertThrows(IllegalArgumentException.class, () -> Cdbs.securityProtocolIn(0x20, 0, 65537, 1000));
    assertThrows(
        IllegalArgumentException.class, () -> Cdbs.securityProtocolOut(0x20, 0, new byte[65537], 1000));
  }
}
