package srro.cli.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;
import srro.tape.ScriptedTapeTarget;
import srro.tape.TapeKey;

/** {@code srro tape keygen}: a fresh key, owner-only, never over anything, read back, accepted by tape set. */
class TapeKeygenCommandTest {
  @TempDir Path dir;

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void writesA256BitKeyOwnerOnlyThatTapeSetReads() throws Exception {
    Path key = dir.resolve("tape.key");
    CliRun r = CliRun.of("tape", "keygen", key.toString(), "--kad", "April backup");
    assertEquals(0, r.status(), r.toString());
    assertEquals("rw-------", mode(key));
    byte[] file = Files.readAllBytes(key);
    assertEquals(65 + 13, file.length);
    assertEquals("key file               " + key + " (mode 0600, 78 bytes, created new)\n"
        + "key                    256 bits from " + SecureRandom.getInstanceStrong().getAlgorithm()
        + " (SecureRandom.getInstanceStrong), never printed\n"
        + "read back              parses as 'srro tape set --key' reads it: same key, same description\n"
        + "u-kad                  April backup\n", r.out());
    assertEquals("", r.err());
    try (TapeKey k = TapeKey.parse("k", file)) {
      assertEquals(32, k.length());
      assertEquals("April backup", k.description());
    }
    ScriptedTapeTarget drive = new ScriptedTapeTarget();
    CliRun set = CliRun.on(ScriptedTapeDevice.on(drive).host(), "tape", "set", "/dev/nst0", "--key",
        key.toString());
    assertEquals(0, set.status(), set.toString());
    assertTrue(set.out().endsWith("u-kad                  April backup\n"), set.out());
  }

  @Test
  void writesOneLineWithoutKadAndPrintsJson() throws Exception {
    Path key = dir.resolve("k");
    CliRun r = CliRun.of("tape", "keygen", "--json", key.toString());
    assertEquals(0, r.status(), r.toString());
    assertEquals("{\"schema\":\"srro-tape-keygen/1\",\"file\":\"" + key + "\",\"ok\":true,\"mode\":\"0600\",\"bytes\":65,\"key_bits\":256,"
        + "\"random_source\":\"" + SecureRandom.getInstanceStrong().getAlgorithm() + "\",\"kad\":null,"
        + "\"read_back\":true}\n", r.out());
    srro.cli.JsonContract.validate(r);
    String text = Files.readString(key, StandardCharsets.US_ASCII);
    assertTrue(text.matches("[0-9a-f]{64}\n"), "one lowercase hex line");
  }

  @Test
  void twoKeysAreNeverTheSame() throws Exception {
    assertEquals(0, CliRun.of("tape", "keygen", dir.resolve("a").toString()).status());
    assertEquals(0, CliRun.of("tape", "keygen", dir.resolve("b").toString()).status());
    assertNotEquals(Files.readString(dir.resolve("a")), Files.readString(dir.resolve("b")));
  }

  @Test
  void refusesAnExistingFileAsAnOutputAndLeavesItAlone() throws Exception {
    Path key = dir.resolve("old.key");
    Files.writeString(key, "the old key\n");
    CliRun r = CliRun.of("tape", "keygen", key.toString());
    assertEquals(74, r.status(), r.toString());
    assertEquals("", r.out());
    assertEquals("srro: can't open " + key + " for writing: already exists; tape keygen never overwrites a file\n",
        r.err());
    assertEquals("the old key\n", Files.readString(key));
  }

  @Test
  void refusesASymbolicLinkToAFileAndWritesNothingThrough() throws Exception {
    Path victim = dir.resolve("victim");
    Files.writeString(victim, "precious\n");
    Path link = Files.createSymbolicLink(dir.resolve("k.key"), victim);
    CliRun r = CliRun.of("tape", "keygen", link.toString());
    assertEquals(74, r.status(), r.toString());
    assertEquals("srro: can't open " + link + " for writing: is a symbolic link; tape keygen never follows one\n",
        r.err());
    assertEquals("precious\n", Files.readString(victim));
  }

