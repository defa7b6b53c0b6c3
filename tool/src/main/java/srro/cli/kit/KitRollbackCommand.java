package srro.cli.kit;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.cli.Json;
import srro.patch.Transaction;
import srro.patch.Tree;

/** {@code srro kit rollback}: restores the files the last kit apply changed, with srro.patch's journal. */
@Command(
    name = "rollback",
    description = "Restore the files the last kit apply changed.")
final class KitRollbackCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = {"-d", "--directory"}, paramLabel = "DIR", description = "The source tree (default /usr/src).")
  Path dir = Path.of("/usr/src");

  @Option(names = "--json", description = "Print one JSON document instead of text.")
  boolean json;

  KitRollbackCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    Tree tree = Tree.open(dir);
    List<String> restored = Transaction.rollback(tree, Transaction.Checkpoint.NONE);
    if (json) {
      io.out().println(Json.document("srro-patch-rollback/1").put("directory", tree.root().toString())
          .put("restored", restored));
      return ExitCode.OK.status();
    }
    for (String p : restored) {
      // a path that no longer exists did not exist before the apply (a .orig backup)
      boolean exists = Files.exists(tree.root().resolve(p), LinkOption.NOFOLLOW_LINKS);
      io.out().println((exists ? "restored " : "removed ") + p);
    }
    io.out().println("rolled back " + restored.size() + " file" + (restored.size() == 1 ? "" : "s"));
    return ExitCode.OK.status();
  }
}
