package srro.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import srro.scsi.ScsiFormatException;

class EncryptionCapabilitiesTest {

  @Test
  void parsesTwoAlgorithms() throws Exception {
    EncryptionCapabilities c = EncryptionCapabilities.parse("caps", HexFile.read("caps-two-algorithms.page"));
    assertEquals(2, c.extdecc());
    assertEquals(1, c.cfgP());
    assertEquals(2, c.algorithms().size());
    assertEquals(1, c.algorithm(1).orElseThrow().algorithmIndex());
    assertEquals(2, c.algorithm(2).orElseThrow().algorithmIndex());
    assertTrue(c.algorithm(3).isEmpty());
  }

  @Test
  void rejectsPageShorterThanItsFixedFields() {
    byte[] page = Arrays.copyOf(HexFile.read("caps-two-algorithms.page"), 16);
    page[3] = 12;
    ScsiFormatException e = assertThrows(ScsiFormatException.class,
        () -> EncryptionCapabilities.parse("caps", page));
    assertEquals("data encryption capabilities page needs at least 20 bytes, page length gives 16", e.getMessage());
  }

  @Test
  void rejectsDescriptorLongerThanThePage() {
    byte[] page = HexFile.read("caps-two-algorithms.page");
    page[44 + 3] = 21;
    ScsiFormatException e = assertThrows(ScsiFormatException.class,
        () -> EncryptionCapabilities.parse("caps", page));
    assertEquals("algorithm descriptor declares 21 bytes, only 20 left in the page", e.getMessage());
    assertEquals(46, e.offset());
  }

  @Test
  void rejectsTrailingBytesTooShortForADescriptorHeader() {
    byte[] page = Arrays.copyOf(HexFile.read("caps-two-algorithms.page"), 70);
    page[3] = 66;
    ScsiFormatException e = assertThrows(ScsiFormatException.class,
        () -> EncryptionCapabilities.parse("caps", page));
    assertEquals("algorithm descriptor header needs 4 bytes, only 2 left in the page", e.getMessage());
  }
}
