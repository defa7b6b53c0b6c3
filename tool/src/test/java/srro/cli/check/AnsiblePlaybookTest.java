package srro.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.Main;
import srro.testing.Peer;

/** contrib/ansible/srro-check.yml run by Debian's ansible-playbook against localhost (connection local). */
class AnsiblePlaybookTest {
  static final Path PLAYBOOK = Path.of("../contrib/ansible/srro-check.yml");
  static final Path MOUNTS = Path.of("../verifier/src/test/resources/srro/mounts/openbsd.mount");

  @TempDir Path tmp;

  private record Play(int status, String out) {}

  private Play play(String fstab) throws Exception {
    Path ansible = Peer.require("ansible-playbook", "ansible");
    Path f = tmp.resolve("fstab");
    Files.writeString(f, fstab);
    Path srro = tmp.resolve("srro");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        srro,
        "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
            + "' srro.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(srro, PosixFilePermissions.fromString("rwx------"));
    Path vars = tmp.resolve("vars.json");
    Files.writeString(
        vars,
        "{\"srro_hosts\": \"all\", \"ansible_python_interpreter\": \"/usr/bin/python3\", \"srro_command\": \""
            + srro + "\", \"srro_args\": [\"--fstab\", \"" + f + "\", \"--mounts\", \"" + MOUNTS.toAbsolutePath()
            + "\"]}");
    ProcessBuilder pb =
        new ProcessBuilder(
            ansible.toString(), "-i", "localhost,", "-c", "local", "-e", "@" + vars, PLAYBOOK.toString());
    pb.environment().put("ANSIBLE_LOCAL_TEMP", tmp.resolve("ansible-local").toString());
    pb.environment().put("ANSIBLE_REMOTE_TEMP", tmp.resolve("ansible-remote").toString());
    pb.environment().put("ANSIBLE_NOCOLOR", "1");
    pb.environment().put("ANSIBLE_RETRY_FILES_ENABLED", "0");
    pb.environment().put("ANSIBLE_HOME", tmp.resolve("ansible-home").toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Play(p.exitValue(), out);
  }

  @Test
  void aCleanHostPassesThePlay() throws Exception {
    Play p = play("/dev/sd0a / ffs rw 1 1\n/dev/sd1a /archive ffs ro,nodev 0 0\n");
    assertEquals(0, p.status(), p.out());
    assertTrue(p.out().contains("not checked: volumes"), p.out());
    assertTrue(p.out().contains("failed=0"), p.out());
  }

  @Test
  void aHostWithAnErrorFailsThePlay() throws Exception {
    Play p = play("/dev/sd0a / ffs rw 1 1\n/dev/sd1a /archive ffs ro,nodev 1 2\n");
    assertEquals(2, p.status(), p.out());
    assertTrue(p.out().contains("srro check found 1 error(s) on "), p.out());
    assertTrue(p.out().contains("error /archive line 2: read-only entry has fs_passno 2"), p.out());
    assertTrue(p.out().contains("failed=1"), p.out());
  }
}
