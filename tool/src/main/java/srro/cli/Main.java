package srro.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import srro.cli.check.CheckCommand;
import srro.cli.check.CheckSpec;
import srro.cli.decode.DecodeCommand;
import srro.cli.decode.DecodeSpec;
import srro.cli.fstab.FstabCommand;
import srro.cli.fstab.FstabSpec;
import srro.cli.kit.KitCommand;
import srro.cli.patch.PatchCommand;
import srro.cli.patch.PatchSpec;
import srro.cli.probe.ProbeCommand;
import srro.cli.signify.SignifyCommand;
import srro.cli.tape.TapeCommand;
import srro.os.Host;

/** The srro command: subcommands do the work; this class only wires them and maps failures to exit codes. */
@Command(
    name = "srro",
    addMethodSubcommands = false,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {Main.ABOUT, "", Main.EXIT_STATUS})
public final class Main extends CommandGroup {
  static final String ABOUT = "Prove that a storage protection took effect instead of trusting a return code.";
  static final String EXIT_STATUS = "Exit status: 0 ok, 1 the check said no, 2 usage, 65 malformed input,"
      + " 66 cannot open input, 70 internal error, 71 OS call failed, 74 I/O error.";
  private static final String VERBOSE = "Print stack traces with errors.";

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = VERBOSE)
  boolean verbose;

  /**
   * The subcommands by name, in the order help lists them. They are added when the command line is built, not in
   * the annotation: a run builds only the command it was asked for (help, unknown names and completion still get
   * them all). The names are written here, not read from each class's {@code @Command}: reading them loaded and
   * parsed every command class on every run. CommandTableTest checks that they match the annotations.
   */
  static final Map<String, Class<?>> COMMANDS = commands(
      "check", CheckCommand.class,
      "fstab", FstabCommand.class,
      "probe", ProbeCommand.class,
      "decode", DecodeCommand.class,
      "tape", TapeCommand.class,
      "signify", SignifyCommand.class,
      "patch", PatchCommand.class,
      "kit", KitCommand.class,
      "generate-completion", CompletionCommand.class);

  /**
   * picocli registers converters for java.time and java.sql types by loading (and initialising) those classes in
   * every CommandLine it makes; no srro option has such a type. picocli reads this property for each one.
   */
  private static final String CONVERTERS_EXCLUDES = "java\\.(time|sql)\\..*";

  private static Map<String, Class<?>> commands(Object... nameThenClass) {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenClass.length; i += 2) {
      m.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

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
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // One constant line: picocli would first build the root's model by reflection (most of this run's cost).
      for (String line : new Version().getVersion()) {
        io.out().println(line);
      }
      io.out().flush();
      return ExitCode.OK.status();
    }
    String only = commandNamed(args);
    CommandLine cl = commandLine(io, host, only, subcommandNamed(args, only));
    return cl.execute(args);
  }

  /**
   * The command {@code args} asks for when it is one of ours (not completion, which needs them all); "" when they
   * ask for none (--version); null when the usage, help or a suggestion may need them all.
   */
  static String commandNamed(String[] args) {
    boolean version = false;
    for (String a : args) {
      if (a.equals("-V") || a.equals("--version") || a.equals("-v") || a.equals("--verbose")) {
        version |= a.equals("-V") || a.equals("--version");
        continue; // the root's options take no value
      }
      if (a.startsWith("-")) {
        return null; // -h, --help, or a mistake picocli may answer with every command's name
      }
      return COMMANDS.containsKey(a) && !a.equals("generate-completion") ? a : null;
    }
    return version ? "" : null; // without --version, the root prints its usage, which lists every command
  }

  /**
   * The word right after command {@code command} in {@code args} when it is not an option ({@code sense} in
   * {@code decode sense ...}), else null: a group builds only that subcommand when it can.
   */
  static String subcommandNamed(String[] args, String command) {
    if (command == null || command.isEmpty()) {
      return null;
    }
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(command)) {
        return args[i + 1].startsWith("-") ? null : args[i + 1];
      }
    }
    return null;
  }

  /** The whole command line, every subcommand included. */
  public static CommandLine commandLine(Io io) {
    return commandLine(io, Host.current(), null);
  }

  /**
   * The command line on {@code host} with only subcommand {@code only}, none when it is "", or all of them when it
   * is null.
   */
  public static CommandLine commandLine(Io io, Host host, String only) {
    return commandLine(io, host, only, null);
  }

  /** {@link #commandLine(Io, Host, String)} where group {@code only} has only its subcommand {@code sub}. */
  static CommandLine commandLine(Io io, Host host, String only, String sub) {
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", CONVERTERS_EXCLUDES);
    }
    CommandLine cl = new CommandLine(rootSpec(new Main(io)), new CommandFactory(io, host));
    for (Map.Entry<String, Class<?>> c : COMMANDS.entrySet()) {
      if (only == null || only.equals(c.getKey())) {
        cl.addSubcommand(c.getKey(), programmatic(c.getKey(), io, host, sub, c.getValue()));
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

  /**
   * The root's model, built with picocli's programmatic API instead of from this class's annotations, which stay
   * the reference: ProgrammaticSpecTest checks that both give the same model and usage help. Reading them (and
   * the standard help mixin's) on every run made the JDK spin annotation proxy classes that no start-up archive
   * can hold; with {@link FstabSpec}, {@code srro fstab} reads no annotation at all (docs/benchmarks.md).
   */
  static CommandSpec rootSpec(Main main) {
    CommandSpec s = Specs.command(main, "srro", ABOUT, "", EXIT_STATUS);
    s.versionProvider(new Version());
    s.addOption(FieldRef.bind(OptionSpec.builder("-v", "--verbose"), main, "verbose")
        .scopeType(ScopeType.INHERIT)
        .description(VERBOSE)
        .build());
    // What mixinStandardHelpOptions adds, in its order and words (the labels and initial values of its fields).
    s.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.")
        .type(boolean.class).paramLabel("<helpRequested>").initialValue(false).build());
    s.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.")
        .type(boolean.class).paramLabel("<versionRequested>").initialValue(false).build());
    main.spec = s; // what @Spec would inject
    return s;
  }

  /** The programmatic model of command {@code name} when it has one (see rootSpec), else its class. */
  private static Object programmatic(String name, Io io, Host host, String sub, Class<?> annotated) {
    Object spec = switch (name) {
      case "fstab" -> FstabSpec.of(io, host);
      case "check" -> CheckSpec.of(io, host);
      case "decode" -> DecodeSpec.of(io, sub);
      case "patch" -> PatchSpec.of(io, sub);
      default -> null;
    };
    return spec == null ? annotated : spec;
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
