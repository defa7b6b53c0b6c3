package srro.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseSourceTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void takesTheFirstLineUpToNewlineOrCarriageReturnAsReadpassphraseDoes() throws Exception {
    assertArrayEquals(bytes("secret"), PassphraseSource.firstLine(new ByteArrayInputStream(bytes("secret\nmore"))));
    assertArrayEquals(bytes("secret"), PassphraseSource.firstLine(new ByteArrayInputStream(bytes("secret\r\n"))));
    assertArrayEquals(bytes("no newline"), PassphraseSource.firstLine(new ByteArrayInputStream(bytes("no newline"))));
  }

  @Test
  void keepsAtMost1023Bytes() throws Exception {
    byte[] pass = PassphraseSource.firstLine(new ByteArrayInputStream(bytes("p".repeat(2000) + "\n")));
    assertEquals(1023, pass.length);
  }

  @Test
  void prefersThePassphraseFile() throws Exception {
    Path f = dir.resolve("pass");
    Files.writeString(f, "from file\n");
    PassphraseSource s = new PassphraseSource(f, null, new ByteArrayInputStream(bytes("from stdin\n")));
    assertArrayEquals(bytes("from file"), s.read(true, true));
  }

  @Test
  void readsStandardInputOnlyWhenAllowed() throws Exception {
    PassphraseSource s = new PassphraseSource(null, null, new ByteArrayInputStream(bytes("pw\n")));
    assertEquals(
        "unable to read passphrase", assertThrows(PassphraseSource.Unavailable.class, () -> s.read(false, false)).getMessage());
    assertArrayEquals(bytes("pw"), s.read(true, false));
  }

  @Test
  void refusesAnEmptyPassphrase() {
    PassphraseSource s = new PassphraseSource(null, null, new ByteArrayInputStream(bytes("\n")));
    assertEquals(
        "please provide a password", assertThrows(PassphraseSource.Unavailable.class, () -> s.read(true, false)).getMessage());
  }

  @Test
  void namesADescriptorThatIsNotOpen() {
    PassphraseSource s = new PassphraseSource(null, 987_654, new ByteArrayInputStream(new byte[0]));
    CannotOpenException e = assertThrows(CannotOpenException.class, () -> s.read(true, false));
    assertEquals("--passphrase-fd 987654: no such open file descriptor", e.getMessage());
  }
}
