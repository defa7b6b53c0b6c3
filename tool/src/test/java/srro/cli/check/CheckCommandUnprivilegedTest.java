package srro.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.Main;
import srro.testing.Peer;

/**
 * srro check as an unprivileged user (nobody, via setpriv): it still runs every check the user may make and
 * exits 0 or 1, never 66/71/74. The classes are copied to a world-readable directory first. Needs root to
 * drop to nobody; skips loudly otherwise (fails under CI=true).
 */
class CheckCommandUnprivilegedTest {
  @TempDir Path tmp;

  @Test
  void runsAsNobodyAndSaysWhatItCouldNotCheck() throws Exception {
    Path setpriv = Peer.require("setpriv", "util-linux");
    if (!"root".equals(System.getProperty("user.name"))) {
      Peer.missing("root (to run srro check as nobody)");
    }
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> cp = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      boolean main = entry.endsWith("target/classes") || entry.matches(".*srro-verifier-[0-9.]+(-SNAPSHOT)?\\.jar");
      if (main || entry.contains("picocli")) {
        Path to = tmp.resolve("cp" + n++ + (entry.endsWith(".jar") ? ".jar" : ""));
        copy(Path.of(entry), to);
        cp.add(to.toString());
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups", java,
                "-XX:TieredStopAtLevel=1", "-cp", String.join(File.pathSeparator, cp), "srro.cli.Main", "check",
                "--json")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(p.exitValue() == 0 || p.exitValue() == 1, "exit " + p.exitValue() + "\n" + out);
    assertTrue(out.startsWith("{\"schema\":\"srro-check/2\""), out);
    assertTrue(out.contains("\"checks_run\":[") && out.contains("\"volumes\""), out);
    assertTrue(out.contains("\"check\":\"mode-sense-wp\""), out);
    assertEquals(1, out.strip().lines().count(), "one JSON document, nothing else\n" + out);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
          Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(p, t);
          Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
  }
}
