package srro.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import srro.scsi.ScsiFormatException;

class SupportedPagesTest {

  @Test
  void listsEveryPage() throws Exception {
    SupportedPages p = SupportedPages.parse("pages", HexFile.read("in-support.page"));
    assertEquals(List.of(0x0000, 0x0001, 0x0010, 0x0011, 0x0020, 0x0021), p.pageCodes());
    assertTrue(p.supports(0x0021));
    assertFalse(p.supports(0x0030));
  }

  @Test
  void rejectsOddLength() {
    byte[] page = HexFile.read("in-support.page");
    page[3] = 11;
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> SupportedPages.parse("pages", page));
    assertEquals("supported pages list length must be even (2 bytes per page code), is 11", e.getMessage());
  }

  @Test
  void rejectsLengthBeyondTheReply() {
    byte[] page = HexFile.read("in-support.page");
    page[3] = 14;
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> SupportedPages.parse("pages", page));
    assertEquals("page 0x0000 declares 14 bytes after its header, only 12 received", e.getMessage());
  }
}
