package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command, at every depth, answers --help with its usage and exit 0; a bare group shows its usage. */
class HelpTest {
  private static List<String> commands(CommandLine cl) {
    List<String> out = new ArrayList<>();
    for (CommandLine sub : cl.getSubcommands().values()) {
      out.add(sub.getCommandSpec().qualifiedName());
      out.addAll(commands(sub));
    }
    return out;
  }

  @Test
  void everyCommandAnswersHelp() {
    List<String> all = commands(Main.commandLine(new Io(System.in, System.out, System.err, System.getenv())));
    assertTrue(all.contains("srro kit build"), all::toString);
    for (String qualified : all) {
      List<String> args = new ArrayList<>(List.of(qualified.split(" ")).subList(1, qualified.split(" ").length));
      args.add("--help");
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, r.status(), () -> qualified + " --help\n" + r);
      assertTrue(r.out().startsWith("Usage: " + qualified), () -> qualified + " --help\n" + r);
    }
  }

  @Test
  void aBareGroupPrintsItsUsageAndExitsTwo() {
    for (String group : List.of("patch", "kit", "tape", "decode")) {
      CliRun r = CliRun.of(group);
      assertEquals(2, r.status(), () -> group + "\n" + r);
      assertTrue(r.out().startsWith("Usage: srro " + group) || r.err().contains("srro " + group),
          () -> group + "\n" + r);
    }
  }

  private static List<CommandLine> all(CommandLine cl) {
    List<CommandLine> out = new ArrayList<>(List.of(cl));
    for (CommandLine sub : cl.getSubcommands().values()) {
      out.addAll(all(sub));
    }
    return out;
  }

  @Test
  void versionIsOfferedOnlyWhereItPrintsTheVersion() {
    List<String> offered = new ArrayList<>();
    for (CommandLine cl : all(Main.commandLine(new Io(System.in, System.out, System.err, System.getenv())))) {
      CommandSpec spec = cl.getCommandSpec();
      for (OptionSpec o : spec.options()) {
        if (!o.versionHelp()) {
          continue;
        }
        String qualified = spec.qualifiedName();
        for (String name : o.names()) {
          List<String> args = new ArrayList<>(List.of(qualified.split(" ")).subList(1, qualified.split(" ").length));
          args.add(name);
          CliRun r = CliRun.of(args.toArray(String[]::new));
          assertEquals(0, r.status(), () -> qualified + " " + name + "\n" + r);
          assertTrue(r.out().matches("srro \\S+\\R"), () -> qualified + " " + name + " printed no version\n" + r);
          offered.add(qualified + " " + name);
        }
      }
    }
    assertEquals(List.of("srro -V", "srro --version"), offered, "only the top level offers -V/--version");
  }
}
