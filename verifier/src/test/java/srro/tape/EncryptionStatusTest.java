package srro.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import srro.scsi.ScsiFormatException;

class EncryptionStatusTest {

  @Test
  void parsesEveryFieldOfTheGoldenPage() throws Exception {
    EncryptionStatus s = EncryptionStatus.parse("st", HexFile.read("status-on-ukad.page"));
    assertEquals(2, s.itNexusScope());
    assertEquals(2, s.keyScope());
    assertEquals("on", s.encryptionModeText());
    assertEquals("on", s.decryptionModeText());
    assertTrue(s.encrypting());
    assertEquals(1, s.algorithmIndex());
    assertEquals(300, s.keyInstanceCounter());
    assertEquals(1, s.parametersControl());
    assertTrue(s.vcelb());
    assertEquals(0, s.ceems());
    assertTrue(s.rdmd());
    assertEquals(2, s.kadFormat());
    assertEquals(0, s.availableSupplementalDecryptionKeys());
    assertEquals(1, s.kads().size());
    assertEquals("u-kad", s.kads().get(0).typeName());
    assertEquals(1, s.kads().get(0).authenticated());
    assertEquals("backup 1", s.kads().get(0).text());
  }

  @Test
  void ignoresPaddingAfterThePageLength() throws Exception {
    byte[] page = Arrays.copyOf(HexFile.read("status-on-ukad.page"), 8192);
    assertEquals(1, EncryptionStatus.parse("st", page).kads().size());
  }

  @Test
  void showsReservedModesAsReservedNotOff() throws Exception {
    byte[] page = HexFile.read("status-on-ukad.page");
    page[5] = 7;
    page[6] = 9;
    EncryptionStatus s = EncryptionStatus.parse("st", page);
    assertEquals("reserved (0x07)", s.encryptionModeText());
    assertEquals("reserved (0x09)", s.decryptionModeText());
    assertFalse(s.encrypting());
  }

  @Test
  void readsKeyInstanceCounterUnsigned() throws Exception {
    byte[] page = HexFile.read("status-on-ukad.page");
    page[8] = (byte) 0xff;
    page[9] = (byte) 0xff;
    page[10] = (byte) 0xff;
    page[11] = (byte) 0xff;
    assertEquals(0xffffffffL, EncryptionStatus.parse("st", page).keyInstanceCounter());
  }

  @Test
  void rejectsPageShorterThanItsFixedFields() {
    byte[] page = {0x00, 0x20, 0x00, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> EncryptionStatus.parse("st", page));
    assertEquals("data encryption status page needs at least 24 bytes, page length gives 20", e.getMessage());
  }

  @Test
  void rejectsAnotherPage() {
    byte[] page = HexFile.read("status-on-ukad.page");
    page[1] = 0x10;
    ScsiFormatException e = assertThrows(ScsiFormatException.class, () -> EncryptionStatus.parse("st", page));
    assertEquals("asked for page 0x0020, the drive returned page 0x0010", e.getMessage());
  }
  @Test
  void namesScopesParametersControlCeemsAndRawReads() throws Exception {
    assertEquals("public", EncryptionStatus.scopeText(0));
    assertEquals("local", EncryptionStatus.scopeText(1));
    assertEquals("all i_t nexus", EncryptionStatus.scopeText(2));
    assertEquals("reserved (5)", EncryptionStatus.scopeText(5));
    byte[] page = HexFile.read("status-on-ukad.page");
    String[] control = {"not reported", "not exclusively controlled by external data encryption control",
        "exclusively controlled by the tape drive (security protocol out)",
        "exclusively controlled by the automation/drive interface",
        "exclusively controlled by a management interface", "reserved (5)"};
    for (int v = 0; v < control.length; v++) {
      page[12] = (byte) ((page[12] & 0x8f) | (v << 4));
      assertEquals(control[v], EncryptionStatus.parse("st", page).parametersControlText());
    }
    String[] ceems = {"vendor specific", "not checked", "checked: blocks written in external mode are refused",
        "checked: blocks written in encrypt mode are refused"};
    for (int v = 0; v < ceems.length; v++) {
      page[12] = (byte) ((page[12] & 0xf9) | (v << 1));
      assertEquals(ceems[v], EncryptionStatus.parse("st", page).ceemsText());
    }
    assertEquals("disabled", EncryptionStatus.parse("st", page).rawReadsText());
    page[12] &= (byte) 0xfe;
    assertEquals("allowed", EncryptionStatus.parse("st", page).rawReadsText());
  }
}
