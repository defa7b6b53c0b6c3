package srro.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * The streams and environment a command may use. Commands never touch System.in/out/err or System.getenv
 * directly, so every command runs in-process under test.
 */
public record Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
  public Io {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(env);
  }

  static Io system() {
    return new Io(System.in, System.out, System.err, System.getenv());
  }
}
