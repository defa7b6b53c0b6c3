package srro.scsi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import srro.scsi.Cdbs;
import srro.scsi.PageControl;

/**
 * {@link Classifier} on sense data quoted in public documentation (not written by us), framed as each transport
 * reports a CHECK CONDITION with sense. A file under {@code srro/scsi/transport-vectors/} has {@code #} comments,
 * a closed header ({@code source:} where the bytes are quoted from, {@code transport:} sg_io or scsireq,
 * {@code expect:} layer, code and sense key of the failure), a {@code ---} line, and the quoted hex.
 */
class ClassifierVectorsTest {
  private static final Path DIR = Path.of("src/test/resources/srro/scsi/transport-vectors");
  private static final Set<String> KEYS = Set.of("source", "transport", "expect");
  private static final Command MODE6 = Cdbs.modeSense6(0x3f, 0, PageControl.CURRENT, false, 64);

  record Vector(String name, Map<String, String> header, byte[] sense) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Vector> vectors() throws IOException {
    List<Vector> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.sorted().toList()) {
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
          assertTrue(KEYS.contains(line.substring(0, colon)), f + ": unknown header key in " + line);
          header.put(line.substring(0, colon), line.substring(colon + 2));
        }
        assertEquals(KEYS, header.keySet(), f + ": every header key once");
        out.add(new Vector(f.getFileName().toString(), header, ClassifierTest.bytes(text.substring(sep + 5))));
      }
    }
    assertFalse(out.isEmpty(), "no vectors in " + DIR);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void classifiesQuotedSenseAsExpected(Vector v) {
    TransportStatus status = switch (v.header().get("transport")) {
      case "sg_io" -> new TransportStatus.SgIo(0, "", 1, 0, 0x08, 0x02, 0, v.sense(), 1);
      case "scsireq" -> new TransportStatus.Scsireq(0, "", 3, 0x02, 64, v.sense());
      default -> throw new AssertionError(v + ": unknown transport " + v.header().get("transport"));
    };
    Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, Outcome.of(MODE6, new Reply(status, new byte[64])));
    String got = f.layer() + " " + f.code() + " " + f.sense().map(s -> s.senseKey().name()).orElse("no-sense");
    assertEquals(v.header().get("expect"), got, f.message());
  }
}
