package srro.scsi.vpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import srro.scsi.ScsiFormatException;

/**
 * Every INQUIRY and VPD vector meets its {@code expect:} header ({@code absent}: some field lies beyond the
 * data). The text each decodes to is checked in the tool ({@code srro.cli.decode.DecodeTextTest}).
 */
class VpdVectorsTest {
  static Stream<VpdVector> vectors() throws Exception {
    return VpdVector.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decodesAsItsHeaderSays(VpdVector v) throws Exception {
    if (v.expect().equals("rejected")) {
      assertThrows(ScsiFormatException.class, v::fields);
      return;
    }
    boolean absent = v.fields().stream().anyMatch(f -> !f.present());
    assertEquals(v.expect().equals("absent"), absent, v.name() + ": expect " + v.expect());
  }
}
