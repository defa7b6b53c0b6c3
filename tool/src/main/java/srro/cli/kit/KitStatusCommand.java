package srro.cli.kit;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.cli.Json;
import srro.cli.Refusal;
import srro.kit.KitStatus;
import srro.patch.Patchset;
import srro.patch.Plan;
import srro.patch.Transaction;
import srro.patch.Tree;

/** {@code srro kit status}: the tree's release, the kit it takes, and every kit file's state. */
@Command(
    name = "status",
    description = "Name the tree's release and kit, and say for every file whether it is pristine, patched,"
        + " modified or missing.")
final class KitStatusCommand implements Callable<Integer> {
  private final Io io;

  @Mixin KitChoice choice;

  @Option(names = "--json", description = "Print one JSON document instead of text.")
  boolean json;

  KitStatusCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(choice.dir)) {
      throw new NoSuchFileException(choice.dir.toString(), null, "not a directory");
    }
    KitChoice.Chosen c;
    try {
      c = choice.choose();
    } catch (KitChoice.Refused e) {
      throw new Refusal(e.getMessage(), e);
    }
    Tree tree = Tree.open(choice.dir);
    Transaction.requireNonePending(tree);
    Plan plan = Plan.of(Patchset.parse(c.kit().source(), c.kit().patchset()), 0, tree);
    String release = c.tree().map(Object::toString).orElse("unknown");
    KitStatus s = KitStatus.of(release, c.kit().originals(), plan, tree);
    if (json) {
      List<Object> files = Json.array();
      for (KitStatus.FileState f : s.files()) {
        files.add(Json.object()
            .put("path", f.path())
            .put("state", f.state())
            .put("expected_revision", f.expectedRevision())
            .put("found_revision", f.foundRevision().orElse(null)));
      }
      io.out().println(Json.document("srro-kit-status/1")
          .put("directory", choice.dir.toString())
          .put("release", c.tree().map(Object::toString).orElse(null))
          .put("kit", c.id().directory())
          .put("summary", s.summary())
          .put("kit_applies", s.kitApplies())
          .put("files", files));
    } else {
      io.out().println(choice.dir + ": OpenBSD " + release + ", kit " + c.id().directory()
          + (c.why().endsWith("(forced)") ? " (forced)" : ""));
      for (KitStatus.FileState f : s.files()) {
        String rev = f.foundRevision().map(r -> r.equals(f.expectedRevision()) ? "rev " + r
            : "rev " + r + ", kit expects " + f.expectedRevision()).orElse("no $OpenBSD$ line");
        io.out().printf("%-10s %s (%s)%n", f.state().name().toLowerCase(Locale.ROOT), f.path(), rev);
      }
      io.out().println(choice.dir + ": " + s.summary()
          + (s.kitApplies() ? "; the kit applies" : plan.alreadyApplied() ? "" : "; the kit does not apply"));
    }
    return s.kitApplies() || plan.alreadyApplied() ? ExitCode.OK.status() : ExitCode.NO.status();
  }
}
