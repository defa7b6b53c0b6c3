package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import srro.testing.Peer;

/**
 * docs/srro.8 documents every command picocli knows, each command's flags (by one of their names) in that
 * command's own entry of the command list (a flag of {@code kit apply} written only under {@code patch apply}
 * does not count), the global flags before the list, and mandoc finds nothing to complain about.
 */
class ManPageTest {
  private static final Path PAGE = Path.of("..", "docs", "srro.8");

  /** The sentence that opens the command list. */
  private static final String COMMANDS = "The commands are:";

  @Test
  void everyCommandAndOptionIsDocumentedInItsOwnEntry() throws IOException {
    String page = Files.readString(PAGE);
    CommandLine cl = Main.commandLine(new Io(System.in, System.out, System.err, System.getenv()));
    assertEquals(List.of(), missing(cl, page), "add these to docs/srro.8");
  }

  @Test
  void aFlagDocumentedOnlyUnderAnotherCommandIsMissing() {
    String page = ".Sh DESCRIPTION\n.Bl -tag -width Ds\n.It Fl v , Fl -verbose\n.El\n" + COMMANDS + "\n"
        + ".Bl -tag -width Ds\n.It Xo\n.Cm one\n.Op Fl -json\n.Xc\nOne.\n.Bl -tag -width Ds\n.It Fl -deep\n"
        + "Nested.\n.El\n.It Cm two Oo Fl o Oc\nTwo.\n.El\n";
    CommandLine cl = new CommandLine(new Root());
    cl.addSubcommand("one", new CommandLine(new One()));
    cl.addSubcommand("two", new CommandLine(new Two()));
    assertEquals(List.of("option --wide of 'srro one'", "option --json of 'srro two'"), missing(cl, page));
  }

  @CommandLine.Command(name = "srro")
  static final class Root {
    @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;
  }

  @CommandLine.Command(name = "one")
  static final class One {
    @CommandLine.Option(names = "--json")
    boolean json;

    @CommandLine.Option(names = "--deep")
    boolean deep;

    @CommandLine.Option(names = "--wide")
    boolean wide;
  }

  @CommandLine.Command(name = "two")
  static final class Two {
    @CommandLine.Option(names = {"-o", "--other"})
    boolean other;

    @CommandLine.Option(names = "--json")
    boolean json;
  }

  /** What {@code page} does not document of {@code cl}, as "command 'x'" and "option --y of 'srro x'". */
  static List<String> missing(CommandLine cl, String page) {
    int list = page.indexOf(COMMANDS);
    assertTrue(list >= 0, "no '" + COMMANDS + "' in the page");
    Map<String, String> entries = entries(page.substring(list + COMMANDS.length()));
    List<String> missing = new ArrayList<>();
    collect(cl, page.substring(0, list), entries, missing);
    return missing;
  }

  /**
   * The command list's entries by command name ("patch apply"): the text of each top-level {@code .It} of the
   * first {@code .Bl} in {@code text} up to the next one, nested lists included. A command with several
   * entries (signify's modes) gets them all.
   */
  static Map<String, String> entries(String text) {
    Map<String, String> entries = new LinkedHashMap<>();
    int depth = 0;
    String name = null;
    StringBuilder body = new StringBuilder();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith(".Bl")) {
        depth++;
        if (depth == 1) {
          continue;
        }
      } else if (line.startsWith(".El")) {
        depth--;
        if (depth == 0) {
          break;
        }
      } else if (depth == 1 && line.startsWith(".It")) {
        if (name != null) {
          entries.merge(name, body.toString(), String::concat);
        }
        body.setLength(0);
        StringBuilder head = new StringBuilder(line.substring(3));
        if (line.strip().equals(".It Xo")) {
          for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith(".Xc"); j++) {
            head.append(' ').append(lines.get(j).replaceFirst("^\\.", ""));
          }
        }
        name = commandName(head.toString());
      }
      if (depth >= 1) {
        body.append(line).append('\n');
      }
    }
    if (name != null) {
      entries.merge(name, body.toString(), String::concat);
    }
    return entries;
  }

  /** "Xo Cm patch Cm apply Fl k ..." gives "patch apply": the words of the leading Cm macros. */
  private static String commandName(String head) {
    List<String> words = new ArrayList<>();
    boolean inCm = false;
    for (String t : head.strip().split("\\s+")) {
      if (t.equals("Xo")) {
        continue;
      }
      if (t.equals("Cm")) {
        inCm = true;
      } else if (t.matches("[A-Z][a-z][a-z]?")) {
        break;
      } else if (inCm) {
        words.add(t);
      } else {
        break;
      }
    }
    return String.join(" ", words);
  }

  private static void collect(CommandLine cl, String global, Map<String, String> entries, List<String> missing) {
    CommandSpec spec = cl.getCommandSpec();
    String name = spec.qualifiedName().replaceFirst("^srro ?", "");
    String text;
    if (name.isEmpty()) {
      text = global;
    } else {
      StringBuilder own = new StringBuilder(entries.getOrDefault(name, ""));
      if (!cl.getSubcommands().isEmpty()) {
        entries.forEach((k, v) -> {
          if (k.startsWith(name + " ")) {
            own.append(v);
          }
        });
      }
      text = own.toString();
      if (text.isEmpty()) {
        missing.add("command '" + name + "'");
      }
    }
    for (OptionSpec o : spec.options()) {
      if (o.hidden() || o.usageHelp() || o.versionHelp() || o.inherited()) {
        continue;
      }
      boolean documented = false;
      for (String n : o.names()) {
        documented |= Pattern.compile("Fl " + Pattern.quote(n.substring(1)) + "(?![\\w-])").matcher(text).find();
      }
      if (!documented) {
        missing.add("option " + o.longestName() + " of '" + spec.qualifiedName() + "'");
      }
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden()) {
        collect(sub, global, entries, missing);
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
