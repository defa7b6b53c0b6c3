package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
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
      "sh", "readlink", "uname", "cat", "stat", "mkdir", "rm", "mv", "mktemp");

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
    return run(Map.of(), script, bin, cwd, args);
  }

  private Run run(Map<String, String> env, Path script, Path bin, Path cwd, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("/bin/sh", script.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", bin.toString());
    pb.environment().put("HOME", tmp.toString());
    pb.environment().putAll(env);
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

  private static void script(Path p, String body) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/sh\n" + body);
    p.toFile().setExecutable(true);
  }

  private static void age(Path p, long seconds) throws IOException {
    Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - seconds * 1000));
  }

  @Test
  void aCheckoutRebuildsWhenAMainSourceIsNewerThanTheJarAndOnlyThen() throws Exception {
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    Files.copy(LAUNCHER, checkout.resolve("srro"));
    Path pom = checkout.resolve("pom.xml");
    Files.writeString(pom, "<project/>\n");
    Path main = checkout.resolve("tool/src/main/java/srro/A.java");
    Path test = checkout.resolve("tool/src/test/java/srro/ATest.java");
    Path jar = checkout.resolve("tool/target/srro.jar");
    for (Path p : List.of(main, test, jar)) {
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x\n");
    }
    Path built = tmp.resolve("built");
    Path bin = toolsOnly();
    script(bin.resolve("java"), "exit 0\n");
    script(bin.resolve("mvn"), "echo built >>" + built + "\n");
    age(pom, 300);
    age(main, 300);
    age(jar, 200);

    assertEquals(0, run(checkout.resolve("srro"), bin, tmp, "--version").status());
    assertFalse(Files.exists(built), "rebuilt although no source changed");

    age(test, 100);
    assertEquals(0, run(checkout.resolve("srro"), bin, tmp, "--version").status());
    assertFalse(Files.exists(built), "rebuilt for a test source, which is not in the jar");

    age(main, 100);
    Run r = run(checkout.resolve("srro"), bin, tmp, "--version");
    assertEquals(0, r.status(), r::err);
    assertEquals("built\n", Files.readString(built), r::err);
  }

  @Test
  void aCheckoutRebuildsForAResourceOrAModulePomButNotForAnotherFileOrALink() throws Exception {
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    Files.copy(LAUNCHER, checkout.resolve("srro"));
    Path pom = checkout.resolve("pom.xml");
    Path modulePom = checkout.resolve("verifier/pom.xml");
    Path deep = checkout.resolve("verifier/src/main/java/srro/a/b/c/d/e/B.java");
    Path resource = checkout.resolve("verifier/src/main/resources/srro/scsi/.hidden/table.txt");
    Path notes = checkout.resolve("tool/src/main/java/srro/notes.txt");
    Path jar = checkout.resolve("tool/target/srro.jar");
    for (Path p : List.of(pom, modulePom, deep, resource, notes, jar)) {
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x\n");
      age(p, 300);
    }
    Path elsewhere = Files.writeString(tmp.resolve("Elsewhere.java"), "x\n");
    Files.createSymbolicLink(checkout.resolve("tool/src/main/java/srro/Linked.java"), elsewhere);
    age(jar, 200);
    Path built = tmp.resolve("built");
    Path bin = toolsOnly();
    script(bin.resolve("java"), "exit 0\n");
    script(bin.resolve("mvn"), "echo built >>" + built + "\n");

    age(notes, 100); // not a source: find -name '*.java' never counted it either
    age(elsewhere, 100); // a symbolic link is not followed
    assertEquals(0, run(checkout.resolve("srro"), bin, tmp, "--version").status());
    assertFalse(Files.exists(built), "rebuilt for a file the jar is not built from");

    for (Path p : List.of(deep, resource, modulePom)) {
      age(p, 100);
      Files.deleteIfExists(built);
      Run r = run(checkout.resolve("srro"), bin, tmp, "--version");
      assertEquals(0, r.status(), r::err);
      assertEquals("built\n", Files.readString(built), p + ": " + r.err());
      age(p, 300);
    }
  }

  /** A JDK whose java writes its arguments to {@code log} and makes the archive files it is asked to make. */
  private Path fakeJdk(String version, Path log) throws IOException {
    Path jdk = tmp.resolve("jdk-" + version);
    Files.createDirectories(jdk);
    Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
    script(jdk.resolve("bin/java"), "echo \"$*\" >>" + log + "\n"
        + "for a; do case $a in -XX:ArchiveClassesAtExit=* | -XX:AOTConfiguration=*) echo x >\"${a#*=}\" ;;"
        + " -XX:SharedArchiveFile=*) [ -f \"${a#*=}\" ] || exit 9 ;;"
        + " -XX:AOTCache=*) case \"$*\" in *AOTMode=create*) echo x >\"${a#*=}\" ;; *) [ -f \"${a#*=}\" ] || exit 9 ;;"
        + " esac ;; esac; done\n");
    return jdk;
  }

  private List<String> javaRuns(String version) throws Exception {
    return javaRuns(version, "cache-" + version);
  }

  /** Two runs of {@code srro fstab x} on a fake JDK {@code version}, the archive kept in {@code cache} under tmp. */
  private List<String> javaRuns(String version, String cache) throws Exception {
    Path prefix = tmp.resolve("usr");
    Files.createDirectories(prefix.resolve("share/srro"));
    Files.createDirectories(prefix.resolve("bin"));
    Files.copy(LAUNCHER, prefix.resolve("bin/srro"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(prefix.resolve("share/srro/srro.jar"), "not run\n");
    Path log = tmp.resolve("java-" + version + ".log");
    Map<String, String> env = Map.of("JAVA_HOME", fakeJdk(version, log).toString(),
        "SRRO_CACHE_DIR", tmp.resolve(cache).toString());
    for (int i = 0; i < 2; i++) {
      Run r = run(env, prefix.resolve("bin/srro"), toolsOnly(), tmp, "fstab", "x");
      assertEquals(0, r.status(), r::err);
      Files.writeString(log, "--\n", java.nio.file.StandardOpenOption.APPEND);
    }
    return List.of(Files.readString(log).split("\n"));
  }

  /**
   * Two runs on a fake JDK {@code version} whose archive is a CDS one: a training run records it, then each run
   * maps it, its name and the way the jar is started matching {@code archiveThenStart}; none gets the
   * native-access flag, which would turn off the archive's optimized module handling.
   */
  private void assertClassDataRuns(String version, String archiveThenStart) throws Exception {
    List<String> runs = javaRuns(version);
    assertEquals(5, runs.size(), runs::toString);
    assertTrue(runs.get(0).contains("-XX:ArchiveClassesAtExit=") && runs.get(0).endsWith("srro.cli.Training"),
        runs::toString);
    for (int i : new int[] {1, 3}) {
      assertTrue(runs.get(i).matches(".*-XX:SharedArchiveFile=\\S*/srro-[0-9.-]+" + archiveThenStart + " fstab x"),
          runs::toString);
    }
    assertTrue(runs.stream().noneMatch(r -> r.contains("--enable-native-access")), runs::toString);
  }

  @Test
  void onJdk17ATrainingRunRecordsAClassDataArchiveThatEveryRunMaps() throws Exception {
    // -cp, not -jar: every class comes from the archive and the jar is never opened
    assertClassDataRuns("17.0.15", "\\.jsa .*-cp \\S*/srro\\.jar srro\\.cli\\.Main");
  }

  @Test
  void onJdk24TheArchiveIsMappedIntoAnExecutableJar() throws Exception {
    // JDK 24 warns about JNI without the manifest's Enable-Native-Access, which only -jar applies
    assertClassDataRuns("24.0.2", "-jar\\.jsa .*-jar \\S*/srro\\.jar");
  }

  @Test
  void onJdk25ATrainingRunMakesAnAotCacheThatEveryRunUses() throws Exception {
    List<String> runs = javaRuns("25.0.1");
    assertEquals(6, runs.size(), runs::toString);
    assertTrue(runs.get(0).contains("-XX:AOTMode=record") && runs.get(0).endsWith("srro.cli.Training"),
        runs::toString);
    assertTrue(runs.get(1).contains("-XX:AOTMode=create"), runs::toString);
    for (int i : new int[] {2, 4}) {
      assertTrue(runs.get(i).matches(".*-XX:AOTCache=\\S*/srro-[0-9.-]+\\.aot .*-cp \\S*/srro\\.jar"
          + " srro\\.cli\\.Main fstab x"), runs::toString);
    }
    // Without -jar the manifest's Enable-Native-Access does not apply: the flag instead, in the training runs
    // too, or the JVM refuses the cache for the differing property.
    for (int i : new int[] {0, 1, 2, 4}) {
      assertTrue(runs.get(i).contains("--enable-native-access=ALL-UNNAMED"), runs::toString);
    }
  }

  @Test
  void anArchiveInADirectoryWithASpaceIsMappedAsOneArgument() throws Exception {
    // the fake java exits 9 when the file a mapping flag names does not exist: a split path would not
    for (String version : List.of("17.0.15", "25.0.1")) {
      List<String> runs = javaRuns(version, "my cache " + version);
      assertTrue(runs.stream().anyMatch(r -> r.contains("/my cache " + version + "/srro-")), runs::toString);
    }
  }

  @Test
  void withoutAnArchiveTheJarRunsAsAnExecutableJar() throws Exception {
    Path prefix = tmp.resolve("usr");
    Files.createDirectories(prefix.resolve("share/srro"));
    Files.createDirectories(prefix.resolve("bin"));
    Files.copy(LAUNCHER, prefix.resolve("bin/srro"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(prefix.resolve("share/srro/srro.jar"), "not run\n");
    Path log = tmp.resolve("java-nocache.log");
    Map<String, String> env = Map.of("JAVA_HOME", fakeJdk("17.0.15", log).toString(), "SRRO_CACHE_DIR", "");
    Run r = run(env, prefix.resolve("bin/srro"), toolsOnly(), tmp, "fstab", "x");
    assertEquals(0, r.status(), r::err);
    List<String> runs = List.of(Files.readString(log).split("\n"));
    assertEquals(1, runs.size(), runs::toString);
    assertTrue(runs.get(0).endsWith("-jar " + prefix.resolve("share/srro/srro.jar").toRealPath() + " fstab x"),
        runs::toString);
  }
}
