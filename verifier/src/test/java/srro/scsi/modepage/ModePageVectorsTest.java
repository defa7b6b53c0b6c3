package srro.scsi.modepage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import srro.scsi.ScsiFormatException;

/**
 * Every vector meets its {@code expect:} header: rejected, or some page decoded with ({@code absent}) or
 * without ({@code decodes}) a field beyond the page or the data. The text each decodes to is checked in the
 * tool ({@code srro.cli.decode.DecodeTextTest}).
 */
class ModePageVectorsTest {
  static java.util.stream.Stream<Vector> vectors() throws Exception {
    return Vector.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decodesAsItsHeaderSays(Vector v) throws Exception {
    if (v.expect().equals("rejected")) {
      assertThrows(ScsiFormatException.class, v::decode);
      return;
    }
    List<DecodedModePage> pages = v.decode();
    assertTrue(pages.stream().anyMatch(p -> p.layout().isPresent()), v.name() + ": no page decoded");
    boolean absent = pages.stream().anyMatch(p -> !p.absentFields().isEmpty());
    assertEquals(v.expect().equals("absent"), absent, v.name() + ": expect " + v.expect());
  }
}
