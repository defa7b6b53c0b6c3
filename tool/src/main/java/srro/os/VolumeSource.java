package srro.os;

import java.io.IOException;
import java.util.List;
import srro.check.Skipped;
import srro.mounts.Volume;

/**
 * Where {@code srro check} learns which volumes are read-only. The Linux source reads sysfs; the OpenBSD one runs
 * sysctl(8) and bioctl(8). A MODE SENSE WP source over SG_IO/SCIOCCOMMAND (issue 5's {@link Platform}) plugs in
 * here without touching the rules; until then each source says what it could not check.
 */
public interface VolumeSource {
  /** The volumes found and the checks this source could not make, with the reason. */
  record Reading(List<Volume> volumes, List<Skipped> skipped) {
    public Reading {
      volumes = List.copyOf(volumes);
      skipped = List.copyOf(skipped);
    }
  }

  Reading read() throws IOException;
}
