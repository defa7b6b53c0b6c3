package srro.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import srro.testing.ReferenceTrees;

class RebuildStepsTest {
  @Test
  void theKernelScsiAndBioctlAsTheReadmesGiveThem() {
    assertEquals(List.of(
        "cd /usr/src/sys/arch/$(machine)/compile/GENERIC.MP && make obj && make config && make && make install",
        "cd /usr/src/sbin/scsi && make obj && make && make install",
        "cd /usr/src/sbin/bioctl && make obj && make && make install"), RebuildSteps.of("/usr/src"));
  }

  @Test
  void aDirectoryWithSpacesIsQuotedForTheShell() {
    assertEquals("cd '/home/me/my src'/sbin/scsi && make obj && make && make install",
        RebuildSteps.of("/home/me/my src").get(1));
  }

  @Test
  void aDirectoryNoShellLineCanNameIsRefused() {
    assertEquals(java.util.Optional.of("not a source directory a shell line can name: /tmp/it's"),
        RebuildSteps.unnameable("/tmp/it's"));
    assertEquals(true, RebuildSteps.unnameable("a\nb").isPresent());
    assertEquals(java.util.Optional.empty(), RebuildSteps.unnameable("/home/me/my src"));
    assertThrows(IllegalArgumentException.class, () -> RebuildSteps.of("/tmp/it's"));
    assertThrows(IllegalArgumentException.class, () -> RebuildSteps.of(""));
  }

  @Test
  void everyReadmeGivesTheSameSteps() throws Exception {
    for (ReferenceTrees.KitTree k : ReferenceTrees.KITS) {
      String readme = java.nio.file.Files.readString(ReferenceTrees.kit(k).resolve("README.md"));
      assertEquals(true, readme.contains("    cd /sys/arch/$(machine)/compile/GENERIC.MP\n"
          + "    make obj && make config && make && make install\n"), k.kit());
      assertEquals(true, readme.contains("    cd /usr/src/sbin/scsi && make obj && make && make install\n"
          + "    cd /usr/src/sbin/bioctl && make obj && make && make install\n"), k.kit());
    }
  }
}
