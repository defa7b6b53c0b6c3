package srro.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import srro.os.Host;

/**
 * Creates command objects, handing the {@link Io} (and the {@link Host}) to every command that takes them in its
 * constructor.
 */
final class CommandFactory implements CommandLine.IFactory {
  private final Io io;
  private final Host host;

  CommandFactory(Io io, Host host) {
    this.io = io;
    this.host = host;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    for (Constructor<?> c : cls.getDeclaredConstructors()) {
      Class<?>[] p = c.getParameterTypes();
      if (p.length == 1 && p[0] == Io.class) {
        c.setAccessible(true);
        return cls.cast(c.newInstance(io));
      }
      if (p.length == 2 && p[0] == Io.class && p[1] == Host.class) {
        c.setAccessible(true);
        return cls.cast(c.newInstance(io, host));
      }
    }
    return Specs.LAZY_DEFAULT.create(cls);
  }
}
