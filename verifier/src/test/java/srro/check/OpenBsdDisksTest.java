package srro.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bioctl(8) lines here are produced with bioctl.c's own printf formats (7.7, rev 1.158), which Java's
 * String.format renders the same way for these conversions.
 */
class OpenBsdDisksTest {
  private static String header() {
    return String.format("%-11s %-10s %14s %-8s%n", "Volume", "Status", "Size", "Device");
  }

  private static String volume(int id, String status, String size, String dev, String level) {
    return String.format("%11s %-10s %14s %-7s ", "softraid0 " + id, status, size, dev) + level + "\n";
  }

  private static String disk(String volname, String status, String size, String scsi, String chunk) {
    return String.format("%11s %-10s %14s %-7s %-6s <%s>%n", volname, status, size, scsi, "noencl", chunk);
  }

  private static String disk(int id, String status, String size, String scsi, String chunk) {
    return disk(String.format("    %3d", id), status, size, scsi, chunk);
  }

  private static String serial() {
    return String.format("%11s %-10s %14s %-7s %-6s '%s'%s%s%n", "", "", "", "", "", "4C530001", "", "");
  }

  private static OpenBsdDisks.SoftraidVolume sr(String dev, String status, String level, List<String> chunks) {
    return new OpenBsdDisks.SoftraidVolume(dev, status, level, chunks, Optional.empty());
  }

  @Test
  void readsDuidsFromHwDisknames() throws Exception {
    assertEquals(
        Map.of("3eb7f9da875cb9ee", "sd0", "a1b2c3d4e5f60718", "sd2"),
        OpenBsdDisks.duids("sysctl", "hw.disknames=sd0:3eb7f9da875cb9ee,sd1:,cd0:,sd2:a1b2c3d4e5f60718\n"));
    assertEquals(Map.of(), OpenBsdDisks.duids("sysctl", "\n"));
  }

  @Test
  void listsEveryDiskOfHwDisknamesInOrder() throws Exception {
    assertEquals(
        List.of(
            new OpenBsdDisks.Disk("sd0", Optional.of("3eb7f9da875cb9ee")),
            new OpenBsdDisks.Disk("sd1", Optional.empty()),
            new OpenBsdDisks.Disk("cd0", Optional.empty()),
            new OpenBsdDisks.Disk("vnd0", Optional.of("a1b2c3d4e5f60718"))),
        OpenBsdDisks.disknames("sysctl(2)", "sd0:3eb7f9da875cb9ee,sd1:,cd0:,vnd0:a1b2c3d4e5f60718\0"));
    assertEquals(List.of(), OpenBsdDisks.disknames("sysctl(2)", ""));
  }

  @Test
  void rejectsAMalformedDisknamesItem() {
    MountFormatException e =
        assertThrows(MountFormatException.class, () -> OpenBsdDisks.duids("sysctl", "sd0:xyz"));
    assertEquals("expected 'disk:duid' items in hw.disknames, got 'sd0:xyz'", e.getMessage());
    assertThrows(MountFormatException.class, () -> OpenBsdDisks.disknames("sysctl", "sd0:,"));
    assertThrows(MountFormatException.class, () -> OpenBsdDisks.disknames("sysctl", "sd0:3EB7F9DA875CB9EE"));
  }

