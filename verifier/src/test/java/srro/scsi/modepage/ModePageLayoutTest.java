package srro.scsi.modepage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import srro.scsi.DeviceType;
import srro.scsi.Field;

class ModePageLayoutTest {
  @Test
  void rejectsAFieldNamedTwice() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModePageLayout(
        8, 0, "ca", "caching", "SBC-3", List.of(new Field("WCE", "", 2, 2, 1), new Field("WCE", "", 3, 2, 1))));
    assertEquals("ca: field WCE twice", e.getMessage());
  }

  @Test
  void rejectsAFieldInsideThePageHeader() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModePageLayout(
        0x0a, 1, "coe", "control extension", "SPC-4", List.of(new Field("X", "", 3, 7, 8))));
    assertEquals("coe: field X inside the page header", e.getMessage());
  }

  @Test
  void aPageCodeMeansWhatTheDeviceTypeSays() {
    assertEquals("dc", ModePageLayouts.find(0x10, 0, Optional.of(DeviceType.TAPE)).orElseThrow().abbreviation());
    assertTrue(ModePageLayouts.find(0x10, 0, Optional.of(DeviceType.DISK)).isEmpty());
    assertEquals("ca", ModePageLayouts.find(0x08, 0, Optional.of(DeviceType.DISK)).orElseThrow().abbreviation());
    assertTrue(ModePageLayouts.find(0x08, 0, Optional.empty()).isEmpty());
    assertEquals("co", ModePageLayouts.find(0x0a, 0, Optional.empty()).orElseThrow().abbreviation());
    assertEquals("cms", ModePageLayouts.find(0x2a, 0, Optional.of(DeviceType.CDROM)).orElseThrow().abbreviation());
    assertTrue(ModePageLayouts.find(0x0a, 0xf0, Optional.of(DeviceType.TAPE)).isEmpty());
  }

  @Test
  void titlesNameCodeSubpageAndAbbreviation() {
    assertEquals("page 0x0a subpage 0x01 control extension [coe]",
        ModePageLayouts.find(0x0a, 1, Optional.empty()).orElseThrow().title());
  }
}
