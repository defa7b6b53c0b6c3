package srro.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import srro.scsi.Cursor;
import srro.scsi.ScsiFormatException;

/** Every field and flag of the algorithm descriptor (SSC-4 §8.5.2.4.2), each set once in the golden page. */
class AlgorithmDescriptorTest {
  private static AlgorithmDescriptor parse(int at) throws ScsiFormatException {
    byte[] page = HexFile.read("caps-two-algorithms.page");
    return AlgorithmDescriptor.parse(Cursor.of("caps", page), at, page.length);
  }

  @Test
  void parsesTheFirstDescriptor() throws Exception {
    AlgorithmDescriptor a = parse(20);
    assertEquals(1, a.algorithmIndex());
    assertEquals(20, a.descriptorLength());
    assertTrue(a.avfmv());
    assertFalse(a.sdkC() || a.macC() || a.delbC());
    assertEquals(2, a.decryptC());
    assertEquals(2, a.encryptC());
    assertTrue(a.canEncrypt() && a.canDecrypt());
    assertEquals(1, a.avfcp());
    assertEquals(0, a.nonceC());
    assertTrue(a.kadfC());
    assertFalse(a.vcelbC());
    assertTrue(a.ukadFixed());
    assertFalse(a.akadFixed());
    assertEquals(32, a.maximumUkadLengthBytes());
    assertEquals(12, a.maximumAkadLengthBytes());
    assertEquals(32, a.keyLengthBytes());
    assertEquals(2, a.dkadC());
    assertEquals(2, a.eemcC());
    assertEquals(6, a.rdmcC());
    assertTrue(a.rawDecryptionControlFixed());
    assertFalse(a.earem());
    assertEquals(3, a.maximumEedkCount());
    assertEquals(2, a.msdkCount());
    assertEquals(128, a.maximumEedkSizeBytes());
    assertEquals(0x00010014L, a.securityAlgorithmCode());
    assertEquals("AES-256-GCM-128", a.algorithmName());
  }

  @Test
  void parsesTheSecondDescriptor() throws Exception {
    AlgorithmDescriptor a = parse(44);
    assertEquals(2, a.algorithmIndex());
    assertFalse(a.avfmv());
    assertTrue(a.sdkC() && a.macC() && a.delbC());
    assertEquals(0, a.decryptC());
    assertEquals(1, a.encryptC());
    assertFalse(a.canEncrypt() || a.canDecrypt());
    assertEquals(1, a.nonceC());
    assertTrue(a.vcelbC() && a.akadFixed());
    assertFalse(a.kadfC() || a.ukadFixed());
    assertEquals(16, a.keyLengthBytes());
    assertEquals(1, a.eemcC());
    assertTrue(a.earem());
    assertFalse(a.rawDecryptionControlFixed());
    assertEquals("algorithm code 0x80010400", a.algorithmName());
  }

  @Test
  void rejectsDescriptorShorterThanSsc() {
    byte[] page = HexFile.read("caps-two-algorithms.page");
    page[23] = 16;
    ScsiFormatException e = assertThrows(ScsiFormatException.class,
        () -> AlgorithmDescriptor.parse(Cursor.of("caps", page), 20, page.length));
    assertEquals("algorithm descriptor length must be at least 20, is 16", e.getMessage());
  }
  @Test
  void namesEveryRdmcCValueAndOnlyFourAndFiveAreControllable() throws Exception {
    String[] texts = {"not reported", "raw decryption not supported", "reserved", "reserved",
        "controllable, raw reads disabled by default", "controllable, raw reads enabled by default",
        "fixed by the drive: raw reads disabled", "fixed by the drive: raw reads enabled"};
    for (int v = 0; v < 8; v++) {
      byte[] page = HexFile.read("caps-two-algorithms.page");
      page[20 + 12] = (byte) ((page[20 + 12] & 0xf1) | (v << 1));
      AlgorithmDescriptor a = AlgorithmDescriptor.parse(Cursor.of("caps", page), 20, page.length);
      assertEquals(v, a.rdmcC());
      assertEquals(texts[v], a.rdmcCText());
      assertEquals(v == 4 || v == 5, a.rawDecryptionControllable(), "RDMC_C " + v);
    }
  }
}
