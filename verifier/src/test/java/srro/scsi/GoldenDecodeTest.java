package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden file {@code golden/NAME.hex} decodes to exactly {@code golden/NAME.expected}. A .hex file starts
 * with comment lines: a description, then {@code # decode: mode|sense|inquiry|vpd}, and for mode data {@code #
 * format: six|ten} and {@code # type: disk|tape|...}; an unknown key fails the test. Run with
 * {@code -Dsrro.golden.update=true} to rewrite the .expected files (then read the diff before committing).
 */
class GoldenDecodeTest {
  static final Path DIR = Path.of("src/test/resources/srro/scsi/golden");

  /** A golden case: its name, header keys and data. */
  record Case(String name, Map<String, String> keys, byte[] data) {
    @Override
    public String toString() {
      return name;
    }

    String decode() {
      return keys.get("decode");
    }

    Optional<DeviceType> type() {
      return Optional.ofNullable(keys.get("type")).map(t -> DeviceType.valueOf(t.toUpperCase(Locale.ROOT)));
    }

    ModeParameters.Format format() {
      return ModeParameters.Format.valueOf(keys.get("format").toUpperCase(Locale.ROOT));
    }

    Path hexFile() {
      return DIR.resolve(name + ".hex");
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
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

  static Case read(Path p) throws IOException {
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
      return new Case(name, keys, HexInput.parse(p.toString(), text));
    } catch (ScsiFormatException e) {
      throw new AssertionError(p + ": " + e.getMessage(), e);
    }
  }

  static List<String> decode(Case c) throws ScsiFormatException {
    return switch (c.decode()) {
      case "mode" -> DecodeReport.mode(ModeParameters.parse(c.name(), c.data(), c.format(), c.type()));
      case "sense" -> DecodeReport.sense(Sense.parse(c.name(), c.data()));
      case "inquiry" -> DecodeReport.inquiry(Inquiry.parse(c.name(), c.data()));
      case "vpd" -> srro.scsi.vpd.VpdReport.full(srro.scsi.vpd.VpdPage.parse(c.name(), c.data()));
      default -> throw new AssertionError(c.name() + ": unknown decode " + c.decode());
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decodesAsExpected(Case c) throws Exception {
    String actual = String.join("\n", decode(c)) + "\n";
    Path expected = DIR.resolve(c.name() + ".expected");
    if (Boolean.getBoolean("srro.golden.update")) {
      Files.writeString(expected, actual);
    }
    assertEquals(Files.readString(expected), actual, c.name());
  }
}
