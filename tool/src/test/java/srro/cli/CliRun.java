package srro.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import srro.os.Host;

/** Runs srro in-process, as a user would from a shell, and keeps what it printed and its exit status. */
public record CliRun(int status, String out, String err, byte[] outBytes) {

  public static CliRun of(String... args) {
    return withInput(new byte[0], Map.of(), args);
  }

  /** Runs srro on {@code host} instead of the machine the test runs on. */
  public static CliRun on(Host host, String... args) {
    return withInput(host, new byte[0], Map.of(), args);
  }

  public static CliRun withInput(byte[] stdin, Map<String, String> env, String... args) {
    return withInput(Host.current(), stdin, env, args);
  }

  public static CliRun withInput(Host host, byte[] stdin, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> e = new HashMap<>(System.getenv());
    e.putAll(env);
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream r = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = Main.run(args, new Io(new ByteArrayInputStream(stdin), o, r, e), host);
    }
    return new CliRun(
        status,
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        out.toByteArray());
  }

  @Override
  public String toString() {
    return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
