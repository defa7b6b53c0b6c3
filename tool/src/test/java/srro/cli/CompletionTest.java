package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.testing.Peer;

/** The completion script, sourced by a real bash: what it registers and what it offers after a Tab. */
class CompletionTest {
  /** Sources the script, checks both registrations, then completes {@code words} (the last one is the Tab). */
  private static final String DRIVER = String.join("\n",
      "compopt() { :; }  # the builtin refuses to run outside a real Tab",
      "source \"$1\" || exit 3",
      "shift",
      "complete -p srro >/dev/null || { echo 'srro is not registered' >&2; exit 4; }",
      "complete -p ./srro >/dev/null || { echo './srro is not registered' >&2; exit 5; }",
      "COMP_WORDS=(\"$@\")",
      "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))",
      "COMP_LINE=\"$*\"",
      "COMP_POINT=${#COMP_LINE}",
      "_complete_srro",
      "printf '%s\\n' \"${COMPREPLY[@]}\"");

  @TempDir Path tmp;

  private Path script() throws Exception {
    CliRun r = CliRun.of("generate-completion");
    assertEquals(0, r.status(), r::toString);
    Path file = tmp.resolve("srro.bash");
    Files.writeString(file, r.out());
    return file;
  }

  /** What bash offers after {@code words}, sorted. */
  private List<String> complete(String... words) throws Exception {
    Path bash = Peer.require("bash", "bash");
    List<String> cmd = new ArrayList<>(List.of(bash.toString(), "-c", DRIVER, "driver", script().toString()));
    cmd.addAll(Arrays.asList(words));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash did not finish");
    assertEquals(0, p.exitValue(), () -> String.join(" ", words) + "\n" + out);
    return out.lines().map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
  }

  @Test
  void theScriptCompletesBothSrroAndTheCheckoutsLauncher() throws Exception {
    assertTrue(complete("srro", "che").contains("check"));
    assertTrue(complete("./srro", "che").contains("check"));
  }

  @Test
  void tapeSetOffersOnlyTheModesItAcceptsInLowerCase() throws Exception {
    assertEquals(List.of("mixed", "on", "rawread"), complete("./srro", "tape", "set", "--mode", ""));
  }

  @Test
  void fstabOffersItsDialectsInLowerCase() throws Exception {
    assertEquals(List.of("linux", "openbsd"), complete("srro", "fstab", "--dialect", ""));
  }

  @Test
  void everyValueTheScriptOffersIsLowerCaseAndParses() throws Exception {
    String text = Files.readString(script());
    assertTrue(!text.startsWith("#!"), "a sourced script has no #! line");
    Pattern function = Pattern.compile("(?m)^function _picocli_srro_?(\\w*)\\(\\)");
    Pattern values = Pattern.compile("(?m)^\\s*local \\w+_option_args=\\(([^)]*)\\) # (\\S+) values$");
    int checked = 0;
    for (String body : text.split("(?m)^(?=function _picocli_srro)")) {
      Matcher f = function.matcher(body);
      if (!f.find()) {
        continue;
      }
      List<String> path = f.group(1).isEmpty() ? List.of() : List.of(f.group(1).split("_"));
      Matcher v = values.matcher(body);
      while (v.find()) {
        for (String quoted : v.group(1).trim().split("\\s+")) {
          String value = quoted.replace("\"", "");
          assertEquals(value.toLowerCase(Locale.ROOT), value, () -> path + " " + v.group(2) + " offers " + value);
          List<String> args = new ArrayList<>(path);
          args.addAll(List.of(v.group(2), value, "--help"));
          CliRun r = CliRun.of(args.toArray(String[]::new));
          assertEquals(0, r.status(), () -> "offered but refused: srro " + String.join(" ", args) + "\n" + r);
          checked++;
        }
      }
    }
    assertTrue(checked >= 5, "only " + checked + " values found: has picocli's script format changed?");
  }
}
