package srro.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * srro generate-completion: picocli's bash completion script, rewritten so that it registers for {@code srro}
 * and {@code ./srro}, offers option values in lower case (the way the manual writes them; picocli offers enum
 * constants), and has no {@code #!} line (it is sourced, never run). Which values an option offers is set
 * where the option is declared ({@code completionCandidates}), so refused values are never offered.
 */
@Command(
    name = "generate-completion",
    description = {
      "Print a bash completion script for srro and ./srro; zsh loads it with bashcompinit.",
      "make install puts it in place; from a checkout: source <(./srro generate-completion)"
    })
final class CompletionCommand implements Callable<Integer> {
  /** The names the script registers: an installed srro and the checkout's launcher. */
  static final List<String> NAMES = List.of("srro", "./srro");

  private static final Pattern VALUES =
      Pattern.compile("(?m)^(\\s*local \\w+_(?:option|pos_param)_args=\\()([^)]*)(\\))");
  private static final Pattern REGISTRATION = Pattern.compile("(?m)^complete -F _complete_srro (-o default )?.*$");

  @Spec CommandSpec spec;
  private final Io io;

  CompletionCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    io.out().print(rewrite(AutoComplete.bash("srro", spec.root().commandLine())));
    io.out().flush();
    return ExitCode.OK.status();
  }

  /** picocli's script with lower-case values, registered for {@link #NAMES}, without its {@code #!} line. */
  static String rewrite(String script) {
    String s = script.startsWith("#!") ? script.substring(script.indexOf('\n') + 1) : script;
    Matcher m = VALUES.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String values = m.group(2).toLowerCase(Locale.ROOT);
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + values + m.group(3)));
    }
    m.appendTail(out);
    Matcher r = REGISTRATION.matcher(out);
    if (!r.find()) {
      throw new IllegalStateException("picocli's completion script has no 'complete -F _complete_srro' line");
    }
    return r.replaceFirst(Matcher.quoteReplacement(
        "complete -F _complete_srro " + (r.group(1) == null ? "" : r.group(1)) + String.join(" ", NAMES)));
  }
}
