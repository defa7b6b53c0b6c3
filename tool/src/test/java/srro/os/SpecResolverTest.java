package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecResolverTest {
  @TempDir Path dev;

  @Test
  void resolvesTagsThroughUdevLinksAndPathsThroughSymlinks() throws Exception {
    Path loop = Files.createFile(dev.resolve("loop3"));
    Files.createDirectories(dev.resolve("disk/by-uuid"));
    Files.createDirectories(dev.resolve("disk/by-label"));
    Files.createSymbolicLink(dev.resolve("disk/by-uuid/abcd-1234"), loop);
    Files.createSymbolicLink(dev.resolve("disk/by-label/My\\x20Disk"), loop);
    Files.createDirectories(dev.resolve("mapper"));
    Files.createSymbolicLink(dev.resolve("mapper/vault"), loop);
    SpecResolver r = new SpecResolver(dev, Map.of());
    assertTrue(r.resolvesTags());
    String real = loop.toRealPath().toString();
    assertEquals(Optional.of(real), r.apply("UUID=abcd-1234"));
    assertEquals(Optional.of(real), r.apply("LABEL=My Disk"));
    assertEquals(Optional.of(real), r.apply(dev.resolve("mapper/vault").toString()));
    assertEquals(Optional.empty(), r.apply("UUID=missing"));
    assertEquals(Optional.empty(), r.apply("ID=x"));
    assertEquals(Optional.of("/dev/nonexistent"), r.apply("/dev/nonexistent"));
    assertEquals(Optional.empty(), r.apply("server:/export"));
  }

  @Test
  void namesTagLinksAsLibblkidEncodesThem() {
    assertEquals("My\\x20Disk", SpecResolver.udevName("My Disk"));
    assertEquals("a\\x2fb", SpecResolver.udevName("a/b"));
    assertEquals("back\\x5cslash", SpecResolver.udevName("back\\slash"));
    assertEquals("#+-.:=@_09AZaz", SpecResolver.udevName("#+-.:=@_09AZaz"));
    assertEquals("\\x28x\\x29\\x2c\\x27\\x24\\x25\\x3f\\x09\\x7e", SpecResolver.udevName("(x),'$%?\t~"));
    // fstab is read one byte per char: the UTF-8 bytes of "Données" are kept, a byte that starts no valid
    // sequence is escaped, and so is a sequence that is too long for its value (an overlong '/').
    assertEquals("Donn\u00e9es", SpecResolver.udevName("Donn\u00c3\u00a9es"));
    assertEquals("\\xe9t\\xe9", SpecResolver.udevName("\u00e9t\u00e9"));
    assertEquals("\\xc0\\xaf", SpecResolver.udevName("\u00c0\u00af"));
    assertEquals("\\xed\\xa0\\x80", SpecResolver.udevName("\u00ed\u00a0\u0080")); // a surrogate, U+D800
    assertEquals("\u20ac", SpecResolver.udevName("\u20ac")); // text, not bytes: kept as UTF-8
  }

  @Test
  void findsALabelWithABackslashOrACommaUnderItsEncodedName() throws Exception {
    Path loop = Files.createFile(dev.resolve("loop4"));
    Files.createDirectories(dev.resolve("disk/by-label"));
    Files.createSymbolicLink(dev.resolve("disk/by-label/a\\x5cb\\x2cc"), loop);
    assertEquals(Optional.of(loop.toRealPath().toString()),
        new SpecResolver(dev, Map.of()).apply("LABEL=a\\b,c"));
  }

  @Test
  void resolvesOpenbsdDuidsThroughDisknames() {
    SpecResolver r = new SpecResolver(Path.of("/dev"), Map.of("3eb7f9da875cb9ee", "sd0"));
    assertEquals(Optional.of("/dev/sd0a"), r.apply("3eb7f9da875cb9ee.a"));
    assertEquals(Optional.of("/dev/sd0k"), r.apply("3EB7F9DA875CB9EE.k"));
    assertEquals(Optional.empty(), r.apply("a1b2c3d4e5f60718.a"));
    assertFalse(new SpecResolver(dev, Map.of()).resolvesTags());
  }

  @Test
  void isTagKnowsEveryTagItResolvesAndNothingElse() {
    for (String t : new String[] {"UUID=a", "LABEL=My Disk", "PARTUUID=b", "PARTLABEL=c", "ID=d"}) {
      assertTrue(SpecResolver.isTag(t), t);
    }
    for (String t : new String[] {"/dev/sda1", "/dev/x=y", "server:/export", "uuid=a", "=a", "TYPE=ext4",
        "3eb7f9da875cb9ee.a"}) {
      assertFalse(SpecResolver.isTag(t), t);
    }
  }
}
