package srro.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignifyFilesTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final SignifyFiles fs =
      new SignifyFiles(
          new Io(new ByteArrayInputStream("in".getBytes()), new PrintStream(stdout, true), System.err, Map.of()));

  @Test
  void readsKeyFilesOnlyUpTo2047BytesLikeSignify() throws Exception {
    Path f = dir.resolve("big.pub");
    Files.write(f, new byte[5000]);
    assertEquals(2047, fs.readKeyFile(f.toString()).length);
  }

  @Test
  void dashIsStandardInputAndOutput() throws Exception {
    assertArrayEquals("in".getBytes(), fs.readMessage("-"));
    try (SignifyFiles.Output o = fs.create("-", false, false)) {
      o.stream().write("out".getBytes());
      o.commit();
    }
    assertEquals("out", stdout.toString());
  }

  @Test
  void writesNothingUnlessCommitted() throws Exception {
    String target = dir.resolve("sig").toString();
    try (SignifyFiles.Output o = fs.create(target, false, false)) {
      o.stream().write("partial".getBytes());
    }
    assertFalse(Files.exists(Path.of(target)));
    try (var s = Files.list(dir)) {
      assertEquals(0, s.count(), "temporary file left behind");
    }
  }

  @Test
  void replacesOrRefusesAnExistingFile() throws Exception {
    Path target = dir.resolve("f");
    Files.writeString(target, "old");
    try (SignifyFiles.Output o = fs.create(target.toString(), false, false)) {
      o.stream().write("new".getBytes());
      o.commit();
    }
    assertEquals("new", Files.readString(target));
    CannotOpenException e = assertThrows(CannotOpenException.class, () -> fs.create(target.toString(), true, true));
    assertTrue(e.getMessage().endsWith("for writing: file exists"), e.getMessage());
  }

  @Test
  void hashesFilesForChecksumListsAndFailsUnreadableOnes() throws Exception {
    Path f = dir.resolve("x");
    Files.writeString(f, "abc");
    assertEquals(32, fs.digest("SHA-256", f.toString()).orElseThrow().length);
    assertTrue(fs.digest("SHA-512", dir.resolve("missing").toString()).isEmpty());
    assertTrue(fs.digest("SHA-256", dir.toString()).isEmpty());
  }
}
