package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run completes on its own inputs and prints nothing (it is never the user's run). */
class TrainingTest {
  @Test
  void runsTheShortCommandsSilently() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(seen, true, "UTF-8")) {
      System.setOut(capture);
      System.setErr(capture);
      statuses = Training.train();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals("", seen.toString("UTF-8"));
  }

  private Map<String, Integer> statuses;

  /** A run that failed would train the archive on its error path only: each ends as it would for a user. */
  @Test
  void eachCommandTakesItsNormalPath() throws Exception {
    runsTheShortCommandsSilently();
    assertEquals(0, statuses.get("--version"));
    assertEquals(1, statuses.get("fstab fstab"), "the training fstab names no device here: findings, not errors");
    assertEquals(0, statuses.get("patch status -p1 --archive src.tar.gz u.diff"));
    assertEquals(0, statuses.get("patch status -p1 -d tree u.diff"));
    assertEquals(0, statuses.get("patch apply -p1 --dry-run -d tree u.diff"));
    assertEquals(0, statuses.get("patch apply -p1 -d tree u.diff"));
    assertEquals(2, statuses.get("nosuch"));
    assertEquals(65, statuses.get("decode sense --inhex=/dev/null"), "read through TimedOpen, then refused");
  }

  /** GNU tar, the peer, lists the training tarball as the one file it holds. */
  @Test
  void theTrainingTarballIsOneGnuTarReads(@TempDir Path dir) throws Exception {
    Path tgz = Files.write(dir.resolve("t.tar.gz"), Training.tarGz("f.c", "x\n".getBytes(StandardCharsets.US_ASCII)));
    ProcessBuilder tar = new ProcessBuilder("tar", "-tzvf", tgz.toString()).redirectErrorStream(true);
    tar.environment().put("TZ", "UTC");
    Process p = tar.start();
    String listed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), listed);
    assertTrue(listed.matches("-rw-r--r-- 0/0 +2 1970-01-01 00:00 f\\.c\n"), listed);
  }
}
