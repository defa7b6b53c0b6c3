package srro.scsi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import srro.scsi.Cdbs;
import srro.scsi.PageControl;
import srro.testing.VectorFile;

/**
 * {@link Classifier} on sense data quoted in public documentation (not written by us), framed as each transport
 * reports a CHECK CONDITION with sense: the {@link VectorFile}s under {@code srro/scsi/transport-vectors/}, with
 * header {@code source:}, {@code transport:} (sg_io or scsireq) and {@code expect:} (layer, code and sense key
 * of the failure), and the quoted hex as body.
 */
class ClassifierVectorsTest {
  private static final Command MODE6 = Cdbs.modeSense6(0x3f, 0, PageControl.CURRENT, false, 64);

  static Stream<VectorFile> vectors() {
    return VectorFile.all(Path.of("src/test/resources/srro/scsi/transport-vectors"),
        Set.of("source", "transport", "expect"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void classifiesQuotedSenseAsExpected(VectorFile v) {
    byte[] sense = ClassifierTest.bytes(v.body());
    TransportStatus status = switch (v.header().get("transport")) {
      case "sg_io" -> new TransportStatus.SgIo(0, "", 1, 0, 0x08, 0x02, 0, sense, 1);
      case "scsireq" -> new TransportStatus.Scsireq(0, "", 3, 0x02, 64, sense);
      default -> throw new AssertionError(v + ": unknown transport " + v.header().get("transport"));
    };
    Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, Outcome.of(MODE6, new Reply(status, new byte[64])));
    String got = f.layer() + " " + f.code() + " " + f.sense().map(s -> s.senseKey().name()).orElse("no-sense");
    assertEquals(v.header().get("expect"), got, f.message());
  }
}
