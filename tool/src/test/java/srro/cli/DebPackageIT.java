package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import srro.testing.Peer;

/**
 * The Debian package is built, lintian-clean of errors, installed, run and purged, and make install/uninstall
 * leave nothing behind: contrib/debian/test-package does the work (after Maven's package phase made the jar,
 * which is why this is an IT); this test runs it with the peers it needs and shows its output on failure.
 */
class DebPackageIT {
  private static final Path TOP = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theDebianPackageInstallsRunsAndPurgesCleanlyOnAScratchRoot() throws Exception {
    for (String[] peer : new String[][] {
        {"make", "make"}, {"dpkg-deb", "dpkg"}, {"dpkg", "dpkg"}, {"lintian", "lintian"}}) {
      Peer.require(peer[0], peer[1]);
    }
    Path log = Files.createTempFile("srro-test-package", ".log");
    try {
      Process p = new ProcessBuilder(TOP.resolve("contrib/debian/test-package").toString())
          .directory(TOP.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), () -> "contrib/debian/test-package:\n" + out);
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
