package srro.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import srro.mounts.Volume;

class WriteProtectMergeTest {
  private static Volume os(Volume.ReadOnly ro) {
    return new Volume("/dev/sda", List.of(), ro, Volume.Evidence.SYSFS_RO, List.of());
  }

  @Test
  void theWpBitDecidesWhenItSaysReadOnly() {
    Volume v = WriteProtectMerge.merge(os(Volume.ReadOnly.NO), true, Optional.of(true));
    assertEquals(Volume.ReadOnly.YES, v.readOnly());
    assertEquals(Volume.Evidence.MODE_SENSE_WP, v.evidence());
  }

  @Test
  void swpDecidesWhenTheWpBitIsClear() {
    Volume v = WriteProtectMerge.merge(os(Volume.ReadOnly.NO), false, Optional.of(true));
    assertEquals(Volume.ReadOnly.YES, v.readOnly());
    assertEquals(Volume.Evidence.CONTROL_PAGE_SWP, v.evidence());
  }

  @Test
  void theOsKeepsItsWordWhenTheDiskSaysWritable() {
    Volume v = WriteProtectMerge.merge(os(Volume.ReadOnly.YES), false, Optional.of(false));
    assertEquals(Volume.ReadOnly.YES, v.readOnly());
    assertEquals(Volume.Evidence.SYSFS_RO, v.evidence());
    assertEquals(List.of(new Volume.Reading(Volume.Evidence.SYSFS_RO, Volume.ReadOnly.YES, ""),
        new Volume.Reading(Volume.Evidence.MODE_SENSE_WP, Volume.ReadOnly.NO, "WP=0"),
        new Volume.Reading(Volume.Evidence.CONTROL_PAGE_SWP, Volume.ReadOnly.NO, "SWP=0")), v.readings(),
        "every layer's answer is kept beside the merged one");
  }

  @Test
  void aWritableDiskAndOsIsWritableByModeSense() {
    Volume v = WriteProtectMerge.merge(os(Volume.ReadOnly.NO), false, Optional.empty());
    assertEquals(Volume.ReadOnly.NO, v.readOnly());
    assertEquals(Volume.Evidence.MODE_SENSE_WP, v.evidence());
  }
}
