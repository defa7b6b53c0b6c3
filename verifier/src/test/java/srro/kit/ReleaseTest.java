package srro.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import srro.testing.ReferenceTrees.KitTree;
import srro.testing.ReferenceTrees;

class ReleaseTest {
  private static Release parse(String text) throws KitFormatException {
    return Release.parse("newvers.sh", text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static final String BODY = "ost=\"OpenBSD\"\nosr=\"8.0\"\n\ncat >vers.c <<eof\n"
      + "#define STATUS \"-beta\"\t\t\t/* just before a release */\n#if 0\n"
      + "#define STATUS \"-current\"\t\t/* just after a release */\n#define STATUS \"\"\t\t\t/* release */\n"
      + "#endif\n";

  @Test
  void takesOsrAndTheFirstStatusDefineNotTheOnesInTheIfZeroBlock() throws Exception {
    Release r = parse(BODY);
    assertEquals(new Release("8.0", "-beta"), r);
    assertEquals("8.0-beta", r.name());
  }

  @Test
  void aReleaseHasAnEmptyStatus() throws Exception {
    assertEquals("7.7", parse("osr=\"7.7\"\n#define STATUS \"\"\t\t\t/* release */\n#if 0\n"
        + "#define STATUS \"-beta\"\n#endif\n").name());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void readsEveryReferenceTreesNewversSh(KitTree k) throws Exception {
    byte[] newvers = Files.readAllBytes(ReferenceTrees.tree(k).resolve("sys/conf/newvers.sh"));
    String expected = switch (k.tree()) {
      case "7.7", "7.8" -> k.tree();
      default -> k.tree().startsWith("8.0") ? "8.0-beta" : k.tree() + "-beta";
    };
    assertEquals(expected, Release.parse("newvers.sh", newvers).name());
  }

  @Test
  void rejectsAFileWithoutOsr() {
    KitFormatException e = assertThrows(KitFormatException.class, () -> parse("#define STATUS \"\"\n"));
    assertEquals("newvers.sh: no osr=\"X.Y\" line, cannot tell the release", e.getMessage());
  }

  @Test
  void rejectsAFileWithoutStatus() {
    KitFormatException e = assertThrows(KitFormatException.class, () -> parse("osr=\"7.7\"\n"));
    assertEquals("newvers.sh: no #define STATUS \"...\" line, cannot tell a release from -current", e.getMessage());
  }

  @Test
  void rejectsAStatusThatIsNoStatus() {
    KitFormatException e = assertThrows(KitFormatException.class,
        () -> parse("osr=\"7.7\"\n#define STATUS \"beta\"\n"));
    assertEquals("newvers.sh: STATUS \"beta\" is neither empty nor like \"-beta\"", e.getMessage());
  }

  @Test
  void rejectsAFileTooLargeToBeNewversSh() {
    KitFormatException e = assertThrows(KitFormatException.class,
        () -> Release.parse("newvers.sh", new byte[Release.MAX_BYTES + 1]));
    assertEquals("newvers.sh: longer than 65536 bytes, not newvers.sh", e.getMessage());
  }

  @Test
  void aReleaseIsValidatedWhenMade() {
    assertThrows(IllegalArgumentException.class, () -> new Release("7", ""));
    assertThrows(IllegalArgumentException.class, () -> new Release("7.7", "beta"));
  }
}
