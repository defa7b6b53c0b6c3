package srro.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import srro.findings.Severity;
import srro.fstab.Dialect;
import srro.fstab.Fstab;
import srro.mounts.MountTable;
import srro.mounts.Volume;
import srro.scsi.transport.Outcome;

class CrossCheckTest {
  static Volume vol(String dev, Volume.ReadOnly ro, String... chunks) {
    return new Volume(dev, List.of(), ro, Volume.Evidence.SYSFS_RO, List.of(chunks));
  }

  static List<String> ids(Report r) {
    return r.findings().stream().map(f -> f.line() + " " + f.id() + " " + f.target()).collect(Collectors.toList());
  }

  @Test
  void aReadOnlyVolumeMountedReadWriteIsAnError() throws Exception {
    MountTable m = MountTable.parseMountOutput("m", "/dev/sd1a on /archive type ffs (local)\n".getBytes());
    Report r =
        CrossCheck.run(
            "h", new CrossCheck.Views(null, m, List.of(vol("/dev/sd1", Volume.ReadOnly.YES)), null), List.of());
    assertEquals(List.of("0 ro-volume-mounted-rw /archive"), ids(r));
    assertFalse(r.ok());
    assertEquals(List.of("volumes", "volumes-vs-mounts"), r.checksRun());
    assertEquals("fstab", r.checksSkipped().get(0).check());
  }

  @Test
  void aWriteProtectedChunkUnderAVolumeThatIsNotReadOnlyMeansTheKitIsNotApplied() {
    List<Volume> v =
        List.of(vol("/dev/sd2", Volume.ReadOnly.NO, "/dev/sd1a"), vol("/dev/sd1", Volume.ReadOnly.YES));
    Report r = CrossCheck.run("h", new CrossCheck.Views(null, null, v, null, null, Dialect.OPENBSD), List.of());
    assertEquals(List.of("0 wp-chunk-not-propagated /dev/sd2"), ids(r));
    assertTrue(r.findings().get(0).message().endsWith("(kit not applied?)"));
    assertTrue(r.findings().get(0).hint().startsWith("apply the srro softraid patch kit"));
    List<Volume> ok =
        List.of(vol("/dev/sd2", Volume.ReadOnly.YES, "/dev/sd1a"), vol("/dev/sd1", Volume.ReadOnly.YES));
    assertTrue(CrossCheck.run("h", new CrossCheck.Views(null, null, ok, null), List.of()).findings().isEmpty());
  }

  @Test
  void aDiskThatRefusedACommandIsAnErrorWithTheProbesLine() {
    List<Volume> v = List.of(vol("/dev/sda", Volume.ReadOnly.NO));
    String line = "/dev/sda: INQUIRY failed at the scsi_status layer (CHECK_CONDITION): check condition";
    DeviceRefusal refused = new DeviceRefusal("/dev/sda", line,
        new Outcome.Failed(Outcome.Layer.SCSI_STATUS, "CHECK_CONDITION", "check condition"));
    Report r = CrossCheck.run("h", new CrossCheck.Views(null, null, v, null, null, Dialect.LINUX,
        List.of(refused)), List.of());
    assertEquals(List.of("0 device-refused-command /dev/sda"), ids(r));
    assertEquals(line, r.findings().get(0).message());
    assertEquals(Severity.ERROR, r.findings().get(0).severity());
    assertFalse(r.ok());
    assertTrue(r.findings().get(0).hint().startsWith("srro probe shows every command"), r.findings().toString());
  }

