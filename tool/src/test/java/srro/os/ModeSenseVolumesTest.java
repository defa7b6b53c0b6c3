package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import srro.check.DeviceRefusal;
import srro.check.Skipped;
import srro.mounts.Volume;
import srro.probe.CannedDevice;
import srro.probe.IoctlFailedException;
import srro.probe.Probe;
import srro.scsi.transport.OpenMode;
import srro.scsi.transport.Outcome;

class ModeSenseVolumesTest {
  private static Volume sysfs(String dev, Volume.ReadOnly ro) {
    return new Volume(dev, List.of(), ro, Volume.Evidence.SYSFS_RO, List.of());
  }

  private static VolumeSource base(Volume... v) {
    return () -> new VolumeSource.Reading(List.of(v), List.of(new Skipped("mode-sense-wp", "from the base")));
  }

  private static CannedDevice disk(String path, int deviceSpecific) {
    return new CannedDevice(path, new OpenMode(true, ""), Map.of(
        CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
        CannedDevice.MODE_SENSE_6, CannedDevice.modeHeader6(deviceSpecific)), List.of());
  }

  @Test
  void theWpBitMakesAVolumeReadOnlyEvenWhenTheKernelSaysWritable() throws Exception {
    VolumeSource.Reading r = new ModeSenseVolumes(base(sysfs("/dev/sda", Volume.ReadOnly.NO)),
        Set.of("/dev/sda")::contains,
        path -> disk(path, 0x80)).read();
    assertEquals(List.of(new Volume("/dev/sda", List.of(), Volume.ReadOnly.YES, Volume.Evidence.MODE_SENSE_WP,
        List.of(), List.of(new Volume.Reading(Volume.Evidence.SYSFS_RO, Volume.ReadOnly.NO, ""),
            new Volume.Reading(Volume.Evidence.MODE_SENSE_WP, Volume.ReadOnly.YES, "WP=1")))), r.volumes());
    assertEquals(List.of(), r.skipped());
  }

  @Test
  void wpClearAndKernelWritableIsWritableByModeSense() throws Exception {
    VolumeSource.Reading r = new ModeSenseVolumes(base(sysfs("/dev/sdb", Volume.ReadOnly.NO)),
        Set.of("/dev/sdb")::contains,
        path -> disk(path, 0x00)).read();
    assertEquals(Volume.ReadOnly.NO, r.volumes().get(0).readOnly());
    assertEquals(Volume.Evidence.MODE_SENSE_WP, r.volumes().get(0).evidence());
  }

  @Test
  void kernelReadOnlyWithWpClearStaysReadOnlyOnTheKernelsWord() throws Exception {
    VolumeSource.Reading r = new ModeSenseVolumes(base(sysfs("/dev/sdb", Volume.ReadOnly.YES)),
        Set.of("/dev/sdb")::contains, path -> disk(path, 0x00)).read();
    Volume v = r.volumes().get(0);
    assertEquals(Volume.ReadOnly.YES, v.readOnly());
    assertEquals(Volume.Evidence.SYSFS_RO, v.evidence());
    assertEquals(List.of(new Volume.Reading(Volume.Evidence.SYSFS_RO, Volume.ReadOnly.YES, ""),
        new Volume.Reading(Volume.Evidence.MODE_SENSE_WP, Volume.ReadOnly.NO, "WP=0")), v.readings(),
        "both layers are kept: the kernel's ro and the disk's clear WP bit");
  }

  @Test
  void theControlPagesSwpBitMakesAVolumeReadOnlyWhenTheWpBitDoesNot() throws Exception {
    VolumeSource.Reading r = new ModeSenseVolumes(base(sysfs("/dev/sdc", Volume.ReadOnly.NO)),
        Set.of("/dev/sdc")::contains,
        path -> new CannedDevice(path, new OpenMode(true, ""), Map.of(
            CannedDevice.INQUIRY, CannedDevice.inquiry(0, Probe.INQUIRY_LENGTH),
            CannedDevice.MODE_SENSE_6, CannedDevice.modeWithControlPage6(0x00, 0x08)), List.of())).read();
    assertEquals(List.of(new Volume("/dev/sdc", List.of(), Volume.ReadOnly.YES, Volume.Evidence.CONTROL_PAGE_SWP,
        List.of(), List.of(new Volume.Reading(Volume.Evidence.SYSFS_RO, Volume.ReadOnly.NO, ""),
            new Volume.Reading(Volume.Evidence.MODE_SENSE_WP, Volume.ReadOnly.NO, "WP=0"),
            new Volume.Reading(Volume.Evidence.CONTROL_PAGE_SWP, Volume.ReadOnly.YES, "SWP=1")))), r.volumes());
  }

