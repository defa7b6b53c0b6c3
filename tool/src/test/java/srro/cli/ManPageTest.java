package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import srro.testing.Peer;

/** docs/srro.8 documents every command and flag picocli knows, and mandoc finds nothing to complain about. */
class ManPageTest {
  private static final Path PAGE = Path.of("..", "docs", "srro.8");

  @Test
  void everyCommandAndOptionIsDocumented() throws IOException {
    String page = Files.readString(PAGE);
    List<String> missing = new ArrayList<>();
    collect(Main.commandLine(new Io(System.in, System.out, System.err, System.getenv())), page, missing);
    assertEquals(List.of(), missing, "add these to docs/srro.8");
  }

  private static void collect(CommandLine cl, String page, List<String> missing) {
    CommandSpec spec = cl.getCommandSpec();
    String name = spec.qualifiedName().replaceFirst("^srro ?", "");
    if (!name.isEmpty() && !page.contains("Cm " + name.replace(" ", " Cm ")) && !page.contains("Cm " + name)) {
      missing.add("command '" + name + "'");
    }
    for (OptionSpec o : spec.options()) {
      if (o.hidden() || o.usageHelp() || o.versionHelp()) {
        continue;
      }
      String longest = o.longestName();
      if (!page.contains("Fl " + longest.substring(1))) {
        missing.add("option " + longest + " of '" + spec.qualifiedName() + "'");
      }
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden()) {
        collect(sub, page, missing);
      }
    }
  }

  @Test
  void mandocLintIsClean() throws Exception {
    Path mandoc = Peer.require("mandoc", "mandoc");
    Process p =
        new ProcessBuilder(mandoc.toString(), "-Tlint", "-W", "warning", PAGE.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = p.waitFor();
    assertTrue(out.isBlank() && status == 0, "mandoc -Tlint:\n" + out);
  }

  @Test
  void noLineOfTheManPageSourceIsWiderThan80Columns() throws IOException {
    List<String> wide = new ArrayList<>();
    List<String> lines = Files.readAllLines(PAGE);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).codePointCount(0, lines.get(i).length()) > 80) {
        wide.add("docs/srro.8:" + (i + 1) + ": " + lines.get(i));
      }
    }
    assertEquals(List.of(), wide, "wrap these lines of docs/srro.8 at 80 columns");
  }
}
