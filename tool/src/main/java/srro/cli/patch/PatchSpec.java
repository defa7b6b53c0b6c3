package srro.cli.patch;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import srro.cli.CommandGroup;
import srro.cli.FieldRef;
import srro.cli.Io;
import srro.cli.Specs;

/**
 * The picocli models of {@code srro patch apply} and {@code srro patch status} (the group with the one subcommand a
 * run asks for) built with picocli's programmatic API: the annotations on {@link PatchCommand} stay the reference,
 * and ProgrammaticSpecTest checks that these models are the ones picocli builds from them. Reading them took about
 * 40 ms of every run (docs/benchmarks.md). recover and rollback are built from their annotations.
 */
public final class PatchSpec {
  private PatchSpec() {}

  /** The group with only subcommand {@code only}, or null when that one has no programmatic model. */
  public static CommandSpec of(Io io, String only) {
    CommandSpec sub = only == null ? null : switch (only) {
      case "apply" -> apply(io);
      case "status" -> status(io);
      default -> null;
    };
    if (sub == null) {
      return null;
    }
    CommandSpec g = CommandGroup.spec(new PatchCommand(io), "patch");
    g.usageMessage().description(PatchCommand.ABOUT);
    g.addSubcommand(only, new CommandLine(sub, Specs.LAZY_DEFAULT)); // the one-argument form makes picocli's own
    return g;
  }

  private static CommandSpec apply(Io io) {
    PatchCommand.Apply c = new PatchCommand.Apply(io);
    c.options = new PatchCommand.DiffOptionsMixin();
    return onTree(c, "apply", PatchCommand.Apply.ABOUT, "The tree to patch (default: the current directory).",
        FieldRef.option(c, "dryRun", "--dry-run", "Check and report, write nothing.").build(), c.options);
  }

  private static CommandSpec status(Io io) {
    PatchCommand.Status c = new PatchCommand.Status(io);
    c.options = new PatchCommand.DiffOptionsMixin();
    return onTree(c, "status", PatchCommand.Status.ABOUT, "The tree to check (default: the current directory).",
        FieldRef.bind(OptionSpec.builder("--archive"), c, "archive")
            .paramLabel("TARBALL")
            .description("Check against the entries of a .tar.gz (src.tar.gz, sys.tar.gz) without extracting it.")
            .build(),
        c.options);
  }

  /**
   * The model of subcommand {@code name} of {@code command}, in its fields' order: the description, -d DIR
   * ({@code dir} its help), its own option {@code own}, then the diff options {@code options}.
   */
  private static CommandSpec onTree(Object command, String name, String about, String dir, OptionSpec own,
      PatchCommand.DiffOptions options) {
    CommandSpec s = Specs.wrap(command);
    s.name(name);
    s.usageMessage().description(about);
    s.addOption(FieldRef.bind(OptionSpec.builder("-d", "--directory"), command, "dir")
        .paramLabel("DIR")
        .description(dir)
        .build());
    s.addOption(own);
    s.addMixin("options", diffOptions(options));
    return s;
  }

  /** The options of {@link PatchCommand.DiffOptions}, the mixin apply and status share. */
  static CommandSpec diffOptions(PatchCommand.DiffOptions d) {
    CommandSpec m = Specs.wrap(d);
    m.addOption(FieldRef.bind(OptionSpec.builder("-p", "--strip"), d, "strip")
        .paramLabel("N")
        .description("Strip N leading path components from names in the diff (default 0, as errata use).")
        .build());
    m.addOption(FieldRef.bind(OptionSpec.builder("-k", "--key"), d, "key")
        .paramLabel("KEY")
        .description("signify public key: every FILE must be a signify -e signed diff and verify with it.")
        .build());
    m.addOption(FieldRef.option(d, "json", "--json", "Print one JSON document instead of text.").build());
    m.addPositional(FieldRef.bind(PositionalParamSpec.builder(), d, "files")
        .arity("1..*")
        .required(true)
        .auxiliaryTypes(Path.class)
        .paramLabel("FILE")
        .description("Unified diffs (or signify -e signed diffs).")
        .build());
    return m;
  }
}
