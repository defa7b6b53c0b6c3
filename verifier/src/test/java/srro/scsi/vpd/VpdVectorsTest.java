package srro.scsi.vpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import srro.scsi.ScsiFormatException;

/**
 * Every INQUIRY and VPD vector decodes to its {@code NAME.expected} and meets its {@code expect:} header
 * ({@code absent}: some field lies beyond the data). {@code -Dsrro.golden.update=true} rewrites the .expected.
 */
class VpdVectorsTest {
  static Stream<VpdVector> vectors() throws Exception {
    return VpdVector.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decodesAsExpectedAndAsItsHeaderSays(VpdVector v) throws Exception {
    if (v.expect().equals("rejected")) {
      assertThrows(ScsiFormatException.class, v::report);
      return;
    }
    boolean absent = v.fields().stream().anyMatch(f -> !f.present());
    assertEquals(v.expect().equals("absent"), absent, v.name() + ": expect " + v.expect());
    String actual = String.join("\n", v.report()) + "\n";
    Path expected = VpdVector.DIR.resolve(v.name() + ".expected");
    if (Boolean.getBoolean("srro.golden.update")) {
      Files.writeString(expected, actual);
    }
    assertEquals(Files.readString(expected), actual, v.name());
  }
}