  @Test
  void aDiskThatCannotBeOpenedIsSaidNotCheckedAndKeepsTheKernelsAnswer() throws Exception {
    Volume v = sysfs("/dev/sda", Volume.ReadOnly.NO);
    VolumeSource.Reading r = new ModeSenseVolumes(base(v, sysfs("/dev/loop0", Volume.ReadOnly.YES)),
        Set.of("/dev/sda")::contains, path -> {
          throw new OsCallException("open " + path, 13, "EACCES", "permission denied");
        }).read();
    assertEquals(List.of(v, sysfs("/dev/loop0", Volume.ReadOnly.YES)), r.volumes());
    assertEquals(List.of(new Skipped("mode-sense-wp", "/dev/sda: open /dev/sda: permission denied (EACCES)")),
        r.skipped());
  }

  @Test
  void noScsiDisksIsSaidAndNothingIsOpened() throws Exception {
    VolumeSource.Reading r = new ModeSenseVolumes(base(sysfs("/dev/vda", Volume.ReadOnly.NO)), Set.of()::contains,
        path -> {
          throw new AssertionError("opened " + path);
        }).read();
    assertEquals(List.of(new Skipped("mode-sense-wp", "no SCSI disks on this machine")), r.skipped());
  }

  private static CannedDevice answering(String path, srro.scsi.transport.Reply reply) {
    return new CannedDevice(path, new OpenMode(true, ""), Map.of(CannedDevice.INQUIRY, reply), List.of());
  }

  @Test
  void aDiskThatRefusesACommandIsARefusalWithProbesLineNotASkip() throws Exception {
    Volume v = sysfs("/dev/sda", Volume.ReadOnly.NO);
    VolumeSource.Reading r = new ModeSenseVolumes(base(v), Set.of("/dev/sda")::contains,
        path -> answering(path, CannedDevice.illegalRequest(0x20))).read();
    assertEquals(List.of(v), r.volumes());
    assertEquals(List.of(), r.skipped());
    assertEquals(1, r.refused().size());
    DeviceRefusal d = r.refused().get(0);
    assertEquals("/dev/sda", d.volume());
    assertEquals("/dev/sda: INQUIRY failed at the scsi_status layer (CHECK_CONDITION): check condition: ILLEGAL"
        + " REQUEST: Invalid command operation code (asc 0x20, ascq 0x00)", d.message());
    assertEquals(Outcome.Layer.SCSI_STATUS, d.failure().layer());
  }

  @Test
  void aPassThroughIoctlThatFailsEndsTheRead() {
    IoctlFailedException e = assertThrows(IoctlFailedException.class,
        () -> new ModeSenseVolumes(base(sysfs("/dev/sda", Volume.ReadOnly.NO)), Set.of("/dev/sda")::contains,
            path -> answering(path, CannedDevice.errno(5, "EIO"))).read());
    assertEquals("/dev/sda: INQUIRY: the pass-through ioctl failed (EIO)", e.getMessage());
  }

  @Test
  void aPassThroughIoctlThisUserMayNotMakeIsNotChecked() throws Exception {
    VolumeSource.Reading r = new ModeSenseVolumes(base(sysfs("/dev/sda", Volume.ReadOnly.NO)),
        Set.of("/dev/sda")::contains, path -> answering(path, CannedDevice.errno(1, "EPERM"))).read();
    assertEquals(List.of(new Skipped("mode-sense-wp", "/dev/sda: /dev/sda: INQUIRY: the pass-through ioctl failed"
        + " (EPERM): permission denied (not root?)")), r.skipped());
    assertEquals(List.of(), r.refused());
  }

  @Test
  void anOpenThatFailsWithAnUnexpectedErrnoEndsTheRead() {
    OsCallException e = assertThrows(OsCallException.class,
        () -> new ModeSenseVolumes(base(sysfs("/dev/sda", Volume.ReadOnly.NO)), Set.of("/dev/sda")::contains,
            path -> {
              throw new OsCallException("open " + path + " O_RDONLY", 6, "ENXIO", "device not configured");
            }).read());
    assertEquals("open /dev/sda O_RDONLY: device not configured (ENXIO)", e.getMessage());
  }

  @Test
  void nativeCallsThatCannotBeLoadedAreNotChecked() throws Exception {
    VolumeSource.Reading r = new ModeSenseVolumes(base(sysfs("/dev/sda", Volume.ReadOnly.NO)),
        Set.of("/dev/sda")::contains, path -> {
          throw new OsCallException("load native POSIX", 0, "ENOSYS", "no jffi stub");
        }).read();
    assertEquals(List.of(new Skipped("mode-sense-wp", "/dev/sda: load native POSIX: no jffi stub (ENOSYS)")),
        r.skipped());
  }
}
