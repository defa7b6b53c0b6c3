package srro.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java sources under bench/ (fixture hosts the benchmark scripts compile against the jar) still compile
 * against today's classes: a benchmark is run by hand, rarely, and would otherwise break unnoticed.
 */
class BenchSourcesTest {
  private static final Path BENCH = Path.of("..", "bench").toAbsolutePath().normalize();

  @TempDir Path out;

  @Test
  void everyBenchSourceCompilesAgainstTheTool() throws IOException {
    List<String> sources = new ArrayList<>();
    try (Stream<Path> s = Files.list(BENCH)) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
    }
    assertFalse(sources.isEmpty(), "no Java sources under " + BENCH);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "the tests need a JDK, not a JRE");
    List<String> args = new ArrayList<>(List.of(
        "--release", "17", "-proc:none", "-Xlint:none",
        "-cp", System.getProperty("java.class.path"), "-d", out.toString()));
    args.addAll(sources);
    StringWriter diagnostics = new StringWriter();
    int status = javac.run(null, null, new java.io.PrintStream(
        new java.io.OutputStream() {
          @Override
          public void write(int b) {
            diagnostics.write(b);
          }
        }, true), args.toArray(String[]::new));
    assertEquals(0, status, diagnostics.toString());
  }
}