  @Test
  void readsCryptoRaidAndConcatVolumesWithTheirChunks() throws Exception {
    String out = header()
        + volume(0, "Online", "10736352768", "sd2", "CRYPTO")
        + disk(0, "Online", "10736352768", "0:0.0", "sd1a")
        + volume(1, "Degraded", "10736352768", "sd3", "RAID1 WB")
        + disk(0, "Online", "10736352768", "1:0.0", "sd4a")
        + disk(1, "Offline", "0", "1:1.0", "sd5a")
        + volume(2, "Rebuild", "10736352768", "sd6", "RAID1 42% done WT")
        + disk(0, "Rebuild", "10736352768", "2:0.0", "wd0d")
        + volume(3, "Online", "2147483648", "sd7", "CONCAT")
        + disk(0, "Online", "1073741824", "3:0.0", "vnd0a")
        + disk(1, "Online", "1073741824", "3:1.0", "vnd1a")
        + volume(4, "Online", "1073741824", "sd8", "RAID1C ")
        + disk(0, "Online", "1073741824", "4:0.0", "sd9a");
    assertEquals(
        List.of(
            sr("sd2", "Online", "CRYPTO", List.of("sd1a")),
            sr("sd3", "Degraded", "RAID1", List.of("sd4a", "sd5a")),
            sr("sd6", "Rebuild", "RAID1", List.of("wd0d")),
            sr("sd7", "Online", "CONCAT", List.of("vnd0a", "vnd1a")),
            sr("sd8", "Online", "RAID1C", List.of("sd9a"))),
        OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void aKeyDiskIsNotADataChunk() throws Exception {
    String out = header()
        + volume(0, "Online", "10736352768", "sd2", "CRYPTO")
        + disk(0, "Online", "10736352768", "0:0.0", "sd1a")
        + disk(1, "Online", "key disk", "0:1.0", "sd3d");
    assertEquals(
        List.of(new OpenBsdDisks.SoftraidVolume("sd2", "Online", "CRYPTO", List.of("sd1a"), Optional.of("sd3d"))),
        OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void hotSparesAndUnusedDisksBelongToNoVolume() throws Exception {
    String out = header()
        + volume(0, "Online", "10736352768", "sd3", "RAID1 WB")
        + disk(0, "Online", "10736352768", "0:0.0", "sd4a")
        + serial()
        + disk(1, "Online", "10736352768", "0:1.0", "sd5a")
        + serial()
        + disk("softraid0 1", "Hot spare", "10736352768", "1:0.0", "sd6a")
        + disk("softraid0 2", "Unused", "10736352768", "2:0.0", "sd7a")
        + volume(3, "Online", "10736352768", "sd8", "CRYPTO")
        + disk(0, "Online", "10736352768", "3:0.0", "sd9a");
    assertEquals(
        List.of(sr("sd3", "Online", "RAID1", List.of("sd4a", "sd5a")), sr("sd8", "Online", "CRYPTO", List.of("sd9a"))),
        OpenBsdDisks.bioctl("bioctl -v", out));
  }

  @Test
  void noVolumesIsAnEmptyList() throws Exception {
    assertEquals(List.of(), OpenBsdDisks.bioctl("bioctl", ""));
    assertEquals(List.of(), OpenBsdDisks.bioctl("bioctl", header()));
  }

  @Test
  void aChunkLineMustNameADevice() throws Exception {
    String out = header()
        + volume(0, "Online", "10736352768", "sd2", "CRYPTO")
        + disk(0, "Online", "10736352768", "0:0.0", "SEAGATE ST1000")
        + disk(1, "Online", "10736352768", "0:1.0", "sd1z");
    assertEquals(List.of(sr("sd2", "Online", "CRYPTO", List.of())), OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void readsTheReadonlyOfSdAttachLines() throws Exception {
    String dmesg = "scsibus1 at softraid0: 256 targets\n"
        + "sd0 at scsibus0 targ 0 lun 0: <ATA, Samsung SSD 860, RVT0> naa.5002538e40000000\n"
        + "sd0: 476940MB, 512 bytes/sector, 976773168 sectors, thin\n"
        + "sd1 at scsibus2 targ 1 lun 0: <SanDisk, Cruzer Blade, 1.00> removable serial.07815567\n"
        + "sd1: 7633MB, 512 bytes/sector, 15633408 sectors, readonly\n"
        + "sd2: 7632MB, 512 bytes/sector, 15632384 sectors, thin, readonly\n"
        + "sd3: no disk label\n"
        + "cd0: 700MB, 2048 bytes/sector, 358400 sectors, readonly\n"
        + "wd0: 16-sector PIO, LBA48, 476940MB, 976773168 sectors\n";
    Map<String, Boolean> expected = new LinkedHashMap<>();
    expected.put("sd0", false);
    expected.put("sd1", true);
    expected.put("sd2", true);
    assertEquals(expected, OpenBsdDisks.attachReadOnly("dmesg", dmesg));
  }

  @Test
  void theLastAttachWinsAndADetachForgets() throws Exception {
    String dmesg = "sd1: 7633MB, 512 bytes/sector, 15633408 sectors\n"
        + "sd2: 7633MB, 512 bytes/sector, 15633408 sectors, readonly\n"
        + "sd1 detached\n"
        + "sd1 at scsibus2 targ 1 lun 0: <SanDisk, Cruzer Blade, 1.00> removable\n"
        + "sd1: 7633MB, 512 bytes/sector, 15633408 sectors, readonly\n"
        + "sd2 detached\n";
    assertEquals(Map.of("sd1", true), OpenBsdDisks.attachReadOnly("dmesg", dmesg));
  }

  @Test
  void rejectsOversizedOutput() {
    assertEquals(
        "output is longer than 1048576 characters",
        assertThrows(
                MountFormatException.class, () -> OpenBsdDisks.bioctl("b", "x".repeat(OpenBsdDisks.MAX_CHARS + 1)))
            .getMessage());
    assertThrows(MountFormatException.class,
        () -> OpenBsdDisks.attachReadOnly("dmesg", "x".repeat(OpenBsdDisks.MAX_CHARS + 1)));
  }
}
