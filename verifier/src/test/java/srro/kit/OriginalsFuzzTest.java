package srro.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any input either parses, and then encodes to text that parses to the same entries, or is rejected cleanly. */
class OriginalsFuzzTest {
  @FuzzTest
  void parseNeverFailsOtherwiseAndRoundTrips(byte[] input) {
    Originals o;
    try {
      o = Originals.parse("fuzz", input);
    } catch (KitFormatException expected) {
      return;
    }
    try {
      assertEquals(o, Originals.parse("fuzz", o.encode()));
    } catch (KitFormatException e) {
      throw new AssertionError("encode() produced unparsable text", e);
    }
  }
}
