package srro.scsi.modepage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import srro.scsi.ScsiFormatException;

/**
 * Every vector decodes to its {@code NAME.expected} (the text srro decode prints for its pages) and meets its
 * {@code expect:} header. Run with {@code -Dsrro.golden.update=true} to rewrite the .expected files.
 */
class ModePageVectorsTest {
  static java.util.stream.Stream<Vector> vectors() throws Exception {
    return Vector.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decodesAsExpectedAndAsItsHeaderSays(Vector v) throws Exception {
    if (v.expect().equals("rejected")) {
      assertThrows(ScsiFormatException.class, v::decode);
      return;
    }
    List<DecodedModePage> pages = v.decode();
    assertTrue(pages.stream().anyMatch(p -> p.layout().isPresent()), v.name() + ": no page decoded");
    boolean absent = pages.stream().anyMatch(p -> !p.absentFields().isEmpty());
    assertEquals(v.expect().equals("absent"), absent, v.name() + ": expect " + v.expect());
    String actual = String.join("\n", ModePageReport.lines(pages)) + "\n";
    Path expected = Vector.DIR.resolve(v.name() + ".expected");
    if (Boolean.getBoolean("srro.golden.update")) {
      Files.writeString(expected, actual);
    }
    assertEquals(Files.readString(expected), actual, v.name());
  }
}
