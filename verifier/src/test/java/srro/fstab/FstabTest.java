package srro.fstab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FstabTest {
  private static Fstab parse(String s, Dialect d) throws FstabFormatException {
    return Fstab.parse("t", s.getBytes(StandardCharsets.ISO_8859_1), d, Dialect.LINUX);
  }

  @Test
  void parseThenEncodeIsTheIdentityOnRandomMutationsOfTheGoldenFiles() throws Exception {
    Random r = new Random(0x5e0f57ab);
    byte[] alphabet = " \t\n\r#,.\\0123=abAUXZ/\377\200".getBytes(StandardCharsets.ISO_8859_1);
    for (String name : FstabLintTest.goldens().toList()) {
      byte[] base = java.nio.file.Files.readAllBytes(FstabLintTest.DIR.resolve(name + ".fstab"));
      for (int trial = 0; trial < 300; trial++) {
        byte[] b = base.clone();
        for (int k = 0, n = 1 + r.nextInt(8); k < n && b.length > 0; k++) {
          b[r.nextInt(b.length)] = alphabet[r.nextInt(alphabet.length)];
        }
        b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
        Fstab f = Fstab.parse(name, b, null, Dialect.OPENBSD);
        assertArrayEquals(b, f.encode(), name + " trial " + trial);
        FstabLint.lint(f, e -> java.util.Optional.of(true));
      }
    }
  }

  @Test
  void keepsSpacingCommentsBlankLinesAndLineEnds() throws Exception {
    String s = "# c\n\n  \t\nUUID=x\t /  ext4 rw 0 1\r\n/dev/b /b ext4 ro";
    Fstab f = parse(s, null);
    assertEquals(5, f.lines().size());
    assertEquals("\r\n", f.line(4).terminator());
    assertEquals("", f.line(5).terminator());
    assertTrue(f.line(1).isComment());
    assertEquals(2, f.entries().size());
    assertEquals(s, new String(f.encode(), StandardCharsets.ISO_8859_1));
  }

  @Test
  void fieldsKnowTheirByteOffsets() throws Exception {
    Fstab f = parse("#x\n/dev/a  /a ext4 ro 0 2\n", Dialect.LINUX);
    Field passno = f.entries().get(0).field(Entry.PASSNO).orElseThrow();
    assertEquals(3 + 21, passno.offset());
    assertEquals("2", passno.raw());
  }

  @Test
  void decodesOctalEscapesInSpecAndMountPoint() throws Exception {
    Entry e = parse("LABEL=My\\040Disk /mnt/a\\040b\\134 ext4 ro\n", Dialect.LINUX).entries().get(0);
    assertEquals("LABEL=My Disk", e.spec());
    assertEquals("/mnt/a b\\", e.file());
    assertEquals("\\400", Octal.decode("\\400"));
    assertEquals("\\12", Octal.decode("\\12"));
  }

  @Test
  void missingFieldsDefaultAsFstab5Says() throws Exception {
    Entry e = parse("/dev/a /a ext4\n", Dialect.LINUX).entries().get(0);
    assertEquals(List.of("defaults"), e.options());
    assertEquals(0, e.freq());
    assertEquals(0, e.passno());
    assertTrue(e.readWrite());
    Entry b = parse("/dev/sd0a / ffs ro\n", Dialect.OPENBSD).entries().get(0);
    assertEquals(0, b.passno());
    assertTrue(b.readOnly());
  }

  @Test
  void lastOfRoAndRwWins() throws Exception {
    assertTrue(parse("/a /a ext4 rw,ro\n", Dialect.LINUX).entries().get(0).readOnly());
    assertTrue(!parse("/a /a ext4 ro,defaults\n", Dialect.LINUX).entries().get(0).readOnly());
  }

  @Test
  void detectsTheDialect() throws Exception {
    assertEquals(Dialect.OPENBSD, parse("3eb7f9da875cb9ee.a / ffs rw 1 1\n", null).dialect());
    assertEquals(Dialect.OPENBSD, parse("/dev/x /x nfs rw,softdep\n", null).dialect());
    assertEquals(Dialect.LINUX, parse("UUID=1 / ext4 defaults 0 1\n", null).dialect());
    assertEquals(Dialect.LINUX, parse("# nothing\n", null).dialect());
    assertEquals(Dialect.LINUX, Fstab.parse("t", new byte[0], null, null).dialect());
    assertEquals(
        Dialect.OPENBSD, Fstab.parse("t", "/a /a x y\n".getBytes(), null, Dialect.OPENBSD).dialect());
  }

  @Test
  void rejectsAFileLargerThanTheLimit() {
    FstabFormatException e =
        assertThrows(
            FstabFormatException.class, () -> Fstab.parse("big", new byte[Fstab.MAX_BYTES + 1], null, Dialect.LINUX));
    assertEquals("fstab is 1048577 bytes, more than the limit of 1048576", e.getMessage());
  }

  @Test
  void refusesASignifyKeyOrSignatureFileByNameWithoutEchoingIt() {
    FstabFormatException e = assertThrows(FstabFormatException.class, () -> Fstab.parse("k.sec",
        "untrusted comment: signify secret key\nRWRCSwAAAAB...\n".getBytes(), null, Dialect.LINUX));
    assertEquals("a signify key or signature file (it starts with 'untrusted comment:'), not an fstab; its"
        + " contents are not printed", e.getMessage());
    assertEquals(0, e.offset());
  }

  @Test
  void rejectsANulByte() {
    FstabFormatException e =
        assertThrows(FstabFormatException.class, () -> Fstab.parse("f", "/a /a\0".getBytes(), null, Dialect.LINUX));
    assertEquals("NUL byte in fstab, expected text", e.getMessage());
    assertEquals(5, e.offset());
  }
}
