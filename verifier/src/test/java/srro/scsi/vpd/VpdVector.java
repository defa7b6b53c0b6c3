package srro.scsi.vpd;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import srro.scsi.FieldValue;
import srro.scsi.HexInput;
import srro.scsi.ScsiFormatException;

/**
 * An INQUIRY or VPD test vector (written by src/test/gen/VpdVectors.java): a description line, then {@code #
 * expect: decodes|absent|rejected} and {@code # decode: inquiry|vpd}, then hex. An unknown key or value fails.
 * Public for the tool's text test ({@code srro.cli.decode.DecodeTextTest}), which reads them from {@code
 * ../verifier/}.
 */
public record VpdVector(String name, String expect, String decode, byte[] data) {
  public static final Path DIR = Path.of("src/test/resources/srro/scsi/vpd/vectors");
  private static final List<String> KEYS = List.of("expect", "decode");

  @Override
  public String toString() {
    return name;
  }

  static Stream<VpdVector> all() throws IOException {
    return all(DIR);
  }

  /** Every vector in {@code dir}, by name. */
  public static Stream<VpdVector> all(Path dir) throws IOException {
    List<VpdVector> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        if (p.getFileName().toString().endsWith(".hex")) {
          out.add(read(p));
        }
      }
    }
    assertTrue(out.size() >= 40, "vectors missing: " + out.size());
    return out.stream();
  }

  static VpdVector read(Path p) throws IOException {
    byte[] text = Files.readAllBytes(p);
    String[] lines = new String(text, StandardCharsets.UTF_8).split("\n");
    Map<String, String> keys = new LinkedHashMap<>();
    for (int i = 1; i < lines.length && lines[i].startsWith("#"); i++) {
      int colon = lines[i].indexOf(": ");
      String k = colon > 2 ? lines[i].substring(2, colon) : lines[i];
      if (!KEYS.contains(k)) {
        fail(p + ": unknown header key '" + k + "'");
      }
      keys.put(k, lines[i].substring(colon + 2).trim());
    }
    if (!keys.keySet().containsAll(KEYS)) {
      fail(p + ": header needs " + KEYS + ", has " + keys.keySet());
    }
    if (!List.of("decodes", "absent", "rejected").contains(keys.get("expect"))
        || !List.of("inquiry", "vpd").contains(keys.get("decode"))) {
      fail(p + ": unknown expect or decode " + keys);
    }
    try {
      return new VpdVector(p.getFileName().toString().replaceFirst("\\.hex$", ""), keys.get("expect"),
          keys.get("decode"), HexInput.parse(p.toString(), text));
    } catch (ScsiFormatException e) {
      throw new AssertionError(p + ": " + e.getMessage(), e);
    }
  }

  public boolean inquiry() {
    return decode.equals("inquiry");
  }

  /** The fields decoded, for the expect: check. */
  public List<FieldValue> fields() throws ScsiFormatException {
    if (inquiry()) {
      return StandardInquiry.parse(name, data).flags();
    }
    VpdPage v = VpdPage.parse(name, data);
    return v.content() instanceof VpdPage.Fields f ? f.fields() : List.of();
  }
}
