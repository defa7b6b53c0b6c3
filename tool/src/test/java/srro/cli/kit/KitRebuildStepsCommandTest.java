package srro.cli.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import srro.cli.CliRun;
import srro.cli.Io;
import srro.cli.Main;
import srro.os.Host;

/**
 * {@code kit rebuild-steps --run}: every test hands in a {@link KitRebuildStepsCommand.Runner} that records the
 * steps instead of running them, or a host that is not OpenBSD, so no test can start a build on any machine.
 */
class KitRebuildStepsCommandTest {
  private static Host host(Host.Os os, String name) {
    return new Host.Other(os, name, (path, access) -> {
      throw new AssertionError("no device is opened here");
    });
  }

  private record Run(int status, String out, String err, List<String> ran) {}

  private static Run run(Host host, List<Integer> statuses, String... args) {
    List<String> ran = new ArrayList<>();
    KitRebuildStepsCommand.Runner recorder = step -> {
      ran.add(step);
      return statuses.get(ran.size() - 1);
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      Io io = new Io(new ByteArrayInputStream(new byte[0]), o, e, Map.of());
      // srro's own command line, handlers included (a refusal is printed by the Reporter, not the command),
      // with rebuild-steps given the recorder instead of the shell
      CommandLine cl = Main.commandLine(io, host, "kit");
      CommandSpec kit = cl.getSubcommands().get("kit").getCommandSpec();
      kit.removeSubcommand("rebuild-steps");
      kit.addSubcommand("rebuild-steps", new CommandLine(new KitRebuildStepsCommand(io, host, recorder)));
      List<String> argv = new ArrayList<>(List.of("kit", "rebuild-steps"));
      argv.addAll(List.of(args));
      status = cl.execute(argv.toArray(new String[0]));
    }
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), ran);
  }

  @Test
  void onOpenBsdRunRunsTheThreeStepsInOrder() {
    Run r = run(host(Host.Os.OPENBSD, "OpenBSD"), List.of(0, 0, 0), "--run", "-d", "/usr/src");
    assertEquals(0, r.status(), r::toString);
    assertEquals(3, r.ran().size());
    assertTrue(r.ran().get(0).startsWith("cd /usr/src/sys/arch/$(machine)/compile/GENERIC.MP && "), r::toString);
    assertTrue(r.ran().get(2).startsWith("cd /usr/src/sbin/bioctl && "), r::toString);
    assertTrue(r.out().startsWith("+ cd /usr/src/sys/arch/"), r::toString);
    assertTrue(r.out().endsWith("rebuilt; reboot into the new kernel\n"), r::toString);
  }

  @Test
  void theFirstFailingStepStopsTheRun() {
    Run r = run(host(Host.Os.OPENBSD, "OpenBSD"), List.of(0, 2, 0), "--run", "-d", "/usr/src");
    assertEquals(1, r.status(), r::toString);
    assertEquals(2, r.ran().size());
    assertEquals("srro: rebuild step failed with status 2: cd /usr/src/sbin/scsi && make obj && make && make"
        + " install\n", r.err());
  }

  @Test
  void elsewhereRunIsRefusedAndNothingRuns() {
    Run r = run(host(Host.Os.LINUX, "Linux"), List.of(), "--run");
    assertEquals(List.of(), r.ran());
    assertEquals(2, r.status(), r::toString);
    CliRun cli = CliRun.on(host(Host.Os.LINUX, "Linux"), "kit", "rebuild-steps", "--run");
    assertEquals(2, cli.status(), cli::toString);
    assertTrue(cli.err().contains("--run rebuilds OpenBSD itself and works only on OpenBSD; this is Linux"),
        cli::toString);
  }

  @Test
  void aDirectoryNoShellLineCanNameIsAUsageError() {
    Run r = run(host(Host.Os.OPENBSD, "OpenBSD"), List.of(), "--run", "-d", "/tmp/it's");
    assertEquals(List.of(), r.ran());
    CliRun cli = CliRun.on(host(Host.Os.LINUX, "Linux"), "kit", "rebuild-steps", "-d", "/tmp/it's");
    assertEquals(2, cli.status(), cli::toString);
    assertTrue(cli.err().contains("/tmp/it's: not a source directory a shell line can name: /tmp/it's"),
        cli::toString);
  }
}
