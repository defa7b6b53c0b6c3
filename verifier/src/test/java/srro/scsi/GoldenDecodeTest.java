package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import srro.scsi.vpd.VpdPage;

/**
 * Every golden file decodes with the decoder its header names, every byte accounted for. The text each
 * decodes to is checked in the tool ({@code srro.cli.decode.DecodeTextTest}), where the text form lives.
 */
class GoldenDecodeTest {
  static Stream<GoldenCase> cases() throws Exception {
    return GoldenCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decodesWithTheDecoderItsHeaderNames(GoldenCase c) throws Exception {
    int available = switch (c.decode()) {
      case "mode" -> ModeParameters.parse(c.name(), c.data(), c.format(), c.type()).availableLength();
      case "sense" -> Sense.parse(c.name(), c.data()).availableLength();
      case "inquiry" -> Inquiry.parse(c.name(), c.data()).availableLength();
      case "vpd" -> VpdPage.parse(c.name(), c.data()).availableLength();
      default -> throw new AssertionError(c.name() + ": unknown decode " + c.decode());
    };
    assertEquals(c.data().length, available, c.name());
  }
}
