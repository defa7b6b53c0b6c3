package srro.cli.kit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.cli.Refusal;
import srro.cli.UsageException;
import srro.kit.RebuildSteps;
import srro.os.Host;

/**
 * {@code srro kit rebuild-steps}: prints {@link RebuildSteps}, or with {@code --run} runs them one by one on
 * OpenBSD. Running goes through a {@link Runner}: tests hand in one that records, so no test can start a build.
 */
@Command(
    name = "rebuild-steps",
    description = "Print the commands that rebuild and install the patched kernel, scsi(8) and bioctl(8).")
final class KitRebuildStepsCommand implements Callable<Integer> {
  /** Runs one step and returns its exit status. */
  @FunctionalInterface
  interface Runner {
    int run(String step) throws IOException, InterruptedException;
  }

  /** Each step in its own {@code /bin/sh -c}, with srro's standard streams. */
  static final Runner SHELL = step -> new ProcessBuilder("/bin/sh", "-c", step).inheritIO().start().waitFor();

  private final Io io;
  private final Host host;
  private final Runner runner;

  @Option(names = {"-d", "--directory"}, paramLabel = "DIR", description = "The source tree (default /usr/src).")
  Path dir = Path.of("/usr/src");

  @Option(names = "--run", description = "Run them (OpenBSD only, as root), stopping at the first failure.")
  boolean run;

  KitRebuildStepsCommand(Io io, Host host) {
    this(io, host, SHELL);
  }

  KitRebuildStepsCommand(Io io, Host host, Runner runner) {
    this.io = io;
    this.host = host;
    this.runner = runner;
  }

  @Override
  public Integer call() throws Exception {
    String src = dir.toAbsolutePath().normalize().toString();
    Optional<String> why = RebuildSteps.unnameable(src);
    if (why.isPresent()) {
      throw new UsageException(dir + ": " + why.get());
    }
    List<String> steps = RebuildSteps.of(src);
    if (!run) {
      steps.forEach(io.out()::println);
      io.out().println("# then " + RebuildSteps.AFTER);
      return ExitCode.OK.status();
    }
    if (host.os() != Host.Os.OPENBSD) {
      throw new UsageException("--run rebuilds OpenBSD itself and works only on OpenBSD; this is " + host.osName());
    }
    for (String step : steps) {
      io.out().println("+ " + step);
      io.out().flush();
      int status = runner.run(step);
      if (status != 0) {
        throw new Refusal("rebuild step failed with status " + status + ": " + step);
      }
    }
    io.out().println("rebuilt; " + RebuildSteps.AFTER);
    return ExitCode.OK.status();
  }
}
