package srro.signify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChecksumListTest {
  private static final Map<String, byte[]> FILES = Map.of("a", Keys.ascii("alpha\n"), "b", Keys.ascii("beta\n"));

  private static final ChecksumList.FileDigest DIGEST = ChecksumListTest::digest;

  private static Optional<byte[]> digest(String algorithm, String file) {
    try {
      return FILES.containsKey(file)
          ? Optional.of(MessageDigest.getInstance(algorithm).digest(FILES.get(file)))
          : Optional.empty();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(FILES.get(file)));
  }

  private static ChecksumList parse(String text) throws SignifyFormatException {
    byte[] b = Keys.ascii(text);
    return ChecksumList.parse("SHA256.sig", b, 0, b.length);
  }

  @Test
  void parsesOpenBsdSha256Lines() throws Exception {
    ChecksumList l = parse("SHA256 (a) = " + sha256("a") + "\nSHA256 (b) = " + sha256("b") + "\n");
    assertEquals(2, l.lines().size());
    assertEquals("a", l.lines().get(0).file());
    ChecksumList.Report r = l.check("SHA256.sig", List.of(), DIGEST);
    assertEquals(List.of("a", "b"), r.ok());
    assertTrue(r.passed());
  }

  @Test
  void acceptsBase64HashesAndSha512() throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-512").digest(FILES.get("b"));
    ChecksumList l = parse("SHA512 (b) = " + Base64.getEncoder().encodeToString(d) + "\r\n");
    assertEquals(List.of("b"), l.check("s", List.of(), DIGEST).ok());
  }

  @Test
  void failsChangedAndMissingFiles() throws Exception {
    ChecksumList l = parse("SHA256 (a) = " + sha256("b") + "\nSHA256 (gone) = " + sha256("a") + "\n");
    ChecksumList.Report r = l.check("s", List.of(), DIGEST);
    assertEquals(List.of("a", "gone"), r.failed());
  }

  @Test
  void checksOnlyNamedFilesAndFailsNamedFilesNotListed() throws Exception {
    ChecksumList l = parse("SHA256 (a) = " + sha256("a") + "\nSHA256 (b) = bad\n");
    ChecksumList.Report r = l.check("s", List.of("a", "c"), DIGEST);
    assertEquals(List.of("a"), r.ok());
    assertEquals(List.of("c"), r.failed());
  }

  @Test
  void stopsAtTheFirstEmptyLineLikeSignify() throws Exception {
    assertEquals(1, parse("SHA256 (a) = x\n\nnot a checksum line\n").lines().size());
  }

  @Test
  void rejectsALineItCannotScan() {
    SignifyFormatException e = assertThrows(SignifyFormatException.class, () -> parse("SHA256(a) = x\n"));
    assertEquals("unable to parse checksum line SHA256(a) = x", e.getMessage());
    assertThrows(SignifyFormatException.class, () -> parse("SHA256 () = x\n"));
    assertThrows(SignifyFormatException.class, () -> parse("SHA256 (a) x\n"));
    assertThrows(SignifyFormatException.class, () -> parse("SHA256 (" + "f".repeat(1024) + ") = x\n"));
  }

  @Test
  void refusesAnUnknownAlgorithmWhenItsLineIsChecked() throws Exception {
    ChecksumList l = parse("MD5 (a) = 00\n");
    SignifyFormatException e =
        assertThrows(SignifyFormatException.class, () -> l.check("s", List.of(), DIGEST));
    assertEquals("can't handle algorithm MD5", e.getMessage());
    assertEquals(List.of("b"), l.check("s", List.of("b"), DIGEST).failed());
  }

  @Test
  void refusesAHashThatIsNeitherHexNorBase64() throws Exception {
    ChecksumList l = parse("SHA256 (a) = not*base64\n");
    SignifyFormatException e =
        assertThrows(SignifyFormatException.class, () -> l.check("s", List.of(), DIGEST));
    assertEquals("invalid base64 encoding", e.getMessage());
  }
}
