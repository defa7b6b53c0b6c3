package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JNR is loaded only by commands that touch devices (FACTS.md: it costs 140-280 ms of startup). */
class PlatformLoadingTest {

  private static List<String> loadedJnrClasses(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(
        java, "-verbose:class", "-cp", System.getProperty("java.class.path"), "srro.cli.Main"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines().filter(l -> l.contains(" jnr.")).toList();
  }

  @Test
  void commandsThatTouchNoDeviceNeverLoadJnr() throws Exception {
    assertEquals(List.of(), loadedJnrClasses("probe", "--help"));
  }

  @Test
  void probeLoadsJnrWhenItOpensADevice() throws Exception {
    assertTrue(loadedJnrClasses("probe", "/dev/null").stream().anyMatch(l -> l.contains("jnr.posix.")));
  }
}
