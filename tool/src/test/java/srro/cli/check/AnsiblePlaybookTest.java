package srro.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.testing.Peer;

/**
 * contrib/ansible (the srro_check role and srro-check.yml) run by Debian's ansible-playbook against localhost
 * (connection local), normally and with --check: the check runs in both, the fix only without --check, and
 * "changed" is the fix's edits.
 */
class AnsiblePlaybookTest {
  static final Path PLAYBOOK = Path.of("../contrib/ansible/srro-check.yml");
  static final Path ROLES = Path.of("../contrib/ansible/roles");
  static final Path USES_FACTS = Path.of("src/test/resources/srro/cli/check/uses-srro-facts.yml");
  static final Path MOUNTS = Path.of("../verifier/src/test/resources/srro/mounts/openbsd.mount");
  static final String CLEAN = "/dev/sd0a / ffs rw 1 1\n/dev/sd1a /archive ffs ro,nodev 0 0\n";
  static final String PASSNO_2 = "/dev/sd0a / ffs rw 1 1\n/dev/sd1a /archive ffs ro,nodev 1 2\n";

  @TempDir Path tmp;

  private record Play(int status, String out) {}

  private Path fstab(String text) throws Exception {
    Path f = tmp.resolve("fstab");
    Files.writeString(f, text);
    return f;
  }

  /** Runs {@code playbook} with the test's srro; {@code vars} is extra JSON for -e, {@code flags} more options. */
  private Play play(Path playbook, String vars, String... flags) throws Exception {
    Path ansible = Peer.require("ansible-playbook", "ansible");
    Path srro = tmp.resolve("srro");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        srro,
        "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
            + "' srro.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(srro, PosixFilePermissions.fromString("rwx------"));
    Path varsFile = tmp.resolve("vars.json");
    Files.writeString(
        varsFile,
        "{\"srro_hosts\": \"all\", \"ansible_python_interpreter\": \"/usr/bin/python3\", \"srro_command\": \""
            + srro + "\", \"srro_args\": [\"--fstab\", \"" + tmp.resolve("fstab") + "\", \"--mounts\", \""
            + MOUNTS.toAbsolutePath() + "\"]" + (vars.isEmpty() ? "" : ", " + vars) + "}");
    List<String> cmd = new ArrayList<>(List.of(ansible.toString(), "-i", "localhost,", "-c", "local", "-e",
        "@" + varsFile));
    cmd.addAll(List.of(flags));
    cmd.add(playbook.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("ANSIBLE_LOCAL_TEMP", tmp.resolve("ansible-local").toString());
    pb.environment().put("ANSIBLE_REMOTE_TEMP", tmp.resolve("ansible-remote").toString());
    pb.environment().put("ANSIBLE_NOCOLOR", "1");
    pb.environment().put("ANSIBLE_RETRY_FILES_ENABLED", "0");
    pb.environment().put("ANSIBLE_HOME", tmp.resolve("ansible-home").toString());
    pb.environment().put("ANSIBLE_ROLES_PATH", ROLES.toAbsolutePath().toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Play(p.exitValue(), out);
  }

  @Test
  void aCleanHostPassesThePlayNormallyAndInCheckMode() throws Exception {
    fstab(CLEAN);
    for (String[] flags : new String[][] {{}, {"--check"}}) {
      Play p = play(PLAYBOOK, "", flags);
      assertEquals(0, p.status(), p.out());
      assertTrue(p.out().contains("not checked: volumes"), p.out());
      assertTrue(p.out().contains("failed=0"), p.out());
      assertTrue(p.out().contains("changed=0"), p.out());
    }
  }

  @Test
  void aHostWithAnErrorFailsThePlayAlsoInCheckMode() throws Exception {
    fstab(PASSNO_2);
    for (String[] flags : new String[][] {{}, {"--check"}}) {
      Play p = play(PLAYBOOK, "", flags);
      assertEquals(2, p.status(), p.out());
      assertTrue(p.out().contains("srro check found 1 error(s) on "), p.out());
      assertTrue(p.out().contains("error /archive line 2: read-only entry has fs_passno 2"), p.out());
      assertTrue(p.out().contains("failed=1"), p.out());
    }
  }

  @Test
  void theFixIsChangedByItsEditsAndSkippedInCheckMode() throws Exception {
    Path f = fstab(PASSNO_2);
    Play dry = play(PLAYBOOK, "\"srro_check_fix\": true", "--check");
    assertEquals(2, dry.status(), dry.out());
    assertEquals(PASSNO_2, Files.readString(f), "--check writes nothing");

    Play fix = play(PLAYBOOK, "\"srro_check_fix\": true");
    assertEquals(0, fix.status(), fix.out());
    assertTrue(fix.out().contains("changed=1"), fix.out());
    assertEquals(CLEAN.replace("ro,nodev 0 0", "ro,nodev 1 0"), Files.readString(f));

    Play again = play(PLAYBOOK, "\"srro_check_fix\": true");
    assertEquals(0, again.status(), again.out());
    assertTrue(again.out().contains("changed=0"), again.out());
  }

  @Test
  void theFstabFixAlsoReportsItsEditsAsChanged() throws Exception {
    Path f = fstab(PASSNO_2);
    Play fix = play(PLAYBOOK, "\"srro_check_fix\": true, \"srro_check_fix_command\": \"fstab\", "
        + "\"srro_check_fix_fstab\": \"" + f + "\", \"srro_check_fail_on_error\": false");
    assertEquals(0, fix.status(), fix.out());
    assertTrue(fix.out().contains("changed=1"), fix.out());
    assertTrue(Files.readString(f).endsWith("ro,nodev 1 0\n"), Files.readString(f));
  }

  @Test
  void anotherSchemaVersionFailsTheAssert() throws Exception {
    fstab(CLEAN);
    Play p = play(PLAYBOOK, "\"srro_check_schema\": \"srro-check/1\"", "--check");
    assertEquals(2, p.status(), p.out());
    assertTrue(p.out().contains("printed schema srro-check/2; this role reads srro-check/1"), p.out());
  }

  @Test
  void whenSrroFailsThePlaySaysWhyFromTheErrorDocument() throws Exception {
    Play p = play(PLAYBOOK, "", "--check"); // no fstab file written: srro exits 66
    assertEquals(2, p.status(), p.out());
    assertTrue(p.out().contains("with exit status 66 (noinput):"), p.out());
    assertTrue(p.out().contains("fstab: no such file or directory"), p.out());
  }

  @Test
  void laterPlaysReadTheFacts() throws Exception {
    fstab(PASSNO_2);
    Play p = play(USES_FACTS, "", "--check");
    assertEquals(0, p.status(), p.out());
    assertTrue(p.out().contains("facts: schema=srro-check/2 errors=1 ok=False ro=0 first=ro-passno"), p.out());
  }
}
