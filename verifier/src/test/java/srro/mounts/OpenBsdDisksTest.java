package srro.mounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  void listsEveryDiskInHwDisknamesInOrder() throws Exception {
    assertEquals(
        List.of(
            new OpenBsdDisks.Disk("sd0", Optional.of("3eb7f9da875cb9ee")),
            new OpenBsdDisks.Disk("sd1", Optional.empty()),
            new OpenBsdDisks.Disk("cd0", Optional.empty()),
            new OpenBsdDisks.Disk("vnd0", Optional.of("a1b2c3d4e5f60718"))),
        OpenBsdDisks.disknames("sysctl", "sd0:3eb7f9da875cb9ee,sd1:,cd0:,vnd0:a1b2c3d4e5f60718"));
  }

  @Test
  void disknamesMayEndInANewlineOrANulAndHaveThePrefix() throws Exception {
    List<OpenBsdDisks.Disk> expected =
        List.of(
            new OpenBsdDisks.Disk("wd0", Optional.of("0123456789abcdef")),
            new OpenBsdDisks.Disk("sd0", Optional.empty()));
    assertEquals(expected, OpenBsdDisks.disknames("sysctl", "wd0:0123456789abcdef,sd0:\n"));
    assertEquals(expected, OpenBsdDisks.disknames("sysctl", "wd0:0123456789abcdef,sd0:\0"));
    assertEquals(expected, OpenBsdDisks.disknames("sysctl", "wd0:0123456789abcdef,sd0:\n\0\0"));
    assertEquals(expected, OpenBsdDisks.disknames("sysctl", "hw.disknames=wd0:0123456789abcdef,sd0:\n"));
    assertEquals(List.of(), OpenBsdDisks.disknames("sysctl", ""));
    assertEquals(List.of(), OpenBsdDisks.disknames("sysctl", "\0"));
    assertEquals(List.of(), OpenBsdDisks.disknames("sysctl", "hw.disknames=\n"));
  }

  @Test
  void rejectsMalformedDisknamesItems() {
    List<String> items =
        List.of("sd0", "sd0:3EB7F9DA875CB9EE", "sd0:3eb7f9da875cb9e", "sd0:3eb7f9da875cb9ee0", "0:", "sd0: ", "");
    for (String item : items) {
      MountFormatException e =
          assertThrows(MountFormatException.class, () -> OpenBsdDisks.disknames("sysctl", "sd9:," + item + ",sd1:"));
      assertEquals("expected 'disk:duid' items in hw.disknames, got '" + item + "'", e.getMessage(), item);
      assertEquals("sysctl", e.source());
      assertEquals(1, e.offset());
    }
  }

  @Test
  void duidsAcceptATrailingNulAndTheLaterOfTwoClonesWins() throws Exception {
    assertEquals(Map.of("3eb7f9da875cb9ee", "sd0"), OpenBsdDisks.duids("sysctl", "sd0:3eb7f9da875cb9ee,cd0:\0"));
    Map<String, String> duids =
        OpenBsdDisks.duids("sysctl", "sd0:3eb7f9da875cb9ee,sd1:0123456789abcdef,sd2:3eb7f9da875cb9ee");
    assertEquals(List.of("3eb7f9da875cb9ee", "0123456789abcdef"), List.copyOf(duids.keySet()));
    assertEquals("sd2", duids.get("3eb7f9da875cb9ee"));
  }

  // bioctl(8) output, built with bioctl.c's own printf formats (bio_inq, without -h).

  private static final long SIZE = 10736352768L;

  private static String header() {
    return String.format("%-11s %-10s %14s %-8s\n", "Volume", "Status", "Size", "Device");
  }

  /** A volume line; {@code level} is the level with its suffixes, as bioctl prints it after the device. */
  private static String volume(int volid, String status, long size, String device, String level) {
    String volname = String.format("%s %d", "softraid0", volid);
    return String.format("%11s %-10s %14s %-7s ", volname, status, bytes(size), device)
        + level
        + "\n";
  }

  private static String disk(int diskid, String status, String size, String scsiname, String vendor) {
    return diskLine(String.format("    %3d", diskid), status, size, scsiname, vendor);
  }

  /** A hot spare's or unused disk's line: it carries its own volume's name and no volume line precedes it. */
  private static String spare(int volid, String status, long size, String scsiname, String vendor) {
    return diskLine(String.format("%s %d", "softraid0", volid), status, bytes(size), scsiname, vendor);
  }

  private static String diskLine(String volname, String status, String size, String scsiname, String vendor) {
    return String.format("%11s %-10s %14s %-7s %-6s <%s>\n", volname, status, size, scsiname, "noencl", vendor);
  }

  private static String bytes(long size) {
    return String.format("%14d", size);
  }

  private static String keyDisk() {
    return String.format("%14s", "key disk");
  }

  private static String verbose(String serial, String percent, String seconds) {
    return String.format("%11s %-10s %14s %-7s %-6s '%s'%s%s\n", "", "", "", "", "", serial, percent, seconds);
  }

  private static OpenBsdDisks.SoftraidVolume volume(String device, String status, String level, String... chunks) {
    return new OpenBsdDisks.SoftraidVolume(device, status, level, List.of(chunks), Optional.empty());
  }

  @Test
  void bioctlLinesHaveTheColumnsOfRealOutput() {
    assertEquals("Volume      Status               Size Device  \n", header());
    assertEquals("softraid0 0 Online        10736352768 sd2     CRYPTO\n", volume(0, "Online", SIZE, "sd2", "CRYPTO"));
    assertEquals(
        "          0 Online        10736352768 0:0.0   noencl <sd1a>\n",
        disk(0, "Online", bytes(SIZE), "0:0.0", "sd1a"));
    assertEquals(
        "          1 Online           key disk 1:0.0   noencl <sd3d>\n",
        disk(1, "Online", keyDisk(), "1:0.0", "sd3d"));
  }

  @Test
  void readsACryptoVolumeWithOneChunk() throws Exception {
    String out =
        header() + volume(0, "Online", SIZE, "sd2", "CRYPTO") + disk(0, "Online", bytes(SIZE), "0:0.0", "sd1a");
    assertEquals(List.of(volume("sd2", "Online", "CRYPTO", "sd1a")), OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void theKeyDiskOfACryptoVolumeIsNotAChunk() throws Exception {
    String out =
        header()
            + volume(0, "Online", SIZE, "sd2", "CRYPTO")
            + disk(0, "Online", bytes(SIZE), "0:0.0", "sd1a")
            + disk(1, "Online", keyDisk(), "1:0.0", "sd3d");
    assertEquals(
        List.of(new OpenBsdDisks.SoftraidVolume("sd2", "Online", "CRYPTO", List.of("sd1a"), Optional.of("sd3d"))),
        OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void readsADegradedRaid1WithAnOfflineChunk() throws Exception {
    // Cache mode unknown: "RAID1" then a space and an empty string.
    String out =
        header()
            + volume(0, "Degraded", SIZE, "sd3", "RAID1 ")
            + disk(0, "Online", bytes(SIZE), "0:0.0", "sd4a")
            + disk(1, "Offline", bytes(0), "0:1.0", "sd5a");
    assertEquals(List.of(volume("sd3", "Degraded", "RAID1", "sd4a", "sd5a")), OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void readsARaid1cWithItsKeyDisk() throws Exception {
    String out =
        header()
            + volume(0, "Online", SIZE, "sd4", "RAID1C WB")
            + disk(0, "Online", bytes(SIZE), "0:0.0", "sd1a")
            + disk(1, "Online", bytes(SIZE), "0:1.0", "sd2a")
            + disk(2, "Online", keyDisk(), "0:2.0", "sd3d");
    assertEquals(
        List.of(
            new OpenBsdDisks.SoftraidVolume("sd4", "Online", "RAID1C", List.of("sd1a", "sd2a"), Optional.of("sd3d"))),
        OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void hotSparesAndUnusedDisksBelongToNoVolume() throws Exception {
    String out =
        header()
            + volume(0, "Online", SIZE, "sd3", "RAID1 WT")
            + disk(0, "Online", bytes(SIZE), "0:0.0", "sd4a")
            + disk(1, "Online", bytes(SIZE), "0:1.0", "sd5a")
            + spare(1, "Hot spare", SIZE, "0:2.0", "sd6a")
            + spare(2, "Unused", SIZE, "0:3.0", "sd7a")
            + volume(3, "Online", SIZE, "sd8", "CRYPTO")
            + disk(0, "Online", bytes(SIZE), "0:4.0", "sd9a");
    assertEquals(
        List.of(volume("sd3", "Online", "RAID1", "sd4a", "sd5a"), volume("sd8", "Online", "CRYPTO", "sd9a")),
        OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void readsEveryChunkStatusIncludingHotSpareWithItsSpace() throws Exception {
    List<String> statuses =
        List.of("Online", "Offline", "Failed", "Rebuild", "Hot spare", "Unused", "Scrubbing", "Invalid");
    StringBuilder out = new StringBuilder(header()).append(volume(0, "Degraded", SIZE, "sd9", "RAID1 "));
    for (int i = 0; i < statuses.size(); i++) {
      out.append(disk(i, statuses.get(i), bytes(SIZE), "0:" + i + ".0", "sd" + (i + 1) + "a"));
    }
    assertEquals(
        List.of(volume("sd9", "Degraded", "RAID1", "sd1a", "sd2a", "sd3a", "sd4a", "sd5a", "sd6a", "sd7a", "sd8a")),
        OpenBsdDisks.bioctl("bioctl", out.toString()));
  }

  @Test
  void skipsVerboseSerialLines() throws Exception {
    String out =
        header()
            + volume(0, "Online", SIZE, "sd3", "RAID1 WB")
            + disk(0, "Online", bytes(SIZE), "0:0.0", "sd1a")
            + verbose("WD-WCC4N0123456", "", "")
            + disk(1, "Scrubbing", bytes(SIZE), "0:1.0", "sd2a")
            + verbose("unknown serial", " patrol 42% done", " 17 seconds");
    assertEquals(List.of(volume("sd3", "Online", "RAID1", "sd1a", "sd2a")), OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void readsProgressSuffixesAfterTheLevel() throws Exception {
    String out =
        header()
            + volume(0, "Rebuild", SIZE, "sd3", "RAID1 42% done WB")
            + disk(0, "Online", bytes(SIZE), "0:0.0", "sd1a")
            + disk(1, "Rebuild", bytes(SIZE), "0:1.0", "sd2a")
            + volume(1, "Scrubbing", 3 * SIZE, "sd4", "RAID5 7% done 3600 seconds ")
            + disk(0, "Scrubbing", bytes(SIZE), "0:2.0", "wd0d")
            + disk(1, "Scrubbing", bytes(SIZE), "0:3.0", "wd1d")
            + disk(2, "Scrubbing", bytes(SIZE), "0:4.0", "vnd0a")
            + volume(2, "Building", SIZE, "sd5", "CONCAT 3% done");
    assertEquals(
        List.of(
            volume("sd3", "Rebuild", "RAID1", "sd1a", "sd2a"),
            volume("sd4", "Scrubbing", "RAID5", "wd0d", "wd1d", "vnd0a"),
            volume("sd5", "Building", "CONCAT")),
        OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void readsColumnsThatOverflowTheirWidth() throws Exception {
    // "softraid0 10" is wider than %11s and a 15-digit size wider than %14s: printf pushes the columns right.
    long huge = 123_456_789_012_345L;
    String out =
        header()
            + volume(10, "Online", huge, "sd12", "RAID0 ")
            + disk(0, "Online", bytes(huge), "10:100.0", "sd10a")
            + disk(1, "Online", bytes(huge), "10:101.0", "sd11a");
    assertEquals(List.of(volume("sd12", "Online", "RAID0", "sd10a", "sd11a")), OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void skipsAChunkThatNamesNoDevice() throws Exception {
    String out =
        header()
            + volume(0, "Online", SIZE, "sd2", "CRYPTO")
            + disk(0, "Online", bytes(SIZE), "0:0.0", "ATA, ST1000DM003, CC43")
            + disk(1, "Online", bytes(SIZE), "0:1.0", "sd1z")
            + disk(2, "Online", bytes(SIZE), "0:2.0", "cd0a");
    assertEquals(List.of(volume("sd2", "Online", "CRYPTO")), OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void disksOfAnUnreadableVolumeAreNotGivenToThePreviousOne() throws Exception {
    // A volume without a device: bioctl prints an empty %-7s where the device would be.
    String out =
        header()
            + volume(0, "Online", SIZE, "sd2", "CRYPTO")
            + disk(0, "Online", bytes(SIZE), "0:0.0", "sd1a")
            + volume(1, "Offline", SIZE, "", "RAID1 ")
            + disk(0, "Offline", bytes(SIZE), "0:1.0", "sd4a")
            + disk(1, "Offline", bytes(SIZE), "0:2.0", "sd5a");
    assertEquals(List.of(volume("sd2", "Online", "CRYPTO", "sd1a")), OpenBsdDisks.bioctl("bioctl", out));
  }

  @Test
  void emptyOutputOrAHeaderAloneHasNoVolumes() throws Exception {
    assertEquals(List.of(), OpenBsdDisks.bioctl("bioctl", ""));
    assertEquals(List.of(), OpenBsdDisks.bioctl("bioctl", "\n"));
    assertEquals(List.of(), OpenBsdDisks.bioctl("bioctl", header()));
  }

  @Test
  void softraidVolumeRejectsNullsAndCopiesChunks() {
    List<String> chunks = new ArrayList<>(List.of("sd1a"));
    OpenBsdDisks.SoftraidVolume v =
        new OpenBsdDisks.SoftraidVolume("sd2", "Online", "CRYPTO", chunks, Optional.empty());
    chunks.add("sd9a");
    assertEquals(List.of("sd1a"), v.chunks());
    assertThrows(
        NullPointerException.class,
        () -> new OpenBsdDisks.SoftraidVolume("sd2", "Online", "CRYPTO", List.of(), null));
    assertThrows(
        NullPointerException.class,
        () -> new OpenBsdDisks.SoftraidVolume(null, "Online", "CRYPTO", List.of(), Optional.empty()));
  }

  // dmesg(8): what sd.c and config_detach print, among the other attach lines of a boot.

  private static final String BANNER =
      "OpenBSD 7.7 (GENERIC.MP) #624: Wed Apr  9 09:38:45 MDT 2025\n"
          + "    deraadt@amd64.openbsd.org:/usr/src/sys/arch/amd64/compile/GENERIC.MP\n";

  private static final String SATA_DISK =
      "ahci0 at pci0 dev 23 function 0 \"Intel 100 Series AHCI\" rev 0x31: msi, AHCI 1.3.1\n"
          + "scsibus1 at ahci0: 32 targets\n"
          + "sd0 at scsibus1 targ 0 lun 0: <ATA, Samsung SSD 860, RVT0> naa.5002538e40a1b2c3\n"
          + "sd0: 476940MB, 512 bytes/sector, 976773168 sectors, thin\n";

  private static String usbStick(String name, String bus, String capacitySuffix) {
    return "umass0 at uhub0 port 3 configuration 1 interface 0 \"SanDisk Cruzer Blade\" rev 2.00/1.00 addr 2\n"
        + "umass0: using SCSI over Bulk-Only\n"
        + bus
        + " at umass0: 2 targets, initiator 0\n"
        + name
        + " at "
        + bus
        + " targ 1 lun 0: <SanDisk, Cruzer Blade, 1.00> removable serial.07815567200000000000\n"
        + name
        + ": 7633MB, 512 bytes/sector, 15633408 sectors"
        + capacitySuffix
        + "\n";
  }

  private static String unplugged(String name, String bus) {
    return name + " detached\n" + bus + " detached\n" + "umass0 detached\n";
  }

  private static final String SOFTRAID =
      "softraid0 at root\n"
          + "scsibus3 at softraid0: 256 targets\n"
          + "sd2 at scsibus3 targ 1 lun 0: <OPENBSD, SR CRYPTO, 006>\n"
          + "sd2: 476937MB, 512 bytes/sector, 976766576 sectors\n"
          + "root on sd2a (3eb7f9da875cb9ee.a) swap on sd2b dump on sd2b\n";

  @Test
  void readsWhetherEachSdDiskAttachedReadOnly() throws Exception {
    String dmesg =
        BANNER
            + "real mem = 17079271424 (16288MB)\n"
            + SATA_DISK
            + usbStick("sd1", "scsibus2", ", readonly")
            + SOFTRAID;
    Map<String, Boolean> ro = OpenBsdDisks.attachReadOnly("dmesg", dmesg);
    assertEquals(Map.of("sd0", false, "sd1", true, "sd2", false), ro);
    assertEquals(List.of("sd0", "sd1", "sd2"), List.copyOf(ro.keySet()));
  }

  @Test
  void thinAndReadonlyTogether() throws Exception {
    String dmesg =
        "sd3 at scsibus4 targ 0 lun 0: <QEMU, QEMU HARDDISK, 2.5+>\n"
            + "sd3: 30528MB, 4096 bytes/sector, 7815168 sectors, thin, readonly\n";
    assertEquals(Map.of("sd3", true), OpenBsdDisks.attachReadOnly("dmesg.boot", dmesg));
  }

  @Test
  void theLastAttachOfADiskWins() throws Exception {
    // Plugged in with the lock switch on, unplugged, switched off and plugged in again as sd1 once more.
    String dmesg =
        BANNER
            + SATA_DISK
            + usbStick("sd1", "scsibus2", ", readonly")
            + unplugged("sd1", "scsibus2")
            + usbStick("sd1", "scsibus4", "");
    Map<String, Boolean> ro = OpenBsdDisks.attachReadOnly("dmesg", dmesg);
    assertEquals(Map.of("sd0", false, "sd1", false), ro);
    // And the other way round, without a detach line between the two attaches: still the last line, first place.
    dmesg = usbStick("sd1", "scsibus2", "") + SATA_DISK + usbStick("sd1", "scsibus4", ", readonly");
    ro = OpenBsdDisks.attachReadOnly("dmesg", dmesg);
    assertEquals(Map.of("sd1", true, "sd0", false), ro);
    assertEquals(List.of("sd1", "sd0"), List.copyOf(ro.keySet()));
  }

  @Test
  void aDetachedDiskIsLeftOutUntilItAttachesAgain() throws Exception {
    String dmesg = BANNER + SATA_DISK + usbStick("sd1", "scsibus2", ", readonly") + unplugged("sd1", "scsibus2");
    assertEquals(Map.of("sd0", false), OpenBsdDisks.attachReadOnly("dmesg", dmesg));
    assertEquals(
        Map.of("sd0", false, "sd1", true),
        OpenBsdDisks.attachReadOnly("dmesg", dmesg + usbStick("sd1", "scsibus4", ", readonly")));
    // sd10 detaching does not detach sd1.
    assertEquals(
        Map.of("sd1", true),
        OpenBsdDisks.attachReadOnly("dmesg", usbStick("sd1", "scsibus2", ", readonly") + "sd10 detached\n"));
  }

  @Test
  void aNewBootForgetsThePreviousBootsDisks() throws Exception {
    // The message buffer survives a warm reboot, so dmesg(8) can start with the previous boot's messages.
    String dmesg = BANNER + SATA_DISK + usbStick("sd1", "scsibus2", ", readonly") + BANNER + SATA_DISK + SOFTRAID;
    assertEquals(Map.of("sd0", false, "sd2", false), OpenBsdDisks.attachReadOnly("dmesg", dmesg));
    String current = "OpenBSD 7.7-current (GENERIC.MP) #12: Mon May  5 10:00:00 MDT 2025\n";
    assertEquals(
        Map.of("sd1", true),
        OpenBsdDisks.attachReadOnly("dmesg", SATA_DISK + current + usbStick("sd1", "scsibus2", ", readonly")));
  }

  @Test
  void linesThatOnlyLookLikeTheCapacityLineDoNotCount() throws Exception {
    String dmesg =
        "sd1 at scsibus2 targ 1 lun 0: <SanDisk, Cruzer Blade, 1.00> removable readonly\n"
            + "sd1: no disk label\n"
            + "sd1: readonly\n"
            + "sd1: drive offline\n"
            + "sd1: 7633MB, 512 bytes/sector, 15633408 sectors, readonly, really\n"
            + "sd1: 7633MB, 512 bytes/sector, sectors, readonly\n"
            + "sd1a: 7633MB, 512 bytes/sector, 15633408 sectors, readonly\n"
            + "xsd1: 7633MB, 512 bytes/sector, 15633408 sectors, readonly\n"
            + " sd1: 7633MB, 512 bytes/sector, 15633408 sectors, readonly\n"
            + "sd: 7633MB, 512 bytes/sector, 15633408 sectors, readonly\n"
            + "vnd0: 7633MB, 512 bytes/sector, 15633408 sectors, readonly\n"
            + "cd0: 7633MB, 2048 bytes/sector, 3908352 sectors, readonly\n"
            + "wd0: 16-sector PIO, LBA48, 476940MB, 976773168 sectors\n"
            + "sd1: 7633MB, 512 bytes/sector, 15633408 sectors, readonly, thin\n"
            + "root on sd1a (3eb7f9da875cb9ee.a) swap on sd1b dump on sd1b\n";
    assertEquals(Map.of(), OpenBsdDisks.attachReadOnly("dmesg", dmesg));
  }

  @Test
  void noDmesgNoDisks() throws Exception {
    assertEquals(Map.of(), OpenBsdDisks.attachReadOnly("dmesg", ""));
    assertEquals(Map.of(), OpenBsdDisks.attachReadOnly("dmesg", BANNER));
    assertEquals(
        Map.of("sd0", false),
        OpenBsdDisks.attachReadOnly("dmesg", "sd0: 476940MB, 512 bytes/sector, 976773168 sectors\r\n"));
  }

  @Test
  void rejectsOversizedDmesg() {
    MountFormatException e =
        assertThrows(
            MountFormatException.class,
            () -> OpenBsdDisks.attachReadOnly("/var/run/dmesg.boot", "\n".repeat(OpenBsdDisks.MAX_CHARS + 1)));
    assertEquals("output is longer than 1048576 characters", e.getMessage());
    assertEquals("/var/run/dmesg.boot", e.source());
    assertEquals(-1, e.offset());
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
