package srro.cli;

import java.nio.file.Path;
import srro.fstab.Dialect;
import srro.fstab.FstabLint;
import srro.fstab.VolumeFacts;

/**
 * Child-JVM entry point for the fstab --fix crash tests: fixes FILE and dies like kill -9 (Runtime.halt: no
 * shutdown hooks, no flushing) when the rewrite reaches checkpoint N; with N = 0 it sleeps a little at every
 * checkpoint so the parent can SIGKILL it at a random moment. Arguments: FILE N.
 */
final class CrashingFstabFix {
  private CrashingFstabFix() {}

  public static void main(String[] args) throws Exception {
    int haltAt = Integer.parseInt(args[1]);
    FstabFile f = FstabFile.read(Path.of(args[0]), Dialect.LINUX, Dialect.LINUX);
    f.fix(FstabLint.lint(f.fstab(), VolumeFacts.NONE), (step, what) -> {
      if (haltAt == 0) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else if (step == haltAt) {
        Runtime.getRuntime().halt(137);
      }
    });
  }
}