  @Test
  void aSoftraidVolumeThatRefusedModeSenseOnOpenBsdPointsAtTheKit() {
    List<Volume> v = List.of(vol("/dev/sd2", Volume.ReadOnly.NO, "/dev/sd1a"), vol("/dev/sd1", Volume.ReadOnly.NO));
    DeviceRefusal refused = new DeviceRefusal("/dev/sd2", "/dev/rsd2c: MODE SENSE(10) page 0x3f failed",
        new Outcome.Failed(Outcome.Layer.TRANSPORT, "SCCMD_UNKNOWN", "the adapter or driver failed the command"));
    Report r = CrossCheck.run("h", new CrossCheck.Views(null, null, v, null, null, Dialect.OPENBSD,
        List.of(refused)), List.of());
    assertEquals(List.of("0 device-refused-command /dev/sd2"), ids(r));
    assertTrue(r.findings().get(0).hint().startsWith("softraid without the srro kit"), r.findings().toString());
  }

  @Test
  void refusalsAreNotReportedWithoutVolumes() {
    DeviceRefusal refused = new DeviceRefusal("/dev/sda", "m",
        new Outcome.Failed(Outcome.Layer.SENSE, "X", "x"));
    Report r = CrossCheck.run("h", new CrossCheck.Views(null, null, null, null, null, null, List.of(refused)),
        List.of());
    assertEquals(List.of(), ids(r));
  }

  @Test
  void comparesFstabWithTheMounts() throws Exception {
    Fstab f =
        Fstab.parse(
            "fstab",
            ("/dev/loop0 /ro ext4 defaults 0 2\n/dev/loop1 /a/ ext4 ro 0 0\n/dev/loop2 /b ext4 rw 0 0\n"
                    + "/dev/loop3 /c ext4 ro 0 2\n")
                .getBytes(),
            Dialect.LINUX,
            null);
    MountTable m =
        MountTable.parseMountOutput(
            "m",
            ("/dev/loop0 on /ro type ext4 (ro)\n/dev/loop1 on /a type ext4 (rw)\n/dev/loop2 on /b type ext4 (ro)\n"
                    + "/dev/loop3 on /c type ext4 (ro)\n")
                .getBytes());
    Report r = CrossCheck.run("h", new CrossCheck.Views(f, m, List.of(), null), List.of());
    assertEquals(
        List.of(
            "4 ro-passno /c",
            "1 ro-mount-passno /ro",
            "1 fstab-rw-mounted-ro /ro",
            "2 fstab-ro-mounted-rw /a/",
            "3 fstab-rw-mounted-ro /b"),
        ids(r));
  }

  @Test
  void theResolverConnectsFstabSpecsToVolumes() throws Exception {
    Fstab f = Fstab.parse("fstab", "UUID=abc /x ext4 defaults 0 2\n".getBytes(), Dialect.LINUX, null);
    Report r =
        CrossCheck.run(
            "h",
            new CrossCheck.Views(
                f,
                null,
                List.of(vol("/dev/loop5", Volume.ReadOnly.YES)),
                s -> s.equals("UUID=abc") ? java.util.Optional.of("/dev/loop5") : java.util.Optional.empty()),
            List.of(new Skipped("mode-sense-wp", "no SCSI disks")));
    assertEquals(List.of("1 ro-volume-passno /x", "1 rw-on-ro-volume /x"), ids(r));
    assertEquals(
        List.of("mode-sense-wp", "fstab-vs-mounts"),
        r.checksSkipped().stream().map(Skipped::check).collect(Collectors.toList()));
    assertEquals(2, r.count(Severity.ERROR));
  }

  @Test
  void openbsdPartitionsFindTheirDisk() {
    List<Volume> v = List.of(vol("/dev/sd1", Volume.ReadOnly.YES));
    assertTrue(CrossCheck.volumeFor(v, "/dev/sd1a").isPresent());
    assertTrue(CrossCheck.volumeFor(v, "/dev/rsd1c").isPresent());
    assertFalse(CrossCheck.volumeFor(v, "/dev/sd10a").isPresent());
  }

