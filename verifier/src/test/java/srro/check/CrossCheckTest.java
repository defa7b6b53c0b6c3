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
    Report r = CrossCheck.run("h", new CrossCheck.Views(null, null, v, null), List.of());
    assertEquals(List.of("0 wp-chunk-not-propagated /dev/sd2"), ids(r));
    assertTrue(r.findings().get(0).message().endsWith("(kit not applied?)"));
    List<Volume> ok =
        List.of(vol("/dev/sd2", Volume.ReadOnly.YES, "/dev/sd1a"), vol("/dev/sd1", Volume.ReadOnly.YES));
    assertTrue(CrossCheck.run("h", new CrossCheck.Views(null, null, ok, null), List.of()).findings().isEmpty());
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
}
