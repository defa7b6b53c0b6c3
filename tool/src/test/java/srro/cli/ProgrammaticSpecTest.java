package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import srro.cli.check.CheckCommand;
import srro.cli.check.CheckSpec;
import srro.cli.decode.DecodeCommand;
import srro.cli.decode.DecodeSpec;
import srro.cli.fstab.FstabCommand;
import srro.cli.fstab.FstabSpec;
import srro.cli.patch.PatchCommand;
import srro.cli.patch.PatchSpec;
import srro.os.Host;

/**
 * The models srro builds with picocli's programmatic API (to read no annotation on a short command's run) are the
 * ones picocli builds from the annotations, which stay the reference: same names, arity, types, labels,
 * descriptions, initial values and usage help, so the two cannot drift apart.
 */
class ProgrammaticSpecTest {
  private final Io io = new Io(System.in, System.out, System.err, Map.of());
  private final CommandFactory factory = new CommandFactory(io, Host.current());

  @Test
  void theRootIsTheOneItsAnnotationsDescribe() {
    CommandLine annotated = new CommandLine(Main.class, factory);
    CommandLine built = new CommandLine(Main.rootSpec(new Main(io)), factory);
    assertSameModel(annotated, built);
    assertEquals(version(annotated), version(built));
  }

  @Test
  void checkIsTheOneItsAnnotationsDescribe() {
    assertSameModel(new CommandLine(CheckCommand.class, factory), new CommandLine(CheckSpec.of(io, Host.current())));
  }

  @Test
  void fstabIsTheOneItsAnnotationsDescribe() {
    assertSameModel(new CommandLine(FstabCommand.class, factory), new CommandLine(FstabSpec.of(io, Host.current())));
  }

  @Test
  void fstabUnderTheRootInheritsVerboseAsUnderTheAnnotatedRoot() {
    CommandLine annotated = new CommandLine(Main.class, factory).addSubcommand("fstab", FstabCommand.class);
    CommandLine built = new CommandLine(Main.rootSpec(new Main(io)), factory)
        .addSubcommand("fstab", FstabSpec.of(io, Host.current()));
    assertSameModel(annotated, built);
    assertSameModel(annotated.getSubcommands().get("fstab"), built.getSubcommands().get("fstab"));
  }

  @Test
  void decodeSenseIsTheOneItsAnnotationsDescribe() {
    assertSameGroupWithOnly("decode", DecodeCommand.class, DecodeSpec.of(io, "sense"), "sense");
  }

  @Test
  void onlyDecodeSenseHasAProgrammaticModel() {
    for (String other : new String[] {"mode", "inquiry", "vpd", "nosuch"}) {
      assertNull(DecodeSpec.of(io, other), other);
    }
    assertNull(DecodeSpec.of(io, null));
  }

  @Test
  void patchApplyAndStatusAreTheOnesTheirAnnotationsDescribe() {
    for (String sub : List.of("apply", "status")) {
      assertSameGroupWithOnly("patch", PatchCommand.class, PatchSpec.of(io, sub), sub);
    }
  }

  /**
   * The group {@code name} built in code ({@code built}, holding only subcommand {@code sub}) under the root is the
   * annotated group {@code annotated} under the annotated root, its other subcommands removed: the group, the
   * subcommand, its mixins and its qualified name.
   */
  private void assertSameGroupWithOnly(String name, Class<?> annotated, CommandSpec built, String sub) {
    CommandLine a = new CommandLine(Main.class, factory).addSubcommand(name, annotated);
    CommandLine b = new CommandLine(Main.rootSpec(new Main(io)), factory).addSubcommand(name, built);
    CommandLine group = a.getSubcommands().get(name);
    for (String other : List.copyOf(group.getSubcommands().keySet())) {
      if (!other.equals(sub)) {
        group.getCommandSpec().removeSubcommand(other); // the built group has only the one a run asks for
      }
    }
    assertSameModel(group, b.getSubcommands().get(name));
    CommandLine one = group.getSubcommands().get(sub);
    CommandLine builtOne = b.getSubcommands().get(name).getSubcommands().get(sub);
    assertSameModel(one, builtOne);
    assertEquals(one.getCommandSpec().mixins().keySet(), builtOne.getCommandSpec().mixins().keySet());
    assertEquals(one.getCommandSpec().qualifiedName(), builtOne.getCommandSpec().qualifiedName());
  }