  @Test
  void anMdArrayOverAWriteProtectedChunkOnLinuxGetsAnMdadmHintNotTheKit() {
    List<Volume> v = List.of(vol("/dev/md0", Volume.ReadOnly.NO, "/dev/sdb"), vol("/dev/sdb", Volume.ReadOnly.YES));
    Report r = CrossCheck.run("h", new CrossCheck.Views(null, null, v, null), List.of());
    assertEquals(List.of("0 wp-chunk-not-propagated /dev/md0"), ids(r));
    assertFalse(r.findings().get(0).message().contains("kit"), r.findings().get(0).message());
    assertTrue(r.findings().get(0).hint().contains("mdadm --readonly"), r.findings().get(0).hint());
  }

  static Volume mapper(String dev, String name, Volume.ReadOnly ro, String chunk) {
    return new Volume(dev, List.of("/dev/mapper/" + name), ro, Volume.Evidence.SYSFS_RO, List.of(chunk),
        List.of(new Volume.Reading(Volume.Evidence.SYSFS_RO, ro, ro == Volume.ReadOnly.YES ? "ro=1" : "ro=0")));
  }

  static Volume wpDisk(String dev) {
    return new Volume(dev, List.of(), Volume.ReadOnly.YES, Volume.Evidence.MODE_SENSE_WP, List.of(),
        List.of(new Volume.Reading(Volume.Evidence.SYSFS_RO, Volume.ReadOnly.YES, "ro=1"),
            new Volume.Reading(Volume.Evidence.MODE_SENSE_WP, Volume.ReadOnly.YES, "WP=1")));
  }

  @Test
  void aLuksMappingOpenedReadWriteOverAWriteProtectedDiskIsAnErrorWithTheCryptsetupFix() {
    List<Volume> v = List.of(mapper("/dev/dm-0", "vault", Volume.ReadOnly.NO, "/dev/sdc"), wpDisk("/dev/sdc"));
    Report r = CrossCheck.run("h", new CrossCheck.Views(null, null, v, null), List.of());
    assertEquals(List.of("0 rw-mapper-over-wp-chunk /dev/dm-0"), ids(r));
    assertEquals("device-mapper volume /dev/dm-0 (/dev/mapper/vault) is read-write (sysfs ro=0) over chunk /dev/sdc,"
        + " which is write-protected (sysfs ro=1, MODE SENSE WP=1)", r.findings().get(0).message());
    assertEquals("cryptsetup close vault; cryptsetup open --readonly /dev/sdc vault (LVM: lvchange --permission r)",
        r.findings().get(0).hint());
    List<Volume> ok = List.of(mapper("/dev/dm-0", "vault", Volume.ReadOnly.YES, "/dev/sdc"), wpDisk("/dev/sdc"));
    assertTrue(CrossCheck.run("h", new CrossCheck.Views(null, null, ok, null), List.of()).findings().isEmpty());
  }

  @Test
  void aWriteProtectedChunkTwoLayersDownIsFound() {
    List<Volume> v = List.of(
        mapper("/dev/dm-1", "lv", Volume.ReadOnly.NO, "/dev/dm-0"),
        mapper("/dev/dm-0", "vault", Volume.ReadOnly.YES, "/dev/sdc"), wpDisk("/dev/sdc"));
    assertEquals(List.of("0 rw-mapper-over-wp-chunk /dev/dm-1"),
        ids(CrossCheck.run("h", new CrossCheck.Views(null, null, v, null), List.of())));
  }

  @Test
  void aCycleOfChunksEnds() {
    List<Volume> v = List.of(
        mapper("/dev/dm-1", "a", Volume.ReadOnly.NO, "/dev/dm-0"), mapper("/dev/dm-0", "b", Volume.ReadOnly.NO,
            "/dev/dm-1"));
    assertTrue(CrossCheck.run("h", new CrossCheck.Views(null, null, v, null), List.of()).findings().isEmpty());
  }

