package srro.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import srro.scsi.ScsiFormatException;

class NextBlockStatusTest {

  @Test
  void parsesEveryFieldOfTheGoldenPage() throws Exception {
    NextBlockStatus n = NextBlockStatus.parse("nb", HexFile.read("nextblock-encrypted.page"));
    assertEquals(0x0102030405L, n.logicalObjectNumber());
    assertEquals(4, n.compressionStatus());
    assertEquals(6, n.encryptionStatus());
    assertEquals("encrypted, key missing or decryption not enabled", n.encryptionStatusText());
    assertEquals(1, n.algorithmIndex());
    assertTrue(n.emes());
    assertTrue(n.rdmds());
    assertEquals(2, n.kadFormat());
    assertEquals("a-kad vol7", n.kads().get(0).toString());
  }

  @Test
  void namesEveryEncryptionStatus() throws Exception {
    byte[] page = HexFile.read("nextblock-encrypted.page");
    String[] expected = {
      "unable to determine", "unable to determine", "position not at a logical block", "not encrypted",
      "encrypted by an algorithm the drive does not support", "encrypted, the drive can decrypt it",
      "encrypted, key missing or decryption not enabled", "reserved (0x7)"
    };
    for (int i = 0; i < expected.length; i++) {
      page[12] = (byte) i;
      assertEquals(expected[i], NextBlockStatus.parse("nb", page).encryptionStatusText());
    }
  }

  @Test
  void rejectsKadRunningPastThePage() {
    byte[] page = HexFile.read("nextblock-encrypted.page");
    page[19] = 5;
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> NextBlockStatus.parse("nb", page));
    assertEquals("kad descriptor declares 5 bytes, only 4 left in the page", e.getMessage());
    assertEquals(16, e.offset());
  }

  @Test
  void rejectsPageShorterThanItsFixedFields() {
    byte[] page = {0x00, 0x21, 0x00, 0x04, 0, 0, 0, 0};
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> NextBlockStatus.parse("nb", page));
    assertEquals("next block encryption status page needs at least 16 bytes, page length gives 8", e.getMessage());
  }
}
