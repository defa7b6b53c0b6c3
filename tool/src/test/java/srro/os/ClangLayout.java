package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import srro.testing.Peer;

/**
 * What a C compiler says a struct looks like: each named expression ({@code sizeof(T)}, {@code
 * __builtin_offsetof(T, f)}, an ioctl macro) becomes one element of an {@code unsigned long} array, clang compiles
 * it to assembly ({@code -S}, so a cross target works without running anything), and the {@code .quad} values
 * are read back in order. Fails under CI=true when clang is missing.
 */
final class ClangLayout {
  private ClangLayout() {}

  /**
   * The value of every expression in {@code exprs} (name to C expression), compiled after {@code includes}
   * with clang's extra {@code args} (target, -nostdinc, -I...).
   */
  static Map<String, Long> of(List<String> includes, Map<String, String> exprs, List<String> args, Path work)
      throws IOException, InterruptedException {
    Path clang = Peer.require("clang", "clang");
    StringBuilder c = new StringBuilder();
    for (String i : includes) {
      c.append("#include <").append(i).append(">\n");
    }
    c.append("unsigned long srro_layout[] = {\n");
    for (String e : exprs.values()) {
      c.append("  (unsigned long)(").append(e).append("),\n");
    }
    c.append("};\n");
    Path src = Files.writeString(work.resolve("layout.c"), c.toString());
    Path asm = work.resolve("layout.s");
    List<String> cmd = new ArrayList<>(List.of(clang.toString(), "-S", "-o", asm.toString()));
    cmd.addAll(args);
    cmd.add(src.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "clang failed on\n" + c + out);
    List<Long> values = new ArrayList<>();
    boolean in = false;
    for (String line : Files.readAllLines(asm)) {
      String t = line.strip();
      if (t.equals("srro_layout:")) {
        in = true;
      } else if (in && t.startsWith(".quad")) {
        String v = t.substring(5).strip().split("\\s")[0];
        values.add(v.startsWith("-") ? Long.parseLong(v) : Long.parseUnsignedLong(v));
      } else if (in && !t.isEmpty() && !t.startsWith("#")) {
        break;
      }
    }
    assertEquals(exprs.size(), values.size(), "values in the assembly for\n" + c);
    Map<String, Long> result = new LinkedHashMap<>();
    int i = 0;
    for (String name : exprs.keySet()) {
      result.put(name, values.get(i++));
    }
    return result;
  }

  /** Java's value beside the C expression that must compile to it, by name, in order. */
  static final class Expected {
    private final Map<String, Long> java = new LinkedHashMap<>();
    private final Map<String, String> c = new LinkedHashMap<>();

    /** {@code name} is {@code value} in Java and {@code expr} in C. */
    Expected add(String name, long value, String expr) {
      java.put(name, value);
      c.put(name, expr);
      return this;
    }

    /** Compiles every expression after {@code includes} with {@code args} and compares with Java's values. */
    void assertCompilesTo(List<String> includes, List<String> args, Path work)
        throws IOException, InterruptedException {
      assertEquals(of(includes, c, args, work), java);
    }
  }
}
