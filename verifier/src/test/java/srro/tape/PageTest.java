package srro.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import srro.scsi.transport.Outcome;

class PageTest {

  @Test
  void acceptsTheWholePageAskedFor() {
    assertTrue(Page.check(HexFile.read("status-on-ukad.page"), 0x0020).isEmpty());
  }

  @Test
  void reportsWrongPage() {
    Outcome.Failed f = Page.check(HexFile.read("in-support.page"), 0x0020).orElseThrow();
    assertEquals(Outcome.Layer.PAGE, f.layer());
    assertEquals("WRONG_PAGE", f.code());
    assertEquals("asked for page 0x0020, the drive returned page 0x0000", f.message());
  }

  @Test
  void reportsReplyShorterThanTheHeader() {
    Outcome.Failed f = Page.check(new byte[] {0, 0x20, 0}, 0x0020).orElseThrow();
    assertEquals("SHORT_PAGE", f.code());
    assertEquals("page 0x0020: reply of 3 bytes is shorter than the 4-byte page header", f.message());
  }

  @Test
  void reportsPageLongerThanReceived() {
    Outcome.Failed f = Page.check(new byte[] {0, 0x20, 0, 20, 0, 0}, 0x0020).orElseThrow();
    assertEquals("SHORT_PAGE", f.code());
    assertEquals("page 0x0020 declares 20 bytes after its header, only 2 received", f.message());
  }
}