  @Test
  void aReadWriteMountOverAWriteProtectedChunkIsAnError() throws Exception {
    // An md array not (yet) read-only: the mount on it writes through to the protected disk's neighbours.
    List<Volume> v = List.of(vol("/dev/md0", Volume.ReadOnly.NO, "/dev/sdc"), wpDisk("/dev/sdc"));
    MountTable m = MountTable.parseMountOutput("m", "/dev/md0 on /srv type ext4 (rw,relatime)\n".getBytes());
    Report r = CrossCheck.run("h", new CrossCheck.Views(null, m, v, null), List.of());
    assertEquals(List.of("0 wp-chunk-not-propagated /dev/md0", "0 rw-mount-over-wp-chunk /srv"), ids(r));
    assertEquals("mount -o remount,ro /srv", r.findings().get(1).hint());
  }

  @Test
  void remountHintsNameOnlyThisSystemsCommand() throws Exception {
    MountTable m = MountTable.parseMountOutput("m", "/dev/sd1a on /archive type ffs (local)\n".getBytes());
    List<Volume> v = List.of(vol("/dev/sd1", Volume.ReadOnly.YES));
    Report bsd = CrossCheck.run("h", new CrossCheck.Views(null, m, v, null, null, Dialect.OPENBSD), List.of());
    assertEquals("mount -u -o ro /archive", bsd.findings().get(0).hint());
    MountTable l = MountTable.parseMountOutput("m", "/dev/sdb on /archive type ext4 (rw)\n".getBytes());
    Report linux = CrossCheck.run("h",
        new CrossCheck.Views(null, l, List.of(vol("/dev/sdb", Volume.ReadOnly.YES)), null), List.of());
    assertEquals("mount -o remount,ro /archive", linux.findings().get(0).hint());
    assertFalse(linux.findings().get(0).hint().contains("-u"));
  }

  @Test
  void aDuplicateMountPointBlamesTheLineWhoseDeviceIsMounted() throws Exception {
    Fstab f = Fstab.parse("fstab",
        ("/dev/sda1 / ext4 defaults 0 1\n/dev/sdb1 /data ext4 ro 0 0\n/dev/sdc1 /data ext4 rw 0 0\n").getBytes(),
        Dialect.LINUX, null);
    MountTable m = MountTable.parseMountOutput("m",
        "/dev/sda1 on / type ext4 (rw)\n/dev/sdb1 on /data type ext4 (ro)\n".getBytes());
    Report r = CrossCheck.run("h", new CrossCheck.Views(f, m, List.of(), null), List.of());
    // Line 3 (sdc1, rw) is not what is mounted: comparing it with the ro mount of sdb1 would blame it wrongly.
    assertEquals(List.of("3 duplicate-mount-point /data"), ids(r));
  }

  @Test
  void aMountFromAnotherDeviceThanFstabSaysIsAWarningNotAComparison() throws Exception {
    Fstab f = Fstab.parse("fstab", "/dev/sdb1 /data ext4 rw 0 2\n".getBytes(), Dialect.LINUX, null);
    MountTable m = MountTable.parseMountOutput("m", "/dev/sdx9 on /data type ext4 (ro)\n".getBytes());
    Report r = CrossCheck.run("h", new CrossCheck.Views(f, m, List.of(), null), List.of());
    assertEquals(List.of("1 mounted-from-other-device /data"), ids(r));
    assertEquals("/data is mounted from /dev/sdx9, not from /dev/sdb1 as fstab says", r.findings().get(0).message());
  }

  @Test
  void anEntryWhoseSpecCannotBeResolvedIsStillComparedByMountPoint() throws Exception {
    Fstab f = Fstab.parse("fstab", "LABEL=data /data ext4 rw 0 0\n".getBytes(), Dialect.LINUX, null);
    MountTable m = MountTable.parseMountOutput("m", "/dev/sdb1 on /data type ext4 (ro)\n".getBytes());
    assertEquals(List.of("1 fstab-rw-mounted-ro /data"),
        ids(CrossCheck.run("h", new CrossCheck.Views(f, m, List.of(), null), List.of())));
  }
}
