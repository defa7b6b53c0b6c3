package srro.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code srro}, {@code srro decode}, {@code srro tape}): run bare, it
 * prints its usage on standard output and exits 2.
 */
public abstract class CommandGroup implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final Io io;

  protected CommandGroup(Io io) {
    this.io = io;
  }

  /**
   * The model of {@code group} named {@code name} for picocli's programmatic API, with no option and no
   * subcommand yet, injected as {@code @Spec} would inject it.
   */
  public static CommandSpec spec(CommandGroup group, String name) {
    CommandSpec s = Specs.wrap(group);
    s.name(name);
    group.spec = s;
    return s;
  }

  @Override
  public Integer call() {
    // The spec's own CommandLine: CommandLine.usage(this, ...) would re-create the subcommands with picocli's
    // default factory, which cannot build commands that take an Io.
    spec.commandLine().usage(io.out());
    return ExitCode.USAGE.status();
  }
}
