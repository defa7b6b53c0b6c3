package srro.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.testing.Peer;

/**
 * srro check as an unprivileged user (nobody, via setpriv): it still runs every check the user may make, its exit
 * status is the document's verdict (1 exactly when there is an error finding), and what it could not check says
 * why in the user's terms (no disks to ask, permission denied), never a missing class. The classes and the
 * jars srro runs with, JNR included, are copied to a world-readable directory first, so the disks are asked
 * the way an installed srro asks them. Needs root to drop to nobody; skips loudly otherwise (fails under CI=true).
 */
class CheckCommandUnprivilegedTest {
  private static final Pattern RUNTIME_JAR = Pattern.compile(".*/(picocli|jnr-[a-z0-9-]+|jffi|asm[a-z-]*)-[0-9][^/]*\\.jar");
  private static final Pattern MODE_SENSE_REASON =
      Pattern.compile("no SCSI disks on this machine|/dev/\\S+: .*(permission denied|EACCES).*");

  @TempDir Path tmp;

  @Test
  void runsAsNobodyAndSaysWhatItCouldNotCheck() throws Exception {
    JsonNode doc = parse(runAsNobody("check", "--json"));
    int status = doc.get("exit").asInt();
    JsonNode report = doc.get("document");
    assertEquals("srro-check/2", report.get("schema").asText());
    assertEquals(report.get("errors").asLong() > 0 ? 1 : 0, status, report.toString());
    assertTrue(report.get("checks_run").isArray() && report.get("volumes").isArray(), report.toString());
    List<String> modeSense = new ArrayList<>();
    for (JsonNode s : report.get("checks_skipped")) {
      String reason = s.get("reason").asText();
      assertFalse(reason.contains("NoClassDefFound") || reason.contains("internal error"), reason);
      if (s.get("check").asText().equals("mode-sense-wp")) {
        modeSense.add(reason);
      }
    }
    assertFalse(modeSense.isEmpty(), "nobody cannot ask disks, and says so: " + report);
    for (String reason : modeSense) {
      assertTrue(MODE_SENSE_REASON.matcher(reason).matches(), reason);
    }
  }

  /** The JNR jars are on the classpath: nobody's probe of /dev/null reaches the ioctl, which says ENOTTY. */
  @Test
  void loadsJnrAsNobody() throws Exception {
    Run r = runAsNobody("probe", "/dev/null");
    assertEquals(71, r.status(), r.output());
    assertTrue(r.output().contains("/dev/null: INQUIRY: the pass-through ioctl failed (ENOTTY)"), r.output());
  }

  private record Run(int status, String output) {}

  private Run runAsNobody(String... args) throws Exception {
    Path setpriv = Peer.require("setpriv", "util-linux");
    if (!"root".equals(System.getProperty("user.name"))) {
      Peer.missing("root (to run srro as nobody)");
    }
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> cp = new ArrayList<>();
    int n = 0;
    boolean jnr = false;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      boolean main = entry.endsWith("target/classes") || entry.matches(".*srro-verifier-[0-9.]+(-SNAPSHOT)?\\.jar");
      if (main || RUNTIME_JAR.matcher(entry).matches()) {
        jnr |= entry.contains("jnr-ffi");
        Path to = tmp.resolve("cp" + n++ + (entry.endsWith(".jar") ? ".jar" : ""));
        if (!Files.exists(to)) {
          copy(Path.of(entry), to);
        }
        cp.add(to.toString());
      }
    }
    assertTrue(jnr, "jnr-ffi is on the test classpath: " + System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(setpriv.toString(), "--reuid=65534", "--regid=65534",
        "--clear-groups", java, "-XX:TieredStopAtLevel=1", "-cp", String.join(File.pathSeparator, cp),
        "srro.cli.Main"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Run(p.exitValue(), out);
  }

  /** The run's one line of output as {"exit": N, "document": {...}}. */
  private static JsonNode parse(Run r) throws IOException {
    assertEquals(1, r.output().strip().lines().count(), "one JSON document, nothing else\n" + r.output());
    ObjectMapper m = new ObjectMapper();
    return m.createObjectNode().put("exit", r.status()).set("document", m.readTree(r.output()));
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
