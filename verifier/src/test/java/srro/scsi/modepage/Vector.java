package srro.scsi.modepage;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import srro.scsi.DeviceType;
import srro.scsi.HexInput;
import srro.scsi.ModeParameters;
import srro.scsi.PageControl;
import srro.scsi.ScsiFormatException;

/**
 * A mode page test vector (written by src/test/gen/ModePageVectors.java): a description line, then header
 * lines {@code # expect: decodes|absent|rejected}, {@code # format: six|ten}, {@code # type: disk|tape|cdrom|…},
 * {@code # pc: current|changeable|default|saved}, then hex. An unknown key or value fails the harness. Public
 * for the tool's text test ({@code srro.cli.decode.DecodeTextTest}), which reads them from {@code ../verifier/}.
 */
public record Vector(String name, String expect, ModeParameters.Format format, Optional<DeviceType> type, PageControl pc,
    byte[] data) {
  public static final Path DIR = Path.of("src/test/resources/srro/scsi/modepage/vectors");
  private static final List<String> KEYS = List.of("expect", "format", "type", "pc");

  @Override
  public String toString() {
    return name;
  }

  Path file() {
    return DIR.resolve(name + ".hex");
  }

  static Stream<Vector> all() throws IOException {
    return all(DIR);
  }

  /** Every vector in {@code dir}, by name. */
  public static Stream<Vector> all(Path dir) throws IOException {
    List<Vector> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        if (p.getFileName().toString().endsWith(".hex")) {
          out.add(read(p));
        }
      }
    }
    assertTrue(out.size() >= 50, "vectors missing: " + out.size());
    return out.stream();
  }

  static Vector read(Path p) throws IOException {
    byte[] text = Files.readAllBytes(p);
    String[] lines = new String(text, StandardCharsets.UTF_8).split("\n");
    Map<String, String> keys = new LinkedHashMap<>();
    for (int i = 1; i < lines.length && lines[i].startsWith("#"); i++) {
      String l = lines[i];
      int colon = l.indexOf(": ");
      String k = colon > 2 ? l.substring(2, colon) : l;
      if (!KEYS.contains(k)) {
        fail(p + ": unknown header key '" + k + "'");
      }
      keys.put(k, l.substring(colon + 2).trim());
    }
    if (!keys.keySet().containsAll(KEYS)) {
      fail(p + ": header needs " + KEYS + ", has " + keys.keySet());
    }
    String expect = keys.get("expect");
    if (!List.of("decodes", "absent", "rejected").contains(expect)) {
      fail(p + ": unknown expect '" + expect + "'");
    }
    try {
      return new Vector(
          p.getFileName().toString().replaceFirst("\\.hex$", ""),
          expect,
          ModeParameters.Format.valueOf(keys.get("format").toUpperCase(Locale.ROOT)),
          Optional.of(DeviceType.valueOf(keys.get("type").toUpperCase(Locale.ROOT))),
          PageControl.valueOf(keys.get("pc").toUpperCase(Locale.ROOT)),
          HexInput.parse(p.toString(), text));
    } catch (ScsiFormatException | IllegalArgumentException e) {
      throw new AssertionError(p + ": " + e.getMessage(), e);
    }
  }

  public ModeParameters parse() throws ScsiFormatException {
    return ModeParameters.parse(name, data, format, type);
  }

  public List<DecodedModePage> decode() throws ScsiFormatException {
    return DecodedModePage.decodeAll(parse(), pc);
  }
}
