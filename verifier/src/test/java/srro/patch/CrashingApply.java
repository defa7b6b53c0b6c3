package srro.patch;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child-JVM entry point for the crash tests: applies a diff to a tree and dies like kill -9 (Runtime.halt: no
 * shutdown hooks, no flushing) when the transaction reaches checkpoint N; with N = 0 it sleeps a little at every
 * checkpoint so the parent can SIGKILL it at a random moment; with N &lt; 0 it sleeps -N ms at every checkpoint
 * (holding the tree's lock meanwhile). Arguments: ROOT DIFF STRIP N.
 */
final class CrashingApply {
  private CrashingApply() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    byte[] diff = Files.readAllBytes(Path.of(args[1]));
    int strip = Integer.parseInt(args[2]);
    int haltAt = Integer.parseInt(args[3]);
    Tree tree = Tree.open(root);
    Plan plan = Plan.of(Patchset.parse(args[1], diff), strip, tree);
    System.out.println("ready");
    System.out.flush();
    Transaction.apply(
        tree,
        plan.changes(tree),
        (step, what) -> {
          if (haltAt <= 0) {
            try {
              Thread.sleep(haltAt == 0 ? 2 : -haltAt);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          } else if (step == haltAt) {
            Runtime.getRuntime().halt(137);
          }
        });
    System.out.println("done");
  }
}
