package srro.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import srro.MalformedInputException;
import srro.check.Skipped;
import srro.fstab.Dialect;
import srro.fstab.MachineFacts;
import srro.mounts.MountTable;
import srro.probe.IoctlFailedException;
import srro.scsi.transport.ScsiDevice;

/**
 * Every fact srro takes from the machine it runs on, behind one seam: which OS it is ({@code os.name} and
 * {@code os.arch}, read once, in {@link #current()}), how a device is opened for SCSI pass-through, the mount
 * table, the volumes (with the disks' own MODE SENSE WP bit asked where the OS lets SCSI commands through) and
 * the names fstab may give them. One implementation per OS; commands are handed a Host, and tests hand in one of
 * their own. Whatever cannot be read is added to {@code skipped} with the reason, never thrown; only an OS call
 * that fails on a disk being asked ends the run, as it ends {@code srro probe}.
 */
public interface Host {

  /** The operating systems srro knows apart. */
  enum Os {
    LINUX,
    OPENBSD,
    OTHER;

    /** The OS by its {@code os.name}. */
    public static Os named(String osName) {
      return switch (osName.toLowerCase(Locale.ROOT)) {
        case "linux" -> LINUX;
        case "openbsd" -> OPENBSD;
        default -> OTHER;
      };
    }
  }

  /** Opens a device node for SCSI pass-through. */
  @FunctionalInterface
  interface Opener {
    ScsiDevice open(String path, Platform.Access access) throws OsCallException, IOException;
  }

  /** Which OS this is. */
  Os os();

  /** The OS's own name for itself ({@code os.name}), for messages. */
  String osName();

  /** Opens {@code path} for SCSI pass-through with {@code access}; loads JNR on first use. */
  ScsiDevice openScsi(String path, Platform.Access access) throws OsCallException, IOException;

  /** The mount table, or null when none could be read. */
  MountTable mounts(List<Skipped> skipped) throws IOException, MalformedInputException;

  /**
   * The volumes, or null when there is no source for them here. Throws when an OS call on a disk failed (the
   * open with an unexpected errno, the pass-through ioctl): exit 71, as in {@code srro probe}.
   */
  VolumeSource.Reading volumes(List<Skipped> skipped) throws OsCallException, IoctlFailedException;

  /** Turns fstab specs into the device paths volumes are named by; OpenBSD's DUIDs are known after volumes(). */
  SpecResolver resolver();

  /**
   * What fstab's names (specs, mount points, file system types) are on this machine, as findmnt --verify
   * looks them up; {@link MachineFacts#NONE} where srro cannot ask.
   */
  default MachineFacts fstabNames() {
    return MachineFacts.NONE;
  }

  /** The dialect of fstab files that give no hint of their own. */
  default Dialect fstabDialect() {
    return os() == Os.OPENBSD ? Dialect.OPENBSD : Dialect.LINUX;
  }

  /** This machine, by what the OS offers: sysfs (Linux), OpenBSD, or a mount(8) to run. */
  static Host current() {
    String name = System.getProperty("os.name", "");
    Os os = Os.named(name);
    Opener opener = new PlatformOpener(os, name);
    if (SysfsVolumes.available(Path.of("/sys"))) {
      return new Linux(opener);
    }
    if (os == Os.OPENBSD) {
      String arch = System.getProperty("os.arch", "");
      return new OpenBsd(() -> OpenBsdVolumes.thisMachine(arch), OpenBsdMounts::read, opener);
    }
    return new Other(os, name, opener);
  }

  /**
   * Opens through this OS's {@link Platform}, made when a device is first opened. A class, not a lambda: the
   * first lambda a JVM links costs about 8 ms of CPU, and {@code srro --version} would link only this one.
   */
  record PlatformOpener(Os os, String name) implements Opener {
    @Override
    public ScsiDevice open(String path, Platform.Access access) throws OsCallException, IOException {
      return Platform.of(os, name).openScsi(path, access);
    }
  }

