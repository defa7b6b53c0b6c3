package srro.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A test vector quoted from public material: {@code #} comment lines, a header of {@code key: value} lines from a
 * closed vocabulary that must hold {@code source:} (the http(s) address the body is quoted from), a {@code ---}
 * line, and the body. An unknown or missing key fails the test.
 */
public record VectorFile(String name, Map<String, String> header, String body) {
  @Override
  public String toString() {
    return name;
  }

  /** Every file in {@code dir}, in name order, each with exactly the header {@code keys}. */
  public static Stream<VectorFile> all(Path dir, Set<String> keys) {
    List<VectorFile> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        out.add(read(f, keys));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertFalse(out.isEmpty(), "no vectors in " + dir);
    return out.stream();
  }

  static VectorFile read(Path f, Set<String> keys) throws IOException {
    assertTrue(keys.contains("source"), "every vector names its source");
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
      assertTrue(keys.contains(key), f + ": unknown header key " + key);
      assertTrue(header.put(key, line.substring(colon + 2)) == null, f + ": " + key + " twice");
    }
    assertEquals(keys, header.keySet(), f + ": every header key once");
    String source = header.get("source");
    assertTrue(source.startsWith("https://") || source.startsWith("http://"),
        f + ": source must be the address the text is quoted from");
    return new VectorFile(f.getFileName().toString(), header, text.substring(sep + 5));
  }
}
