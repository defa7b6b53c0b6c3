package srro.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import srro.scsi.transport.Command;
import srro.scsi.transport.DataDirection;

/** Every CDB srro sends for tape encryption, byte for byte against the golden files (SPC-4 §6.40, §6.41). */
class SecurityProtocolTest {

  @Test
  void supportedProtocolsCdbMatchesGolden() {
    assertCdb("spin-00-0000.cdb", SecurityProtocol.in(0x00, 0x0000));
  }

  @Test
  void inSupportPageCdbMatchesGolden() {
    assertCdb("spin-20-0000.cdb", SecurityProtocol.in(0x20, 0x0000));
  }

  @Test
  void capabilitiesCdbMatchesGolden() {
    assertCdb("spin-20-0010.cdb", SecurityProtocol.in(0x20, SecurityProtocol.CAPABILITIES_PAGE));
  }

  @Test
  void statusCdbMatchesGolden() {
    assertCdb("spin-20-0020.cdb", SecurityProtocol.in(0x20, SecurityProtocol.STATUS_PAGE));
  }

  @Test
  void nextBlockCdbMatchesGolden() {
    assertCdb("spin-20-0021.cdb", SecurityProtocol.in(0x20, SecurityProtocol.NEXT_BLOCK_PAGE));
  }

  @Test
  void securityProtocolInAsksForTheWholeAllocation() {
    Command c = SecurityProtocol.in(0x20, 0x0020);
    assertEquals(DataDirection.FROM_DEVICE, c.direction());
    assertEquals(8192, c.allocationLength());
  }

  @Test
  void securityProtocolOutCarriesTheParameterListUncopied() {
    byte[] list = new byte[20];
    Command c = SecurityProtocol.out(0x20, 0x0010, list);
    assertEquals(DataDirection.TO_DEVICE, c.direction());
    assertEquals(20, c.transferLength());
    assertArrayEquals(HexFile.read("spout-20-0010-clear.cdb"), c.cdb());
  }

  private static void assertCdb(String golden, Command command) {
    assertArrayEquals(HexFile.read(golden), command.cdb(), golden);
  }
}
