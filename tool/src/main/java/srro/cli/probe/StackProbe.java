package srro.cli.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import srro.check.CrossCheck;
import srro.check.DeviceRefusal;
import srro.check.Report;
import srro.check.Skipped;
import srro.findings.Finding;
import srro.fstab.Dialect;
import srro.mounts.Volume;
import srro.os.Host;
import srro.os.OsCallException;
import srro.os.VolumeSource;
import srro.probe.IoctlFailedException;

/**
 * {@code srro probe} of a device-mapper node ({@code /dev/mapper/NAME}, {@code /dev/dm-N}): a mapping answers no
 * SCSI command (dm-crypt passes no SG_IO down), so its write protection is the stack's. It shows the mapping, the
 * chunks under it and every layer's read-only state with its readings (the mapping's and the chunk's sysfs ro,
 * the chunk's MODE SENSE WP bit), as {@code srro check} reads them through the host, and the chunk rules' findings
 * for it (a read-write mapping over a write-protected chunk).
 */
final class StackProbe {
  private static final Pattern STACKED = Pattern.compile("/dev/(mapper/[^/]+|dm-[0-9]+)");

  private StackProbe() {}

  /** The result for one stacked device: the volume, its chunks, the findings, what was not checked. */
  record Result(String path, Volume volume, List<Volume> chunks, List<Finding> findings, List<Skipped> skipped) {
    /** True when every layer of the stack refuses writes and no rule said otherwise. */
    boolean readOnly() {
      return volume.readOnly() == Volume.ReadOnly.YES && findings.isEmpty();
    }
  }

  /** True for the device nodes this probe handles on {@code host}. */
  static boolean handles(Host host, String path) {
    return host.os() == Host.Os.LINUX && STACKED.matcher(path).matches();
  }

  /**
   * Reads the volumes through {@code host}; empty when {@code path} is none of them. A chunk that refused a
   * command is noted beside the result; an OS call that failed on one is thrown (71).
   */
  static Optional<Result> run(Host host, String path) throws OsCallException, IoctlFailedException {
    List<Skipped> skipped = new ArrayList<>();
    VolumeSource.Reading r = host.volumes(skipped);
    if (r == null) {
      return Optional.empty();
    }
    for (DeviceRefusal d : r.refused()) {
      skipped.add(new Skipped("mode-sense-wp", d.volume() + ": " + d.message()));
    }
    List<Volume> volumes = r.volumes();
    return CrossCheck.volumeFor(volumes, path).map(v -> {
      List<Volume> chunks = new ArrayList<>();
      for (String c : v.chunks()) {
        CrossCheck.volumeFor(volumes, c).ifPresent(chunks::add);
      }
      Report rep = CrossCheck.run("probe", new CrossCheck.Views(null, null, volumes, null, null, Dialect.LINUX),
          List.of());
      List<Finding> mine = rep.findings().stream().filter(f -> f.target().equals(v.device())).toList();
      List<Skipped> notes = skipped.stream().filter(s -> !s.check().equals("fstab")).toList();
      return new Result(path, v, chunks, mine, notes);
    });
  }

  static String verdict(Result r) {
    if (r.readOnly()) {
      return "verdict: read-only: the mapping refuses writes (sysfs ro), over "
          + (r.chunks().stream().allMatch(c -> c.readOnly() == Volume.ReadOnly.YES)
              ? "write-protected chunks" : "chunks that are not all write-protected");
    }
    if (!r.findings().isEmpty()) {
      return "verdict: layers disagree: the mapping is read-write over a write-protected chunk";
    }
    return "verdict: read-write: the mapping and its chunks accept writes";
  }
}
