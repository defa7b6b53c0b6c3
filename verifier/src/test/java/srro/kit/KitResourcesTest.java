package srro.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import srro.testing.ReferenceTrees;

/** The kits on the class path are patches/ byte for byte, and a kit needs no checkout to be found. */
class KitResourcesTest {
  @Test
  void everyBuiltInKitIsTheKitInPatchesByteForByte() throws Exception {
    for (KitId id : KitId.values()) {
      Kit built = KitResources.load(id);
      Kit source = Kit.load(ReferenceTrees.repo().resolve("patches").resolve(id.directory()));
      assertArrayEquals(source.patchset(), built.patchset(), id.directory());
      assertEquals(source.originals(), built.originals(), id.directory());
      assertEquals(source.diffs().stream().map(Kit.Diff::name).toList(),
          built.diffs().stream().map(Kit.Diff::name).toList(), id.directory());
      assertEquals("kit " + id.directory(), built.source());
    }
  }

  @Test
  void theKitsReadmesTravelWithThem() throws Exception {
    for (KitId id : KitId.values()) {
      assertArrayEquals(
          Files.readAllBytes(ReferenceTrees.repo().resolve("patches").resolve(id.directory()).resolve("README.md")),
          KitResources.class.getResourceAsStream(KitResources.ROOT + id.directory() + "/README.md").readAllBytes());
    }
  }

  @Test
  void everyKitsDiffHeadersNameItsRelease() throws Exception {
    for (KitId id : KitId.values()) {
      Kit k = KitResources.load(id);
      for (Kit.Diff d : k.diffs()) {
        String text = new String(d.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(true, text.startsWith("srro softraid read-only kit for OpenBSD " + id.label() + ", diff "),
            id + " " + d.name());
      }
    }
  }
}
