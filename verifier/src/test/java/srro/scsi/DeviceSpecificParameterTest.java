package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceSpecificParameterTest {
  @Test
  void diskHasWriteProtectAndDpofua() {
    DeviceSpecificParameter d = new DeviceSpecificParameter(0x90, Optional.of(DeviceType.DISK));
    assertEquals("WP=1 DPOFUA=1", d.describe());
    assertEquals(false, d.bufferedMode().isPresent());
  }

  @Test
  void tapeHasWriteProtectBufferedModeAndSpeed() {
    DeviceSpecificParameter d = new DeviceSpecificParameter(0xa3, Optional.of(DeviceType.TAPE));
    assertEquals("WP=1 buffered mode=2 speed=3", d.describe());
    assertEquals(Optional.empty(), d.dpofua());
  }

  @Test
  void otherTypesAreRaw() {
    DeviceSpecificParameter d = new DeviceSpecificParameter(0x80, Optional.of(DeviceType.CHANGER));
    assertEquals(Optional.empty(), d.writeProtected());
    assertEquals("0x80 (not decoded for this device type)", d.describe());
  }
}
