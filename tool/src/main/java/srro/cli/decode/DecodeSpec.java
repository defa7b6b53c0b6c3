package srro.cli.decode;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import srro.cli.CommandGroup;
import srro.cli.FieldRef;
import srro.cli.Io;
import srro.cli.Specs;

/**
 * {@code srro decode sense}'s picocli model (the group with that one subcommand) built with picocli's programmatic
 * API: the annotations on {@link DecodeCommand} and {@link DecodeSenseCommand} stay the reference, and
 * ProgrammaticSpecTest checks that this model is the one picocli builds from them. Reading them on every run made
 * the JDK spin annotation proxy classes (docs/benchmarks.md). The other decode commands are built from their
 * annotations.
 */
public final class DecodeSpec {
  private DecodeSpec() {}

  /** The group with only subcommand {@code only}, or null when that one has no programmatic model. */
  public static CommandSpec of(Io io, String only) {
    if (!"sense".equals(only)) {
      return null;
    }
    CommandSpec g = CommandGroup.spec(new DecodeCommand(io), "decode");
    g.usageMessage()
        .description(
            "Decode SCSI mode parameter data, sense data, inquiry data or VPD pages given as hex or binary.");
    DecodeSenseCommand c = new DecodeSenseCommand(io);
    CommandSpec s = Specs.wrap(c);
    s.name("sense");
    s.usageMessage().description("Decode fixed or descriptor format sense data.");
    s.addMixin("input", input(c.input));
    g.addSubcommand("sense", new CommandLine(s, Specs.LAZY_DEFAULT)); // the one-argument form makes picocli's own
    return g;
  }

  /** The options of {@link DecodeCommand.Input}, the mixin every decode subcommand shares. */
  static CommandSpec input(DecodeCommand.Input in) {
    CommandSpec m = Specs.wrap(in);
    m.addOption(FieldRef.option(in, "file", "--inhex",
            "Read the data from FILE ('-' for standard input): hex as sg3_utils prints it.")
        .required(true)
        .paramLabel("FILE")
        .build());
    m.addOption(FieldRef.option(in, "raw", "--raw", "The input is binary, not hex.").build());
    m.addOption(FieldRef.option(in, "json", "--json", "Print the decode as one JSON document (docs/json.md).").build());
    return m;
  }
}
