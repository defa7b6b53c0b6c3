package srro.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real peer programs the tests compare srro with (signify-openbsd, GNU patch, sdparm, qemu...). run-tests
 * installs them as root. A test that needs a missing peer fails under CI=true and otherwise skips with a loud
 * message on stderr, so a local run never passes silently without its oracle.
 */
public final class Peer {
  private Peer() {}

  /** The peer's path, or the test is failed (CI) / aborted (locally) with a message naming the package. */
  public static Path require(String program, String debianPackage) {
    Optional<Path> p = find(program);
    if (p.isPresent()) {
      return p.get();
    }
    missing(program + " (Debian package " + debianPackage + ")");
    throw new AssertionError("unreachable");
  }

  /** Fails (CI) or aborts (locally) the test because {@code what} is not available here. */
  public static void missing(String what) {
    String msg = "PEER MISSING: " + what + " -- run ./run-tests as root to install it";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(msg);
    }
    System.err.println("\n*** SKIPPED: " + msg + " ***\n");
    Assumptions.abort(msg);
  }

  /** Looks {@code program} up on PATH (and /usr/sbin, /sbin, which root's PATH may lack under Maven). */
  public static Optional<Path> find(String program) {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin";
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
