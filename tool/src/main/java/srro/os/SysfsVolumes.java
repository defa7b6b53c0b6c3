package srro.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import srro.check.Skipped;
import srro.mounts.Volume;

/**
 * Linux block devices from sysfs: {@code /sys/class/block/NAME/ro} is the block layer's read-only flag (the
 * value BLKROGET returns, readable without privileges), for whole disks and partitions alike;
 * {@code dm/name} gives the {@code /dev/mapper} alias and {@code slaves/} the devices a device-mapper or md volume
 * is built from. Devices of size 0 (unattached loop devices, empty drives) are left out. No device is opened.
 */
public final class SysfsVolumes implements VolumeSource {
  private final Path classBlock;
  private final Path dev;

  public SysfsVolumes(Path sysRoot, Path devRoot) {
    this.classBlock = sysRoot.resolve("class/block");
    this.dev = devRoot;
  }

  /** True when this machine has sysfs block devices. */
  public static boolean available(Path sysRoot) {
    return Files.isDirectory(sysRoot.resolve("class/block"));
  }

  @Override
  public Reading read() throws IOException {
    TreeMap<String, Volume> volumes = new TreeMap<>();
    List<Skipped> skipped = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(classBlock)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if ("0".equals(read(p.resolve("size")))) {
          continue; // no medium: an unattached loop device, an empty drive
        }
        String ro = read(p.resolve("ro"));
        Volume.ReadOnly state =
            ro == null ? Volume.ReadOnly.UNKNOWN : ro.equals("1") ? Volume.ReadOnly.YES : Volume.ReadOnly.NO;
        List<String> aliases = new ArrayList<>();
        String dm = read(p.resolve("dm/name"));
        if (dm != null && !dm.isEmpty()) {
          aliases.add(dev.resolve("mapper").resolve(dm).toString());
        }
        List<String> chunks = new ArrayList<>();
        if (Files.isDirectory(p.resolve("slaves"))) {
          try (DirectoryStream<Path> s = Files.newDirectoryStream(p.resolve("slaves"))) {
            for (Path c : s) {
              chunks.add(dev.resolve(c.getFileName().toString()).toString());
            }
          }
        }
        chunks.sort(null);
        String device = dev.resolve(name).toString();
        volumes.put(
            device,
            ro == null
                ? new Volume(device, aliases, state, Volume.Evidence.NONE, chunks)
                : new Volume(device, aliases, state, Volume.Evidence.SYSFS_RO, chunks,
                    List.of(new Volume.Reading(Volume.Evidence.SYSFS_RO, state, "ro=" + ro))));
      }
    }
    return new Reading(new ArrayList<>(volumes.values()), skipped);
  }

  /**
   * The whole-disk devices ({@code /dev/sda}) that are SCSI disks, from {@code /sys/class/scsi_disk/H:C:T:L/
   * device/block/NAME}: the ones MODE SENSE can be asked.
   */
  public Set<String> scsiDisks() throws IOException {
    Set<String> out = new TreeSet<>();
    Path scsi = classBlock.getParent().resolve("scsi_disk");
    if (!Files.isDirectory(scsi)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(scsi)) {
      for (Path disk : s) {
        Path block = disk.resolve("device/block");
        if (Files.isDirectory(block)) {
          try (DirectoryStream<Path> b = Files.newDirectoryStream(block)) {
            for (Path name : b) {
              out.add(dev.resolve(name.getFileName().toString()).toString());
            }
          }
        }
      }
    }
    return out;
  }

  private static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return null;
    }
  }
}
