package srro.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates command objects, handing the {@link Io} to every command that takes one in its constructor. */
final class CommandFactory implements CommandLine.IFactory {
  private final Io io;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(Io io) {
    this.io = io;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    for (Constructor<?> c : cls.getDeclaredConstructors()) {
      Class<?>[] p = c.getParameterTypes();
      if (p.length == 1 && p[0] == Io.class) {
        c.setAccessible(true);
        return cls.cast(c.newInstance(io));
      }
    }
    return fallback.create(cls);
  }
}
