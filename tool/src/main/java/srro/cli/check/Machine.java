package srro.cli.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import srro.MalformedInputException;
import srro.check.Skipped;
import srro.mounts.MountTable;
import srro.os.ChildProcess;
import srro.os.OpenBsdMounts;
import srro.os.OpenBsdVolumes;
import srro.os.OsCallException;
import srro.os.Platform;
import srro.os.SpecResolver;
import srro.os.SysfsVolumes;
import srro.os.VolumeSource;

/**
 * The machine {@code srro check} runs on, as it reads it: the mount table, the volumes (with the disks' own
 * MODE SENSE WP bit asked where the OS lets SCSI commands through) and the names fstab may give them. One
 * implementation per OS, picked by {@link #current()}; tests hand in a machine of their own. Whatever cannot be
 * read is added to {@code skipped} with the reason, never thrown.
 */
interface Machine {

  /** The mount table, or null when none could be read. */
  MountTable mounts(List<Skipped> skipped) throws IOException, MalformedInputException;

  /** The volumes, or null when there is no source for them here. */
  VolumeSource.Reading volumes(List<Skipped> skipped);

  /** Turns fstab specs into the device paths volumes are named by; OpenBSD's DUIDs are known after volumes(). */
  SpecResolver resolver();

  /** This machine, by what the OS offers: sysfs (Linux), OpenBSD, or a mount(8) to run. */
  static Machine current() {
    if (SysfsVolumes.available(Path.of("/sys"))) {
      return new Linux();
    }
    if (System.getProperty("os.name", "").equalsIgnoreCase("OpenBSD")) {
      return new OpenBsd(OpenBsdVolumes::thisMachine, OpenBsdMounts::read,
          raw -> Platform.current().openScsi(raw, Platform.Access.READ_ONLY));
    }
    return new Other();
  }

  /** Reads a source's volumes, or says why it could not. */
  static VolumeSource.Reading read(VolumeSource src, List<Skipped> skipped) {
    try {
      VolumeSource.Reading r = src.read();
      skipped.addAll(r.skipped());
      return r;
    } catch (IOException e) {
      skipped.add(new Skipped("volumes", "cannot read the volumes: " + e.getMessage()));
      return null;
    }
  }

  /** mount(8)'s output, for systems without a better source. */
  static MountTable mountOutput(List<Skipped> skipped, String why) throws MalformedInputException {
    byte[] out = ChildProcess.stdout(MountTable.MAX_BYTES + 1, "mount");
    if (out == null) {
      skipped.add(new Skipped("mounts", why + " and mount(8) did not run"));
      return null;
    }
    return MountTable.parseMountOutput("mount(8) output", out);
  }

  /** Linux: /proc/self/mountinfo, sysfs, SG_IO. */
  final class Linux implements Machine {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    @Override
    public MountTable mounts(List<Skipped> skipped) throws IOException, MalformedInputException {
      if (Files.isReadable(MOUNTINFO)) {
        try (InputStream in = Files.newInputStream(MOUNTINFO)) {
          return MountTable.parseMountinfo(MOUNTINFO.toString(), in.readNBytes(MountTable.MAX_BYTES + 1));
        } catch (IOException e) {
          // fall through to mount(8)
        }
      }
      return mountOutput(skipped, "no readable " + MOUNTINFO);
    }

    @Override
    public VolumeSource.Reading volumes(List<Skipped> skipped) {
      SysfsVolumes sysfs = new SysfsVolumes(Path.of("/sys"), Path.of("/dev"));
      try {
        return read(new ModeSenseVolumes(sysfs, sysfs.scsiDisks()::contains,
            path -> Platform.current().openScsi(path, Platform.Access.READ_ONLY)), skipped);
      } catch (IOException e) {
        skipped.add(new Skipped("volumes", "cannot read the volumes: " + e.getMessage()));
        return null;
      }
    }

    @Override
    public SpecResolver resolver() {
      return new SpecResolver(Path.of("/dev"), Map.of());
    }
  }

  /** OpenBSD: getfsstat(2), hw.disknames, the bio(4) ioctls, the attach lines, SCIOCCOMMAND. */
  final class OpenBsd implements Machine {
    /** getfsstat(2), which needs JNR. */
    @FunctionalInterface
    interface Mounts {
      MountTable read() throws OsCallException, MalformedInputException;
    }

    private final Supplier<OpenBsdVolumes> source;
    private final Mounts mounts;
    private final ModeSenseVolumes.Opener opener;
    private OpenBsdVolumes volumes;

    /**
     * {@code source} is asked when the volumes are read: building it loads JNR, which --help must not.
     * {@code opener} is handed the raw whole-disk node (/dev/rsd1c for /dev/sd1), where SCIOCCOMMAND goes.
     */
    OpenBsd(Supplier<OpenBsdVolumes> source, Mounts mounts, ModeSenseVolumes.Opener opener) {
      this.source = source;
      this.mounts = mounts;
      this.opener = opener;
    }

    @Override
    public MountTable mounts(List<Skipped> skipped) throws MalformedInputException {
      try {
        return mounts.read();
      } catch (OsCallException e) {
        return mountOutput(skipped, "getfsstat(2) failed (" + e.getMessage() + ")");
      }
    }

    @Override
    public VolumeSource.Reading volumes(List<Skipped> skipped) {
      volumes = source.get();
      return read(new ModeSenseVolumes(volumes, OpenBsdVolumes::isScsiDisk,
          disk -> opener.open(OpenBsdVolumes.rawDevice(disk))), skipped);
    }

    @Override
    public SpecResolver resolver() {
      return new SpecResolver(Path.of("/dev"), volumes == null ? Map.of() : volumes.duids());
    }
  }

  /** Anything else: mount(8) only, no volumes. */
  final class Other implements Machine {
    @Override
    public MountTable mounts(List<Skipped> skipped) throws MalformedInputException {
      return mountOutput(skipped, "no /proc/self/mountinfo");
    }

    @Override
    public VolumeSource.Reading volumes(List<Skipped> skipped) {
      skipped.add(new Skipped("volumes", "no volume source for " + System.getProperty("os.name")));
      return null;
    }

    @Override
    public SpecResolver resolver() {
      return new SpecResolver(Path.of("/dev"), Map.of());
    }
  }
}
