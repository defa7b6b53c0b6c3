package srro.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import srro.scsi.ScsiFormatException;

class SupportedProtocolsTest {

  @Test
  void listsEveryProtocol() throws Exception {
    SupportedProtocols p = SupportedProtocols.parse("list", HexFile.read("protocols.list"));
    assertEquals(List.of(0x00, 0x20), p.protocols());
    assertTrue(p.supports(0x20));
  }

  @Test
  void rejectsReplyShorterThanTheHeader() {
    ScsiFormatException e = assertThrows(ScsiFormatException.class,
        () -> SupportedProtocols.parse("list", new byte[7]));
    assertEquals("supported protocols list needs an 8-byte header, only 7 bytes received", e.getMessage());
  }

  @Test
  void rejectsListLongerThanTheReply() {
    byte[] list = HexFile.read("protocols.list");
    list[7] = 3;
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> SupportedProtocols.parse("list", list));
    assertEquals("supported protocols list declares 3 bytes, only 2 received", e.getMessage());
    assertEquals(6, e.offset());
  }
}
