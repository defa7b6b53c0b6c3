package srro.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What the programmatic models ({@link Main#rootSpec}, FstabSpec, DecodeSpec) share. */
public final class Specs {
  private Specs() {}

  /**
   * picocli's default factory, made only when picocli asks it for an object: making one initialises picocli's
   * DefaultFactory, which looks Groovy's Closure class up on the class path (a failed search of the whole jar) on
   * every run, and a model built in code asks it for nothing.
   */
  public static final CommandLine.IFactory LAZY_DEFAULT = new CommandLine.IFactory() {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      return CommandLine.defaultFactory().create(cls);
    }
  };

  /** {@code command}'s model without reading its annotations, as picocli's wrapWithoutInspection makes it. */
  public static CommandSpec wrap(Object command) {
    return CommandSpec.wrapWithoutInspection(command, LAZY_DEFAULT);
  }

  /**
   * {@link #wrap}'s model of {@code command}, named {@code name}, its usage help listing options in the order they
   * are added ({@code sortOptions = false}) under {@code description}.
   */
  public static CommandSpec command(Object command, String name, String... description) {
    CommandSpec s = wrap(command);
    s.name(name);
    s.usageMessage().sortOptions(false).description(description);
    return s;
  }
}
