package srro.cli.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import srro.check.Skipped;
import srro.cli.CliRun;
import srro.cli.JsonContract;
import srro.mounts.MountTable;
import srro.mounts.Volume;
import srro.os.Host;
import srro.os.OsCallException;
import srro.os.Platform;
import srro.os.SpecResolver;
import srro.os.VolumeSource;
import srro.scsi.transport.ScsiDevice;
import org.junit.jupiter.api.Test;

/** srro probe of a device-mapper node: the stack as check reads it, never an SG_IO to the mapping. */
class StackProbeTest {
  /** A Linux host whose volumes are these; opening a device for SCSI fails the test. */
  record Machine(List<Volume> volumes) implements Host {
    @Override
    public Os os() {
      return Os.LINUX;
    }

    @Override
    public String osName() {
      return "Linux";
    }

    @Override
    public ScsiDevice openScsi(String path, Platform.Access access) throws OsCallException {
      throw new AssertionError("a mapping is not sent SCSI commands: " + path);
    }

    @Override
    public MountTable mounts(List<Skipped> skipped) {
      return null;
    }

    @Override
    public VolumeSource.Reading volumes(List<Skipped> skipped) {
      return new VolumeSource.Reading(volumes, List.of());
    }

    @Override
    public SpecResolver resolver() {
      return new SpecResolver(java.nio.file.Path.of("/dev"), java.util.Map.of());
    }
  }

  static Volume mapper(Volume.ReadOnly ro) {
    return new Volume("/dev/dm-0", List.of("/dev/mapper/vault"), ro, Volume.Evidence.SYSFS_RO, List.of("/dev/sdc"),
        List.of(new Volume.Reading(Volume.Evidence.SYSFS_RO, ro, ro == Volume.ReadOnly.YES ? "ro=1" : "ro=0")));
  }

  static final Volume WP_DISK = new Volume("/dev/sdc", List.of(), Volume.ReadOnly.YES, Volume.Evidence.MODE_SENSE_WP,
      List.of(), List.of(new Volume.Reading(Volume.Evidence.SYSFS_RO, Volume.ReadOnly.YES, "ro=1"),
          new Volume.Reading(Volume.Evidence.MODE_SENSE_WP, Volume.ReadOnly.YES, "WP=1")));

  @Test
  void aReadOnlyMappingOverAWriteProtectedDiskIsReadOnlyAtEveryLayer() {
    CliRun r = CliRun.on(new Machine(List.of(mapper(Volume.ReadOnly.YES), WP_DISK)), "probe", "/dev/mapper/vault");
    assertEquals(0, r.status(), r.toString());
    assertEquals("/dev/mapper/vault: device-mapper volume /dev/dm-0 (/dev/mapper/vault): read-only (sysfs ro=1)\n"
        + "/dev/mapper/vault:   on chunk /dev/sdc: read-only (sysfs ro=1, MODE SENSE WP=1)\n"
        + "/dev/mapper/vault: verdict: read-only: the mapping refuses writes (sysfs ro), over write-protected"
        + " chunks\n", r.out());
  }

  @Test
  void aReadWriteMappingOverAWriteProtectedDiskIsFlaggedAndExitsOne() {
    CliRun r = CliRun.on(new Machine(List.of(mapper(Volume.ReadOnly.NO), WP_DISK)), "probe", "/dev/dm-0");
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.out().contains("/dev/dm-0: E device-mapper volume /dev/dm-0 (/dev/mapper/vault) is read-write"
        + " (sysfs ro=0) over chunk /dev/sdc, which is write-protected (sysfs ro=1, MODE SENSE WP=1)"
        + " [rw-mapper-over-wp-chunk]\n/dev/dm-0:   fix: cryptsetup close vault; cryptsetup open --readonly /dev/sdc"
        + " vault"), r.out());
    assertTrue(r.out().endsWith("/dev/dm-0: verdict: layers disagree: the mapping is read-write over a"
        + " write-protected chunk\n"), r.out());
  }

  @Test
  void theJsonIsAProbeDocumentWithTheStack() {
    CliRun r = CliRun.on(new Machine(List.of(mapper(Volume.ReadOnly.NO), WP_DISK)), "probe", "--json",
        "/dev/mapper/vault");
    assertEquals(1, r.status(), r.toString());
    var doc = JsonContract.validate(r).get(0).get("devices").get(0);
    assertEquals("disagree", doc.get("verdict").asText());
    assertEquals("rw-mapper-over-wp-chunk", doc.get("stack").get("findings").get(0).get("id").asText());
    assertEquals("WP=1", doc.get("stack").get("chunks").get(0).get("readings").get(1).get("detail").asText());
  }
}
