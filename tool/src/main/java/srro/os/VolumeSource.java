package srro.os;

import java.io.IOException;
import java.util.List;
import srro.check.DeviceRefusal;
import srro.check.Skipped;
import srro.mounts.Volume;
import srro.probe.IoctlFailedException;

/**
 * Where {@code srro check} learns which volumes are read-only. The Linux source reads sysfs; the OpenBSD one runs
 * sysctl(8) and bioctl(8); {@link ModeSenseVolumes} adds what the disks say to MODE SENSE. Each source says what
 * it could not check; a disk that refused a command is a {@link DeviceRefusal}, not a skip.
 */
public interface VolumeSource {
  /** The volumes found, the checks this source could not make with the reason, and the disks that said no. */
  record Reading(List<Volume> volumes, List<Skipped> skipped, List<DeviceRefusal> refused) {
    public Reading {
      volumes = List.copyOf(volumes);
      skipped = List.copyOf(skipped);
      refused = List.copyOf(refused);
    }

    /** A reading in which no disk refused a command. */
    public Reading(List<Volume> volumes, List<Skipped> skipped) {
      this(volumes, skipped, List.of());
    }
  }

  /**
   * Reads the volumes. An {@link IOException} means this source could not be read (the caller says so and goes
   * on); an OS call or pass-through ioctl that failed on a disk ends the run, as it ends {@code srro probe}.
   */
  Reading read() throws IOException, OsCallException, IoctlFailedException;
}
