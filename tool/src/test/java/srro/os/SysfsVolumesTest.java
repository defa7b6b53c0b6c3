package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.check.CrossCheck;
import srro.check.Report;
import srro.mounts.Volume;

/** A fake sysfs tree (device-mapper is not in this machine's kernel, so its slaves are shown here). */
class SysfsVolumesTest {
  @TempDir Path sys;

  private void dev(String name, String ro) throws Exception {
    Path d = Files.createDirectories(sys.resolve("class/block").resolve(name));
    if (ro != null) {
      Files.writeString(d.resolve("ro"), ro + "\n");
    }
  }

  @Test
  void readsRoFlagsMapperNamesAndSlaves() throws Exception {
    dev("loop0", "1");
    dev("sda", "0");
    dev("dm-0", "0");
    dev("weird", null);
    dev("loop7", "1");
    Files.writeString(sys.resolve("class/block/loop7/size"), "0\n");
    Path dm = sys.resolve("class/block/dm-0");
    Files.createDirectories(dm.resolve("dm"));
    Files.writeString(dm.resolve("dm/name"), "vault\n");
    Files.createDirectories(dm.resolve("slaves/loop0"));
    VolumeSource.Reading r = new SysfsVolumes(sys, Path.of("/dev")).read();
    List<Volume> v = r.volumes();
    assertEquals(List.of("/dev/dm-0", "/dev/loop0", "/dev/sda", "/dev/weird"), v.stream().map(Volume::device).toList());
    assertEquals(List.of("/dev/mapper/vault"), v.get(0).aliases());
    assertEquals(List.of("/dev/loop0"), v.get(0).chunks());
    assertEquals(Volume.ReadOnly.YES, v.get(1).readOnly());
    assertEquals(Volume.Evidence.SYSFS_RO, v.get(1).evidence());
    assertEquals(Volume.ReadOnly.UNKNOWN, v.get(3).readOnly());
    assertEquals(List.of(), r.skipped());
    Report rep = CrossCheck.run("h", new CrossCheck.Views(null, null, v, null), List.of());
    assertEquals("rw-mapper-over-wp-chunk", rep.findings().get(0).id());
    assertEquals(List.of(new Volume.Reading(Volume.Evidence.SYSFS_RO, Volume.ReadOnly.YES, "ro=1")),
        v.get(1).readings());
  }

  @Test
  void namesTheScsiDisksModeSenseCanBeAsked() throws Exception {
    dev("sda", "0");
    dev("sda1", "0");
    dev("loop0", "0");
    Files.createDirectories(sys.resolve("class/scsi_disk/0:0:0:0/device/block/sda"));
    Files.createDirectories(sys.resolve("class/scsi_disk/2:0:0:0/device"));
    assertEquals(java.util.Set.of("/dev/sda"), new SysfsVolumes(sys, Path.of("/dev")).scsiDisks());
  }

  @Test
  void readsThisMachinesSysfsWithoutPrivileges() throws Exception {
    if (SysfsVolumes.available(Path.of("/sys"))) {
      assertTrue(!new SysfsVolumes(Path.of("/sys"), Path.of("/dev")).read().volumes().isEmpty());
    }
  }
}
