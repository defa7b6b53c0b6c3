package srro.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import srro.cli.check.CheckCommand;
import srro.cli.decode.DecodeCommand;
import srro.cli.fstab.FstabCommand;
import srro.cli.kit.KitCommand;
import srro.cli.patch.PatchCommand;
import srro.cli.probe.ProbeCommand;
import srro.cli.signify.SignifyCommand;
import srro.cli.tape.TapeCommand;
import srro.os.Host;

/** The srro command: subcommands do the work; this class only wires them and maps failures to exit codes. */
@Command(
    name = "srro",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Prove that a storage protection took effect instead of trusting a return code.",
      "",
      "Exit status: 0 ok, 1 the check said no, 2 usage, 65 malformed input, 66 cannot open input,"
          + " 70 internal error, 71 OS call failed, 74 I/O error."
    })
public final class Main extends CommandGroup {
  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean verbose;

  /**
   * The subcommands, in the order help lists them. They are added when the command line is built, not in the
   * annotation: picocli's reflection over every command costs ~300 ms, so a run builds only the command it
   * was asked for (help, unknown names and completion still get them all).
   */
  static final List<Class<?>> COMMANDS = List.of(
      CheckCommand.class,
      FstabCommand.class,
      ProbeCommand.class,
      DecodeCommand.class,
      TapeCommand.class,
      SignifyCommand.class,
      PatchCommand.class,
      KitCommand.class,
      CompletionCommand.class);

  Main(Io io) {
    super(io);
  }

  public static void main(String[] args) {
    System.exit(run(args, Io.system()));
  }

  /** Runs srro with {@code args} on the given streams and returns the exit status; never exits. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, new Io(in, out, err, env));
  }

  static int run(String[] args, Io io) {
    return run(args, io, Host.current());
  }

  /** Runs srro on {@code host} (the machine it runs on, or one a test hands in). */
  public static int run(String[] args, Io io, Host host) {
    CommandLine cl = commandLine(io, host, commandNamed(args));
    return cl.execute(args);
  }

  /** The command {@code args} asks for when it is one of ours (not completion, which needs them all). */
  private static String commandNamed(String[] args) {
    for (String a : args) {
      if (a.startsWith("-")) {
        continue; // the root's options (-v, -h, -V) take no value
      }
      for (Class<?> c : COMMANDS) {
        String name = c.getAnnotation(Command.class).name();
        if (name.equals(a) && c != CompletionCommand.class) {
          return name;
        }
      }
      return null;
    }
    return null;
  }

  /** The whole command line, every subcommand included. */
  public static CommandLine commandLine(Io io) {
    return commandLine(io, Host.current(), null);
  }

  /** The command line on {@code host} with only subcommand {@code only}, or all of them when it is null. */
  public static CommandLine commandLine(Io io, Host host, String only) {
    CommandLine cl = new CommandLine(Main.class, new CommandFactory(io, host));
    for (Class<?> c : COMMANDS) {
      String name = c.getAnnotation(Command.class).name();
      if (only == null || only.equals(name)) {
        cl.addSubcommand(name, c);
      }
    }
    cl.setOut(new java.io.PrintWriter(io.out(), true));
    cl.setErr(new java.io.PrintWriter(io.err(), true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // One path for every failure: the reporter prints it and picks the exit status (a usage error included).
    cl.setParameterExceptionHandler(
        (ex, args) -> reporter(io, false, jsonAsked(args), ex.getCommandLine()).report(ex));
    cl.setExecutionExceptionHandler(
        (ex, bad, parseResult) -> {
          Main root = parseResult.commandSpec().root().userObject() instanceof Main m ? m : null;
          return reporter(io, root != null && root.verbose, jsonAsked(parseResult), bad).report(ex);
        });
    addHelp(cl);
    return cl;
  }

  private static Reporter reporter(Io io, boolean verbose, boolean json, CommandLine failed) {
    return new Reporter(io.err(), verbose, json ? io.out() : null, failed.getCommandSpec().qualifiedName());
  }

  /** Whether the command line asked for --json (before any "--"): failures then print an error document too. */
  private static boolean jsonAsked(String[] args) {
    for (String a : args) {
      if (a.equals("--")) {
        return false;
      }
      if (a.equals("--json")) {
        return true;
      }
    }
    return false;
  }

  private static boolean jsonAsked(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
      if (p.hasMatchedOption("--json")) {
        return true;
      }
    }
    return false;
  }

  /** Gives every subcommand that has no help option of its own a --help (and -h where free). */
  private static void addHelp(CommandLine cl) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      CommandSpec s = sub.getCommandSpec();
      if (s.options().stream().noneMatch(OptionSpec::usageHelp)) {
        String[] names = s.findOption("-h") == null ? new String[] {"-h", "--help"} : new String[] {"--help"};
        s.addOption(OptionSpec.builder(names).usageHelp(true).description("Show this help message and exit.")
            .build());
      }
      addHelp(sub);
    }
  }

  /** The version from the jar manifest (Implementation-Version), or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"srro " + (v == null ? "dev" : v)};
    }
  }
}