  @Test
  void onlyPatchApplyAndStatusHaveAProgrammaticModel() {
    for (String other : new String[] {"recover", "rollback", "nosuch"}) {
      assertNull(PatchSpec.of(io, other), other);
    }
    assertNull(PatchSpec.of(io, null));
  }

  @Test
  void aRunNamesTheSubcommandRightAfterItsCommand() {
    assertEquals("sense", Main.subcommandNamed(new String[] {"-v", "decode", "sense", "--inhex=x"}, "decode"));
    assertNull(Main.subcommandNamed(new String[] {"decode", "--help", "sense"}, "decode"));
    assertNull(Main.subcommandNamed(new String[] {"decode"}, "decode"));
    assertNull(Main.subcommandNamed(new String[] {"--version"}, ""));
    assertNull(Main.subcommandNamed(new String[] {"--help"}, null));
  }

  @Test
  void theRootsSpecIsInjectedAndItsOptionsSetTheCommand() {
    Main main = new Main(io);
    CommandSpec s = Main.rootSpec(main);
    assertSame(s, main.spec);
    new CommandLine(s, factory).parseArgs("-v");
    assertTrue(main.verbose);
  }

  private static void assertSameModel(CommandLine annotated, CommandLine built) {
    CommandSpec a = annotated.getCommandSpec();
    CommandSpec b = built.getCommandSpec();
    assertEquals(a.name(), b.name());
    assertEquals(Arrays.asList(a.aliases()), Arrays.asList(b.aliases()));
    assertEquals(Arrays.asList(a.usageMessage().description()), Arrays.asList(b.usageMessage().description()));
    assertEquals(a.usageMessage().sortOptions(), b.usageMessage().sortOptions());
    assertEquals(a.usageMessage().showDefaultValues(), b.usageMessage().showDefaultValues());
    assertEquals(a.usageMessage().abbreviateSynopsis(), b.usageMessage().abbreviateSynopsis());
    assertEquals(a.usageMessage().width(), b.usageMessage().width());
    assertEquals(describe(a.options()), describe(b.options()));
    assertEquals(describe(a.positionalParameters()), describe(b.positionalParameters()));
    // Not compared: mixins() (the annotated root holds picocli's help mixin, whose two options are compared
    // above) and descriptionKey (only read from a resource bundle; srro has none).
    assertEquals(
        annotated.getUsageMessage(CommandLine.Help.Ansi.OFF), built.getUsageMessage(CommandLine.Help.Ansi.OFF));
  }

  private static List<String> describe(List<? extends ArgSpec> args) {
    List<String> d = new ArrayList<>();
    for (ArgSpec a : args) {
      List<Object> f = new ArrayList<>();
      if (a instanceof OptionSpec o) {
        f.addAll(List.of(Arrays.asList(o.names()), o.usageHelp(), o.versionHelp(), o.help(), o.negatable(),
            o.order(), String.valueOf(o.fallbackValue()), o.inherited()));
      } else if (a instanceof PositionalParamSpec p) {
        f.addAll(List.of(p.index(), p.index().isUnspecified()));
      }
      f.addAll(Arrays.asList(a.arity(), a.paramLabel(), Arrays.asList(a.description()), a.type(),
          Arrays.asList(a.auxiliaryTypes()), a.scopeType(), a.hidden(), a.required(), a.interactive(),
          String.valueOf(a.defaultValue()), String.valueOf(a.initialValue()), a.hasInitialValue(),
          a.showDefaultValue(), a.splitRegex(), String.valueOf(a.completionCandidates())));
      d.add(f.toString());
    }
    return d;
  }

  private static String version(CommandLine cl) {
    java.io.StringWriter w = new java.io.StringWriter();
    cl.printVersionHelp(new java.io.PrintWriter(w, true));
    return w.toString();
  }
}
