package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Main's name table, which spares a run from reading every command's annotation, says what the annotations say,
 * and a run builds only the command it names.
 */
class CommandTableTest {
  @Test
  void everyNameInTheTableIsItsCommandsAnnotatedName() {
    for (Map.Entry<String, Class<?>> e : Main.COMMANDS.entrySet()) {
      Command c = e.getValue().getAnnotation(Command.class);
      assertEquals(c.name(), e.getKey(), e.getValue().getName());
    }
  }

  @Test
  void theWholeCommandLineHasTheTablesCommandsInItsOrder() {
    CommandLine cl = Main.commandLine(new Io(System.in, System.out, System.err, Map.of()));
    assertEquals(new ArrayList<>(Main.COMMANDS.keySet()), new ArrayList<>(cl.getSubcommands().keySet()));
  }

  @Test
  void aRunBuildsOnlyTheCommandItNames() {
    assertEquals("fstab", Main.commandNamed(new String[] {"-v", "fstab", "/etc/fstab"}));
    assertEquals("decode", Main.commandNamed(new String[] {"decode", "sense"}));
    assertEquals("", Main.commandNamed(new String[] {"--version"}));
    assertEquals("", Main.commandNamed(new String[] {"-v", "-V"}));
    assertNull(Main.commandNamed(new String[] {}));
    assertNull(Main.commandNamed(new String[] {"-v"}));
    assertNull(Main.commandNamed(new String[] {"--help"}));
    assertNull(Main.commandNamed(new String[] {"--nosuch", "fstab"}));
    assertNull(Main.commandNamed(new String[] {"nosuch", "fstab"}));
    assertNull(Main.commandNamed(new String[] {"generate-completion"}));
  }

  @Test
  void picocliSkipsTheJavaTimeAndSqlConverters() {
    Main.commandLine(new Io(System.in, System.out, System.err, Map.of()));
    String excludes = System.getProperty("picocli.converters.excludes");
    assertFalse(excludes == null || !"java.time.Duration".matches(excludes), String.valueOf(excludes));
    assertFalse("java.nio.file.Path".matches(excludes), excludes);
  }

  @Test
  void versionAloneSkipsPicocliAndPrintsWhatPicocliPrints() {
    java.io.StringWriter picocli = new java.io.StringWriter();
    Main.commandLine(new Io(System.in, System.out, System.err, Map.of())).printVersionHelp(
        new java.io.PrintWriter(picocli, true));
    for (String v : new String[] {"--version", "-V"}) {
      CliRun r = CliRun.of(v);
      assertEquals(0, r.status(), r::toString);
      assertEquals(picocli.toString(), r.out(), v);
      assertEquals("", r.err(), v);
    }
    assertEquals(picocli.toString(), CliRun.of("-v", "--version").out());
  }
}
