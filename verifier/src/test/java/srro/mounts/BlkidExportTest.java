package srro.mounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BlkidExportTest {
  @Test
  void mapsEveryTagOfEveryDeviceAndUnescapesValues() throws Exception {
    String out = "DEVNAME=/dev/sda1\nUUID=1234-ABCD\nBLOCK_SIZE=512\nTYPE=vfat\nPARTUUID=0a1b-01\n\n"
        + "DEVNAME=/dev/sdb\nLABEL=my\\ disk\nTYPE=ext4\n";
    assertEquals(Map.of("UUID=1234-ABCD", "/dev/sda1", "PARTUUID=0a1b-01", "/dev/sda1", "LABEL=my disk", "/dev/sdb"),
        BlkidExport.parse("blkid", out.getBytes()));
  }

  @Test
  void theFirstDeviceOfADuplicatedTagWins() throws Exception {
    String out = "DEVNAME=/dev/sda\nLABEL=x\n\nDEVNAME=/dev/sdb\nLABEL=x\n";
    assertEquals(Map.of("LABEL=x", "/dev/sda"), BlkidExport.parse("blkid", out.getBytes()));
  }

  @Test
  void emptyOutputIsNoDevices() throws Exception {
    assertEquals(Map.of(), BlkidExport.parse("blkid", new byte[0]));
  }

  @Test
  void everyMalformedInputNamesItsLine() {
    MountFormatException e = assertThrows(MountFormatException.class,
        () -> BlkidExport.parse("blkid", "DEVNAME=/dev/sda\ngarbage\n".getBytes()));
    assertEquals("expected KEY=value as blkid -o export prints", e.getMessage());
    assertEquals(2, e.offset());
    assertEquals("expected DEVNAME to be an absolute path", assertThrows(MountFormatException.class,
        () -> BlkidExport.parse("blkid", "DEVNAME=sda\n".getBytes())).getMessage());
    assertEquals("NUL byte in blkid output, expected text", assertThrows(MountFormatException.class,
        () -> BlkidExport.parse("blkid", "DEVNAME=/dev/\0".getBytes())).getMessage());
    assertEquals("blkid output is 1048577 bytes, more than the limit of 1048576", assertThrows(
        MountFormatException.class, () -> BlkidExport.parse("blkid", new byte[BlkidExport.MAX_BYTES + 1]))
        .getMessage());
  }
}
