package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.testing.Peer;

/**
 * The launcher (../srro) run by /bin/sh with a PATH that has the shell's tools but no java and no mvn: it
 * never installs anything, it says what to install and exits with the launcher's statuses of
 * docs/exit-status.md.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("..", "srro").toAbsolutePath().normalize();
  private static final List<String> TOOLS = List.of(
      "sh", "dirname", "readlink", "find", "head", "uname", "sed", "cat", "stat", "cksum", "cut", "mkdir",
      "rm", "mv", "mktemp", "id");

  @TempDir Path tmp;

  /** A bin directory with only the tools the launcher uses, as scripts that exec the real ones. */
  private Path toolsOnly() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String t : TOOLS) {
      Path real = Peer.require(t, "coreutils, findutils, sed or dash");
      Path wrapper = bin.resolve(t);
      Files.writeString(wrapper, "#!/bin/sh\nexec " + real + " \"$@\"\n");
      wrapper.toFile().setExecutable(true);
    }
    return bin;
  }

  private record Run(int status, String err) {}

  private Run run(Path script, Path bin, Path cwd, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("/bin/sh", script.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", bin.toString());
    pb.environment().put("HOME", tmp.toString());
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
    return new Run(p.exitValue(), err);
  }

  @Test
  void aCheckoutWithoutJavaOrMavenPrintsWhatToInstallAndExits71() throws Exception {
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    Files.copy(LAUNCHER, checkout.resolve("srro"));
    Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(checkout.resolve("tool/src/main/java"));
    Path link = Files.createDirectories(tmp.resolve("elsewhere")).resolve("srro");
    Files.createSymbolicLink(link, Path.of("../checkout/srro"));

    Run r = run(link, toolsOnly(), tmp, "--version");

    assertEquals(71, r.status(), r::err);
    assertTrue(r.err().contains("building srro needs a JDK 17 or later and Maven"), r::err);
    assertTrue(r.err().contains("apt-get install default-jdk-headless maven"), r::err);
    assertFalse(r.err().contains("installing"), r::err);
    assertFalse(Files.exists(checkout.resolve("tool/target")), "the launcher built or wrote something");
  }

  @Test
  void aCheckoutWhoseBuildFailsShowsMavensOutputAndExits70() throws Exception {
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    Files.copy(LAUNCHER, checkout.resolve("srro"));
    Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(checkout.resolve("tool/src/main/java"));
    Path bin = toolsOnly();
    Files.writeString(bin.resolve("java"), "#!/bin/sh\nexit 0\n");
    Files.writeString(bin.resolve("mvn"),
        "#!/bin/sh\necho '[ERROR] COMPILATION ERROR: Main.java:[1,1] boom'\nexit 1\n");
    bin.resolve("java").toFile().setExecutable(true);
    bin.resolve("mvn").toFile().setExecutable(true);

    Run r = run(checkout.resolve("srro"), bin, tmp, "--version");

    assertEquals(70, r.status(), r::err);
    assertTrue(r.err().contains("COMPILATION ERROR: Main.java:[1,1] boom"), r::err);
    assertTrue(r.err().endsWith("srro: build failed\n"), r::err);
  }

  @Test
  void anInstalledLauncherWithoutJavaPrintsWhatToInstallAndExits71() throws Exception {
    Path prefix = tmp.resolve("usr");
    Files.createDirectories(prefix.resolve("bin"));
    Files.createDirectories(prefix.resolve("share/srro"));
    Files.copy(LAUNCHER, prefix.resolve("bin/srro"));
    Files.writeString(prefix.resolve("share/srro/srro.jar"), "not run\n");

    Run r = run(prefix.resolve("bin/srro"), toolsOnly(), tmp, "--version");

    assertEquals(71, r.status(), r::err);
    assertTrue(r.err().contains("java 17 or later is needed to run srro"), r::err);
    assertTrue(r.err().contains("apt-get install default-jre-headless"), r::err);
  }

  @Test
  void aLauncherWithNeitherAJarNorACheckoutBesideItExits66() throws Exception {
    Path lone = Files.createDirectories(tmp.resolve("lone")).resolve("srro");
    Files.copy(LAUNCHER, lone);

    Run r = run(lone, toolsOnly(), tmp, "--version");

    assertEquals(66, r.status(), r::err);
    assertTrue(r.err().contains("no srro.jar in"), r::err);
  }
}
