package srro.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.patch.CannotWriteException;
import srro.patch.DurableFiles;
import srro.patch.Transaction;

/**
 * The file is either the old or the new bytes after a kill -9 at any point of {@code srro fstab --fix}: a child
 * JVM ({@link CrashingFstabFix}) halts at each of the 7 checkpoints of {@link DurableFiles#replace} six times with
 * different file sizes, and eight more are killed with SIGKILL after a random delay: 50 trials. A concurrent
 * edit makes the rewrite refuse; a symbolic link is refused, not followed.
 */
class FstabFileFixCrashTest {
  @TempDir Path tmp;

  private static byte[] fstab(Random r) {
    StringBuilder sb = new StringBuilder("# padding " + "x".repeat(r.nextInt(20000)) + "\n");
    sb.append("/dev/loop0 /mnt/ro ext4 ro 0 2\n");
    for (int i = 0, n = r.nextInt(200); i < n; i++) {
      sb.append("/dev/sdz").append(i).append(" /m").append(i).append(" ext4 rw 0 2\n");
    }
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] fixed(byte[] old) {
    String s = new String(old, StandardCharsets.ISO_8859_1).replace("/mnt/ro ext4 ro 0 2", "/mnt/ro ext4 ro 0 0");
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static Process child(Path file, int dieAt) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData", "-cp",
            System.getProperty("java.class.path"), CrashingFstabFix.class.getName(), file.toString(),
            Integer.toString(dieAt));
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  private record Trial(int n, int dieAt, long killAfterMs) {}

  @Test
  void theFileIsEitherOldOrNewAfterAKillAtAnyStep() throws Exception {
    List<Trial> trials = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      for (int step = 1; step <= DurableFiles.REPLACE_STEPS; step++) {
        trials.add(new Trial(trials.size(), step, -1));
      }
    }
    Random r = new Random(42);
    for (int i = 0; i < 8; i++) {
      trials.add(new Trial(trials.size(), 0, 150 + r.nextInt(400)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (Trial t : trials) {
        results.add(pool.submit(() -> trial(t)));
      }
      int newCount = 0;
      for (Future<String> f : results) {
        String outcome = f.get(60, TimeUnit.SECONDS);
        newCount += outcome.equals("new") ? 1 : 0;
      }
      assertTrue(trials.size() >= 50);
      assertTrue(newCount >= 12, "steps 6 and 7 leave the new file: " + newCount);
    } finally {
      pool.shutdownNow();
    }
  }

  private String trial(Trial t) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("t" + t.n()));
    Path file = dir.resolve("fstab");
    byte[] old = fstab(new Random(t.n()));
    byte[] now = fixed(old);
    Files.write(file, old);
    Process p = child(file, t.dieAt());
    if (t.killAfterMs() >= 0) {
      if (!p.waitFor(t.killAfterMs(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
      }
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child did not finish");
    byte[] after = Files.readAllBytes(file);
    boolean isOld = Arrays.equals(old, after);
    boolean isNew = Arrays.equals(now, after);
    assertTrue(isOld || isNew, "trial " + t + ": file is neither old nor new");
    if (t.dieAt() > 0) {
      assertEquals(137, p.exitValue(), "trial " + t + " halted");
      assertEquals(t.dieAt() >= 6, isNew, "trial " + t + ": only steps 6 and 7 are after the rename");
    }
    Path backup = dir.resolve("fstab" + DurableFiles.BACKUP_SUFFIX);
    if (Files.exists(backup)) {
      assertArrayEquals(old, Files.readAllBytes(backup), "trial " + t + ": backup");
    }
    return isNew ? "new" : "old";
  }

  @Test
  void refusesWhenTheFileChangedSinceItWasRead() throws Exception {
    Path file = tmp.resolve("fstab");
    byte[] old = "/dev/a /a ext4 ro 0 2\n".getBytes(StandardCharsets.US_ASCII);
    Files.write(file, "/dev/a /a ext4 ro 0 2\n# edited meanwhile\n".getBytes(StandardCharsets.US_ASCII));
    IOException e =
        assertThrows(IOException.class, () -> DurableFiles.replace(file, old, fixed(old), Transaction.Checkpoint.NONE));
    assertEquals(file + ": changed since srro read it; nothing written (run srro again)", e.getMessage());
    assertEquals("/dev/a /a ext4 ro 0 2\n# edited meanwhile\n", Files.readString(file));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(file), s.filter(p -> !p.getFileName().toString().endsWith(".srro.bak")).toList());
    }
  }

  @Test
  void keepsModeAndWritesABackup() throws Exception {
    Path file = tmp.resolve("fstab");
    byte[] old = "/dev/a /a ext4 ro 0 2\n".getBytes(StandardCharsets.US_ASCII);
    Files.write(file, old);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Path backup = DurableFiles.replace(file, old, fixed(old), Transaction.Checkpoint.NONE);
    assertArrayEquals(fixed(old), Files.readAllBytes(file));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(tmp.resolve("fstab" + DurableFiles.BACKUP_SUFFIX), backup);
    assertArrayEquals(old, Files.readAllBytes(backup));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of("fstab", "fstab.srro.bak"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void refusesASymlinkedFileOrBackupInsteadOfFollowingOrReplacingIt() throws Exception {
    Path real = tmp.resolve("real-fstab");
    Path link = tmp.resolve("fstab");
    byte[] old = "/dev/a /a ext4 ro 0 2\n".getBytes(StandardCharsets.US_ASCII);
    Files.write(real, old);
    Files.createSymbolicLink(link, real.getFileName());
    CannotWriteException e = assertThrows(CannotWriteException.class,
        () -> DurableFiles.replace(link, old, fixed(old), Transaction.Checkpoint.NONE));
    assertEquals("can't open " + link + " for writing: is a symbolic link; not followed or replaced", e.getMessage());
    assertTrue(Files.isSymbolicLink(link));
    assertArrayEquals(old, Files.readAllBytes(real));
    Path victim = Files.writeString(tmp.resolve("victim"), "precious\n");
    Files.createSymbolicLink(tmp.resolve("real-fstab" + DurableFiles.BACKUP_SUFFIX), victim);
    e = assertThrows(CannotWriteException.class,
        () -> DurableFiles.replace(real, old, fixed(old), Transaction.Checkpoint.NONE));
    assertEquals("can't open " + tmp.resolve("real-fstab.srro.bak")
        + " for writing: is a symbolic link; not followed or replaced", e.getMessage());
    assertEquals("precious\n", Files.readString(victim));
    assertArrayEquals(old, Files.readAllBytes(real));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of("fstab", "real-fstab", "real-fstab.srro.bak", "victim"),
          s.map(p -> p.getFileName().toString()).sorted().toList(), "no temporaries left");
    }
  }
}
