package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdditionalSenseCodesTest {
  @Test
  void namesTheCommonCodes() {
    assertEquals("Invalid command operation code", AdditionalSenseCodes.text(0x20, 0));
    assertEquals("Invalid field in CDB", AdditionalSenseCodes.text(0x24, 0));
    assertEquals("Write protected", AdditionalSenseCodes.text(0x27, 0));
    assertEquals("Medium not present", AdditionalSenseCodes.text(0x3a, 0));
    assertEquals("Power on occurred", AdditionalSenseCodes.text(0x29, 1));
    assertEquals("Mode parameters changed", AdditionalSenseCodes.text(0x2a, 1));
  }

  @Test
  void coversTheSecurityErrors() {
    for (int q : new int[] {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c,
        0x40, 0x71}) {
      assertTrue(AdditionalSenseCodes.known(0x74, q), "74/" + Integer.toHexString(q));
    }
  }

  @Test
  void namesVendorSpecificRanges() {
    assertEquals("vendor specific", AdditionalSenseCodes.text(0x80, 0x00));
    assertEquals("vendor specific", AdditionalSenseCodes.text(0xff, 0xff));
    assertEquals("vendor specific qualification", AdditionalSenseCodes.text(0x27, 0x80));
    assertEquals("Diagnostic failure on component 0x85", AdditionalSenseCodes.text(0x40, 0x85));
  }

  @Test
  void saysWhenACodeIsNotInTheTable() {
    assertEquals("not in srro's table (reserved or newer)", AdditionalSenseCodes.text(0x3b, 0x70));
  }

  @Test
  void everyLineOfTheTableIsOneCodeAndNoCodeRepeats() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.List<String> lines = AdditionalSenseCodes.lines();
    assertTrue(lines.size() > 250, "lines: " + lines.size());
    for (String line : lines) {
      assertTrue(line.matches("[0-9a-f]{2} ([0-9a-f]{2}|NN) \\S.*"), line);
      assertTrue(seen.add(line.substring(0, 5)), "twice: " + line);
      if (line.startsWith("NN", 3)) {
        assertTrue(line.contains("{q}"), line);
      }
    }
    assertTrue(AdditionalSenseCodes.TABLE.endsWith("\n"));
  }

  @Test
  void findsTheFirstAndTheLastLine() {
    String first = AdditionalSenseCodes.lines().get(0);
    String last = AdditionalSenseCodes.lines().get(AdditionalSenseCodes.lines().size() - 1);
    assertEquals(first.substring(6), AdditionalSenseCodes.text(Integer.parseInt(first.substring(0, 2), 16),
        Integer.parseInt(first.substring(3, 5), 16)));
    assertEquals(last.substring(6), AdditionalSenseCodes.text(Integer.parseInt(last.substring(0, 2), 16),
        Integer.parseInt(last.substring(3, 5), 16)));
  }

  @Test
  void rejectsOutOfRangeCodes() {
    assertThrows(IllegalArgumentException.class, () -> AdditionalSenseCodes.text(0x100, 0));
  }
}
