package srro.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenBsdDisksTest {
  @Test
  void readsDuidsFromHwDisknames() throws Exception {
    assertEquals(
        Map.of("3eb7f9da875cb9ee", "sd0", "a1b2c3d4e5f60718", "sd2"),
        OpenBsdDisks.duids("sysctl", "hw.disknames=sd0:3eb7f9da875cb9ee,sd1:,cd0:,sd2:a1b2c3d4e5f60718\n"));
    assertEquals(Map.of(), OpenBsdDisks.duids("sysctl", "\n"));
  }

  @Test
  void rejectsAMalformedDisknamesItem() {
    MountFormatException e =
        assertThrows(MountFormatException.class, () -> OpenBsdDisks.duids("sysctl", "sd0:xyz"));
    assertEquals("expected 'disk:duid' items in hw.disknames, got 'sd0:xyz'", e.getMessage());
  }

  @Test
  void readsSoftraidVolumesAndChunksFromBioctl() throws Exception {
    String out =
        "Volume      Status               Size Device  \n"
            + "softraid0 0 Online        10736352768 sd2     CRYPTO\n"
            + "          0 Online        10736352768 sd1a    \n"
            + "softraid0 1 Degraded      10736352768 sd3     RAID1\n"
            + "          0 Online        10736352768 sd4a    \n"
            + "          1 Offline                 0 sd5a    \n";
    assertEquals(
        List.of(
            new OpenBsdDisks.SoftraidVolume("sd2", List.of("sd1a")),
            new OpenBsdDisks.SoftraidVolume("sd3", List.of("sd4a", "sd5a"))),
        OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void rejectsOversizedOutput() {
    assertEquals(
        "output is longer than 1048576 characters",
        assertThrows(
                MountFormatException.class, () -> OpenBsdDisks.bioctl("b", "x".repeat(OpenBsdDisks.MAX_CHARS + 1)))
            .getMessage());
  }
}
