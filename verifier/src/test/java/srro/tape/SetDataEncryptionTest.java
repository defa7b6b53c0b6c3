package srro.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import srro.scsi.transport.Command;

/** The set data encryption page (SSC-4 §8.5.3.2), byte for byte against the golden parameter lists. */
class SetDataEncryptionTest {
  static byte[] testKey() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    return key;
  }

  static SetDataEncryption page(TapeMode mode, boolean ckod, int kadFormat, List<Kad> kads) {
    return new SetDataEncryption(SetDataEncryption.SCOPE_ALL_IT_NEXUS, false, SetDataEncryption.CEEM_NO_CHECK,
        SetDataEncryption.RDMC_DEFAULT, false, ckod, false, false, mode.encryption, mode.decryption, 1,
        SetDataEncryption.KEY_FORMAT_PLAIN, kadFormat, kads);
  }

  @Test
  void encodesModeOnWithUkadAndCkod() {
    Kad ukad = new Kad(Kad.UKAD, 0, "backup 1".getBytes(StandardCharsets.US_ASCII));
    SetDataEncryption p = page(TapeMode.ON, true, SetDataEncryption.KAD_FORMAT_ASCII, List.of(ukad));
    assertArrayEquals(HexFile.read("sde-on-ukad.param"), p.encode(testKey()));
  }

  @Test
  void encodesModeMixed() {
    assertArrayEquals(HexFile.read("sde-mixed.param"), page(TapeMode.MIXED, false, 0, List.of()).encode(testKey()));
  }

  @Test
  void encodesModeRawRead() {
    assertArrayEquals(
        HexFile.read("sde-rawread.param"), page(TapeMode.RAWREAD, false, 0, List.of()).encode(testKey()));
  }

  @Test
  void encodesClearWithoutKey() {
    assertArrayEquals(HexFile.read("sde-clear.param"), page(TapeMode.OFF, false, 0, List.of()).encode(new byte[0]));
  }

  @Test
  void commandCdbMatchesGolden() {
    Kad ukad = new Kad(Kad.UKAD, 0, "backup 1".getBytes(StandardCharsets.US_ASCII));
    Command c = page(TapeMode.ON, true, 2, List.of(ukad)).command(testKey());
    assertArrayEquals(HexFile.read("spout-20-0010-on.cdb"), c.cdb());
    c.wipe();
    for (byte b : c.dataOut()) {
      assertEquals(0, b);
    }
  }

  @Test
  void commandToStringShowsNoData() {
    Command c = page(TapeMode.ON, false, 0, List.of()).command(testKey());
    assertFalse(c.toString().contains("000102030405"), c.toString());
  }

  @Test
  void rejectsKeyWhenClearing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> page(TapeMode.OFF, false, 0, List.of()).encode(testKey()));
    assertEquals("clearing sends no key", e.getMessage());
  }

  @Test
  void rejectsEncryptionWithoutKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> page(TapeMode.ON, false, 0, List.of()).encode(new byte[0]));
    assertEquals("encryption needs a key", e.getMessage());
  }

  @Test
  void rejectsFieldOutOfRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SetDataEncryption(8, false, 1, 0, false, false, false, false, EncryptionMode.ENCRYPT,
            DecryptionMode.DECRYPT, 1, 0, 0, List.of()));
    assertEquals("scope must be 0..7: 8", e.getMessage());
  }

  @Test
  void rejectsPageLongerThanOneTransfer() {
    Kad big = new Kad(Kad.UKAD, 0, new byte[65535]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> page(TapeMode.ON, false, 0, List.of(big)).encode(testKey()));
    assertEquals("set data encryption page longer than 65536", e.getMessage());
  }
}
