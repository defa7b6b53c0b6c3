package srro.scsi;

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

/**
 * A golden decode case {@code golden/NAME.hex}: its name, header keys and data. A .hex file starts with
 * comment lines: a description, then {@code # decode: mode|sense|inquiry|vpd}, and for mode data {@code #
 * format: six|ten} and {@code # type: disk|tape|...}; an unknown key fails the test. The text each decodes to
 * is tool's {@code srro.cli.decode.DecodeTextTest}, the .expected files beside it.
 */
public record GoldenCase(String name, Map<String, String> keys, byte[] data) {
  /** The .hex files, from the verifier module; the tool reads them as {@code ../verifier/} + this. */
  public static final Path DIR = Path.of("src/test/resources/srro/scsi/golden");

  @Override
  public String toString() {
    return name;
  }

  /** mode, sense, inquiry or vpd. */
  public String decode() {
    return keys.get("decode");
  }

  public Optional<DeviceType> type() {
    return Optional.ofNullable(keys.get("type")).map(t -> DeviceType.valueOf(t.toUpperCase(Locale.ROOT)));
  }

  public ModeParameters.Format format() {
    return ModeParameters.Format.valueOf(keys.get("format").toUpperCase(Locale.ROOT));
  }

  /** Every case in {@code dir}, by name. */
  public static Stream<GoldenCase> all(Path dir) throws IOException {
    List<GoldenCase> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String f = p.getFileName().toString();
        if (f.endsWith(".hex")) {
          out.add(read(p));
        }
      }
    }
    assertTrue(out.size() >= 30, "golden files missing: " + out.size());
    return out.stream();
  }

  static Stream<GoldenCase> all() throws IOException {
    return all(DIR);
  }

  static GoldenCase read(Path p) throws IOException {
    byte[] text = Files.readAllBytes(p);
    Map<String, String> keys = new LinkedHashMap<>();
    for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("# ") && line.indexOf(": ") > 2 && !line.substring(2).contains(" :")) {
        String k = line.substring(2, line.indexOf(": "));
        if (k.matches("[a-z]+")) {
          if (!List.of("decode", "format", "type").contains(k)) {
            fail(p + ": unknown header key " + k);
          }
          keys.put(k, line.substring(line.indexOf(": ") + 2).trim());
        }
      }
    }
    if (!keys.containsKey("decode")) {
      fail(p + ": no '# decode:' line");
    }
    try {
      String name = p.getFileName().toString().replaceFirst("\\.hex$", "");
      return new GoldenCase(name, keys, HexInput.parse(p.toString(), text));
    } catch (ScsiFormatException e) {
      throw new AssertionError(p + ": " + e.getMessage(), e);
    }
  }
}