  @Test
  void refusesADanglingSymbolicLinkAndCreatesNothingAtItsTarget() throws Exception {
    Path target = dir.resolve("would-be-created");
    Path link = Files.createSymbolicLink(dir.resolve("k.key"), target);
    CliRun r = CliRun.of("tape", "keygen", link.toString());
    assertEquals(74, r.status(), r.toString());
    assertEquals("srro: can't open " + link + " for writing: is a symbolic link; tape keygen never follows one\n",
        r.err());
    assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void refusesADirectoryThatDoesNotExist() {
    Path key = dir.resolve("no-such-dir").resolve("k.key");
    CliRun r = CliRun.of("tape", "keygen", key.toString());
    assertEquals(74, r.status(), r.toString());
    assertEquals("srro: can't open " + key + " for writing: no such directory\n", r.err());
  }

  @Test
  void refusesStandardOutput() {
    CliRun r = CliRun.of("tape", "keygen", "-");
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.err().startsWith("srro: tape keygen writes the key to a file, never to standard output\n"),
        r.err());
  }

  @Test
  void refusesKadThatIsNotPrintableAscii() {
    Path key = dir.resolve("k");
    CliRun r = CliRun.of("tape", "keygen", key.toString(), "--kad", "line\nbreak");
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.err().startsWith("srro: --kad must be printable ascii\n"), r.err());
    assertFalse(Files.exists(key));
  }

  @Test
  void refusesKadLongerThanAKeyFileHolds() {
    Path key = dir.resolve("k");
    CliRun r = CliRun.of("tape", "keygen", key.toString(), "--kad", "x".repeat(1025));
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.err().startsWith("srro: --kad is 1025 characters, at most 1024 allowed\n"), r.err());
    assertFalse(Files.exists(key));
  }

  private Path written(byte[] key, String description) throws IOException {
    Path p = dir.resolve("rb.key");
    Files.write(p, TapeKey.encodeFile(key, description));
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    return p;
  }

  private static Object fileKey(Path p) throws IOException {
    return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
  }

  @Test
  void readBackAcceptsTheFileAsWritten() throws IOException {
    byte[] key = HexFormat.of().parseHex(TapeSetCommandTest.KEY_HEX);
    Path p = written(key, "April");
    assertEquals(Optional.empty(), TapeKeygenCommand.readBack(p, fileKey(p), key, "April"));
  }

  @Test
  void readBackCatchesAnotherKey() throws IOException {
    byte[] key = HexFormat.of().parseHex(TapeSetCommandTest.KEY_HEX);
    Path p = written(key, "April");
    byte[] other = key.clone();
    other[31] ^= 1;
    assertEquals(Optional.of("its key differs"), TapeKeygenCommand.readBack(p, fileKey(p), other, "April"));
  }

  @Test
  void readBackCatchesAnotherDescription() throws IOException {
    byte[] key = HexFormat.of().parseHex(TapeSetCommandTest.KEY_HEX);
    Path p = written(key, "April");
    assertEquals(Optional.of("its description differs"), TapeKeygenCommand.readBack(p, fileKey(p), key, "May"));
  }

  @Test
  void readBackCatchesAWiderMode() throws IOException {
    byte[] key = HexFormat.of().parseHex(TapeSetCommandTest.KEY_HEX);
    Path p = written(key, "");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(Optional.of("its mode is rw-r--r--, not rw-------"),
        TapeKeygenCommand.readBack(p, fileKey(p), key, ""));
  }

  @Test
  void readBackCatchesAReplacedFile() throws IOException {
    byte[] key = HexFormat.of().parseHex(TapeSetCommandTest.KEY_HEX);
    Path p = written(key, "");
    Object original = fileKey(p);
    Path other = dir.resolve("other");
    Files.write(other, TapeKey.encodeFile(key, ""));
    Files.move(other, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals(Optional.of("it was replaced by another file"), TapeKeygenCommand.readBack(p, original, key, ""));
  }

  @Test
  void readBackCatchesAFileThatDoesNotParse() throws IOException {
    byte[] key = HexFormat.of().parseHex(TapeSetCommandTest.KEY_HEX);
    Path p = written(key, "");
    Files.writeString(p, "not hex\n");
    Optional<String> wrong = TapeKeygenCommand.readBack(p, fileKey(p), key, "");
    assertEquals(Optional.of("it does not parse: line 1: expected hex digits only (no spaces, no 0x), found"
        + " another character"), wrong);
  }

  @Test
  void wipesTheKeyItGenerated() throws IOException {
    byte[][] seen = new byte[1][];
    SecureRandom recording = new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        super.nextBytes(bytes);
        seen[0] = bytes;
      }
    };
    TapeKeygenCommand.write(dir.resolve("w.key"), recording, "");
    assertArrayEquals(new byte[32], seen[0], "generated key not wiped");
  }
}
