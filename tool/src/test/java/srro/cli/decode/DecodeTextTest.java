package srro.cli.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import srro.scsi.DeviceType;
import srro.scsi.GoldenCase;
import srro.scsi.Inquiry;
import srro.scsi.ModeParameters;
import srro.scsi.PageControl;
import srro.scsi.ScsiFormatException;
import srro.scsi.Sense;
import srro.scsi.modepage.DecodedModePage;
import srro.scsi.modepage.Vector;
import srro.scsi.vpd.StandardInquiry;
import srro.scsi.vpd.VpdPage;
import srro.scsi.vpd.VpdVector;

/**
 * The verifier's golden files and test vectors (their .hex under ../verifier/src/test/resources/srro/scsi, read
 * through its test jar) decode to exactly the text under src/test/resources/srro/cli/decode: {@code golden/}
 * the header lines, {@code modepage/} the page fields, {@code vpd/} INQUIRY flags and VPD pages whole. Run
 * with {@code -Dsrro.golden.update=true} to rewrite the .expected files (then read the diff before
 * committing). And every input of the verifier's fuzz corpora renders without an unchecked exception.
 */
class DecodeTextTest {
  static final Path VERIFIER = Path.of("../verifier");
  static final Path TEXT = Path.of("src/test/resources/srro/cli/decode");
  static final Path GOLDEN_TEXT = TEXT.resolve("golden");
  static final Path MODE_TEXT = TEXT.resolve("modepage");
  static final Path VPD_TEXT = TEXT.resolve("vpd");

  static Stream<GoldenCase> golden() throws IOException {
    return GoldenCase.all(VERIFIER.resolve(GoldenCase.DIR));
  }

  static Stream<Vector> modeVectors() throws IOException {
    return Vector.all(VERIFIER.resolve(Vector.DIR)).filter(v -> !v.expect().equals("rejected"));
  }

  static Stream<VpdVector> vpdVectors() throws IOException {
    return VpdVector.all(VERIFIER.resolve(VpdVector.DIR)).filter(v -> !v.expect().equals("rejected"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("golden")
  void showsTheHeaderOfEachGoldenFileAsItsExpectedFileSays(GoldenCase c) throws Exception {
    List<String> lines = switch (c.decode()) {
      case "mode" -> DecodeText.mode(ModeParameters.parse(c.name(), c.data(), c.format(), c.type()));
      case "sense" -> DecodeText.sense(Sense.parse(c.name(), c.data()));
      case "inquiry" -> DecodeText.inquiry(Inquiry.parse(c.name(), c.data()));
      case "vpd" -> DecodeText.vpd(VpdPage.parse(c.name(), c.data()));
      default -> throw new AssertionError(c.name() + ": unknown decode " + c.decode());
    };
    assertAsExpected(GOLDEN_TEXT, c.name(), lines);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modeVectors")
  void showsTheFieldsOfEachModePageVectorAsItsExpectedFileSays(Vector v) throws Exception {
    assertAsExpected(MODE_TEXT, v.name(), DecodeText.pages(v.decode()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vpdVectors")
  void showsEachInquiryAndVpdVectorAsItsExpectedFileSays(VpdVector v) throws Exception {
    List<String> lines = v.inquiry()
        ? DecodeText.inquiry(StandardInquiry.parse(v.name(), v.data()))
        : DecodeText.vpd(VpdPage.parse(v.name(), v.data()));
    assertAsExpected(VPD_TEXT, v.name(), lines);
  }

  @Test
  void everyExpectedFileHasItsInput() throws Exception {
    List<String> inputs = Stream.of(golden().map(GoldenCase::name), modeVectors().map(Vector::name),
        vpdVectors().map(VpdVector::name)).flatMap(s -> s).toList();
    for (Path dir : List.of(GOLDEN_TEXT, MODE_TEXT, VPD_TEXT)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.toList()) {
          String name = p.getFileName().toString().replaceFirst("\\.expected$", "");
          assertTrue(inputs.contains(name), p + " has no .hex in the verifier");
        }
      }
    }
  }

  /** Every input of the verifier's fuzz corpora, read as each kind of data srro decodes. */
  static Stream<Path> corpus() throws IOException {
    Path root = VERIFIER.resolve("src/test/resources/srro/scsi");
    try (Stream<Path> all = Files.walk(root)) {
      List<Path> inputs = all.filter(Files::isRegularFile)
          .filter(p -> root.relativize(p).toString().matches(
              "(vpd/|modepage/)?(Sense|Inquiry|ModeParameters|DecodedModePage|VpdPage)FuzzTestInputs/.*"))
          .sorted()
          .toList();
      assertFalse(inputs.size() < 100, "fuzz corpora missing: " + inputs.size());
      return inputs.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void rendersEveryFuzzCorpusInputOrRejectsIt(Path input) throws Exception {
    byte[] b = Files.readAllBytes(input);
    String name = input.toString();
    try {
      DecodeText.sense(Sense.parse(name, b));
    } catch (ScsiFormatException expected) {
      // not sense data
    }
    try {
      DecodeText.inquiry(StandardInquiry.parse(name, b));
    } catch (ScsiFormatException expected) {
      // shorter than the INQUIRY header
    }
    try {
      DecodeText.vpd(VpdPage.parse(name, b));
    } catch (ScsiFormatException expected) {
      // shorter than the VPD header
    }
    for (ModeParameters.Format format : ModeParameters.Format.values()) {
      for (Optional<DeviceType> type : List.of(Optional.<DeviceType>empty(), Optional.of(DeviceType.DISK),
          Optional.of(DeviceType.TAPE), Optional.of(DeviceType.CDROM))) {
        try {
          ModeParameters m = ModeParameters.parse(name, b, format, type);
          DecodeText.mode(m);
          for (PageControl pc : PageControl.values()) {
            DecodeText.pages(DecodedModePage.decodeAll(m, pc));
          }
        } catch (ScsiFormatException expected) {
          // shorter than the mode parameter header
        }
      }
    }
  }

  private static void assertAsExpected(Path dir, String name, List<String> lines) throws IOException {
    String actual = String.join("\n", lines) + "\n";
    Path expected = dir.resolve(name + ".expected");
    if (Boolean.getBoolean("srro.golden.update")) {
      Files.writeString(expected, actual);
    }
    assertEquals(Files.readString(expected), actual, name);
  }
}
