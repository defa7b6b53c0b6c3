package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class JffiStubTest {
  @Test
  void namesTheJarsDirectoryForTheMachinesSrroRunsOn() {
    assertEquals("x86_64-Linux", JffiStub.platform("Linux", "amd64"));
    assertEquals("aarch64-Linux", JffiStub.platform("Linux", "aarch64"));
    assertEquals("x86_64-OpenBSD", JffiStub.platform("OpenBSD", "amd64"));
    assertEquals("aarch64-OpenBSD", JffiStub.platform("OpenBSD", "aarch64"));
    assertNull(JffiStub.platform("Linux", "riscv64")); // jffi unpacks its own there
    assertNull(JffiStub.platform("Mac OS X", "aarch64"));
  }

  @Test
  void theUnpackedCopyIsGoneOnceCleanedUp() throws Exception {
    Assumptions.assumeTrue(JffiStub.platform(System.getProperty("os.name"), System.getProperty("os.arch")) != null);
    assertTrue(JffiStub.prepare(), "the stub did not load from java.io.tmpdir");
    JffiStub.cleanUp();
    assertTrue(JffiStub.dir != null && !Files.exists(JffiStub.dir), "left behind: " + JffiStub.dir);
    assertTrue(JffiStub.prepare(), "a second prepare answers as the first");
    assertFalse(Files.exists(JffiStub.dir));
  }
}
