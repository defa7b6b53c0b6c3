package srro.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** stenc 1.0's modes map to SSC-4 encryption and decryption mode codes. */
class TapeModeTest {

  @Test
  void mapsEveryModeToItsCodes() {
    assertEquals("2/2", codes(TapeMode.ON));
    assertEquals("2/3", codes(TapeMode.MIXED));
    assertEquals("2/1", codes(TapeMode.RAWREAD));
    assertEquals("0/0", codes(TapeMode.OFF));
  }

  @Test
  void labelsMatchWhatStatusShows() {
    assertEquals("on", TapeMode.RAWREAD.encryptionLabel());
    assertEquals("raw", TapeMode.RAWREAD.decryptionLabel());
    assertEquals("external", EncryptionMode.label(1));
    assertEquals("reserved (0x03)", EncryptionMode.label(3));
    assertEquals("reserved (0x04)", DecryptionMode.label(4));
  }

  private static String codes(TapeMode m) {
    return m.encryption.code + "/" + m.decryption.code;
  }
}