  /** Reads a source's volumes, or says why it could not; a failed OS call on a disk is thrown. */
  static VolumeSource.Reading read(VolumeSource src, List<Skipped> skipped)
      throws OsCallException, IoctlFailedException {
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

  /** What every OS's Host holds: which OS it is and how it opens a device. */
  abstract sealed class Machine implements Host permits Linux, OpenBsd, Other {
    private final Os os;
    private final String osName;
    final Opener opener;

    Machine(Os os, String osName, Opener opener) {
      this.os = Objects.requireNonNull(os, "os");
      this.osName = Objects.requireNonNull(osName, "osName");
      this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public final Os os() {
      return os;
    }

    @Override
    public final String osName() {
      return osName;
    }

    @Override
    public final ScsiDevice openScsi(String path, Platform.Access access) throws OsCallException, IOException {
      return opener.open(path, access);
    }
  }

  /** Linux: /proc/self/mountinfo, sysfs, SG_IO. */
  final class Linux extends Machine {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    Linux(Opener opener) {
      super(Os.LINUX, "Linux", opener);
    }

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
    public VolumeSource.Reading volumes(List<Skipped> skipped) throws OsCallException, IoctlFailedException {
      SysfsVolumes sysfs = new SysfsVolumes(Path.of("/sys"), Path.of("/dev"));
      try {
        return read(new ModeSenseVolumes(sysfs, sysfs.scsiDisks()::contains,
            path -> opener.open(path, Platform.Access.READ_ONLY)), skipped);
      } catch (IOException e) {
        skipped.add(new Skipped("volumes", "cannot read the volumes: " + e.getMessage()));
        return null;
      }
    }

    @Override
    public SpecResolver resolver() {
      return new SpecResolver(Path.of("/dev"), Map.of());
    }

    @Override
    public MachineFacts fstabNames() {
      return FstabNames.linux(resolver());
    }
  }

  /** OpenBSD: getfsstat(2), hw.disknames, the bio(4) ioctls, the attach lines, SCIOCCOMMAND. */
  final class OpenBsd extends Machine {
    /** getfsstat(2), which needs JNR. */
    @FunctionalInterface
    public interface Mounts {
      MountTable read() throws OsCallException, MalformedInputException;
    }

    private final Supplier<OpenBsdVolumes> source;
    private final Mounts mounts;
    private final BiFunction<SpecResolver, Boolean, MachineFacts> names;
    private OpenBsdVolumes volumes;

    /**
     * {@code source} is asked when the volumes are read: building it loads JNR, which --help must not. For
     * MODE SENSE, {@code opener} is handed the raw whole-disk node (/dev/rsd1c for /dev/sd1), where
     * SCIOCCOMMAND goes.
     */
    public OpenBsd(Supplier<OpenBsdVolumes> source, Mounts mounts, Opener opener) {
      this(source, mounts, opener, FstabNames::openBsd);
    }

    /**
     * As above, with {@code names} building the lookups of fstab's names from the resolver and whether it knows
     * the DUIDs yet (tests hand in a machine of their own: the real one stats this machine's /dev and /sbin).
     */
    public OpenBsd(Supplier<OpenBsdVolumes> source, Mounts mounts, Opener opener,
        BiFunction<SpecResolver, Boolean, MachineFacts> names) {
      super(Os.OPENBSD, "OpenBSD", opener);
      this.source = source;
      this.mounts = mounts;
      this.names = names;
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
    public VolumeSource.Reading volumes(List<Skipped> skipped) throws OsCallException, IoctlFailedException {
      volumes = source.get();
      return read(new ModeSenseVolumes(volumes, OpenBsdVolumes::isScsiDisk,
          disk -> opener.open(OpenBsdVolumes.rawDevice(disk), Platform.Access.READ_ONLY)), skipped);
    }

    @Override
    public SpecResolver resolver() {
      return new SpecResolver(Path.of("/dev"), volumes == null ? Map.of() : volumes.duids());
    }

    /** DUIDs are resolved once volumes() has read hw.disknames; before that they are not asked. */
    @Override
    public MachineFacts fstabNames() {
      return names.apply(resolver(), volumes != null);
    }
  }

  /** Anything else (or Linux without sysfs): mount(8) only, no volumes. */
  final class Other extends Machine {
    /** {@code opener} is what {@link #openScsi} uses (tests hand in scripted devices here). */
    public Other(Os os, String osName, Opener opener) {
      super(os, osName, opener);
    }

    @Override
    public MountTable mounts(List<Skipped> skipped) throws MalformedInputException {
      return mountOutput(skipped, "no /proc/self/mountinfo");
    }

    @Override
    public VolumeSource.Reading volumes(List<Skipped> skipped) {
      skipped.add(new Skipped("volumes", "no volume source for " + osName()));
      return null;
    }

    @Override
    public SpecResolver resolver() {
      return new SpecResolver(Path.of("/dev"), Map.of());
    }
  }
}
