package srro.mounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link OpenBsdDisks} on output of real OpenBSD machines quoted in public documentation and mailing-list
 * reports (not written by us). Each file under {@code srro/mounts/openbsd-vectors/} has {@code #} comment lines,
 * a header of closed vocabulary ({@code source:} the page the text is quoted from, {@code parser:} dmesg or
 * disknames, {@code expect:} the result), a {@code ---} line, and the quoted text. An unknown header key fails.
 */
class OpenBsdDisksVectorsTest {
  private static final Path DIR = Path.of("src/test/resources/srro/mounts/openbsd-vectors");
  private static final Set<String> KEYS = Set.of("source", "parser", "expect");

  record Vector(String name, Map<String, String> header, String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Vector> vectors() throws IOException {
    List<Vector> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.sorted().toList()) {
        out.add(read(f));
      }
    }
    assertFalse(out.isEmpty(), "no vectors in " + DIR);
    return out.stream();
  }

  private static Vector read(Path f) throws IOException {
    String text = Files.readString(f, StandardCharsets.UTF_8);
    int sep = text.indexOf("\n---\n");
    assertTrue(sep > 0, f + ": no --- line");
    Map<String, String> header = new LinkedHashMap<>();
    for (String line : text.substring(0, sep).split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(": ");
      assertTrue(colon > 0, f + ": header line without 'key: value': " + line);
      String key = line.substring(0, colon);
      assertTrue(KEYS.contains(key), f + ": unknown header key " + key);
      header.put(key, line.substring(colon + 2));
    }
    assertEquals(KEYS, header.keySet(), f + ": every header key once");
    assertTrue(header.get("source").startsWith("https://") || header.get("source").startsWith("http://"),
        f + ": source must be the page the text is quoted from");
    return new Vector(f.getFileName().toString(), header, text.substring(sep + 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void parsesRealOutputAsExpected(Vector v) throws Exception {
    String expect = v.header().get("expect");
    switch (v.header().get("parser")) {
      case "dmesg" -> {
        Map<String, String> got = new LinkedHashMap<>();
        OpenBsdDisks.attachReadOnly(v.name(), v.body()).forEach((disk, ro) -> got.put(disk, ro ? "ro" : "rw"));
        Map<String, String> want = new LinkedHashMap<>();
        if (!expect.equals("none")) {
          for (String item : expect.split(",")) {
            String[] kv = item.split("=");
            want.put(kv[0], kv[1]);
          }
        }
        assertEquals(want, got);
      }
      case "disknames" -> {
        List<String> got = OpenBsdDisks.disknames(v.name(), v.body()).stream()
            .map(d -> d.name() + ":" + d.duid().orElse("")).toList();
        assertEquals(List.of(expect.split(",")), got);
      }
      default -> throw new AssertionError(v + ": unknown parser " + v.header().get("parser"));
    }
  }
}
