package srro.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Any input either gives a valid release, which a minimal newvers.sh of its own gives back, or is rejected. */
class ReleaseFuzzTest {
  @FuzzTest
  void parseNeverFailsOtherwiseAndRoundTrips(byte[] input) {
    Release r;
    try {
      r = Release.parse("fuzz", input);
    } catch (KitFormatException expected) {
      return;
    }
    String again = "osr=\"" + r.osr() + "\"\n#define STATUS \"" + r.status() + "\"\n";
    try {
      assertEquals(r, Release.parse("fuzz", again.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (KitFormatException e) {
      throw new AssertionError("a parsed release does not parse again", e);
    }
  }
}
