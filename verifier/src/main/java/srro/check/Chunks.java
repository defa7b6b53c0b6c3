package srro.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import srro.findings.Finding;
import srro.findings.Severity;
import srro.fstab.Dialect;
import srro.mounts.Mount;
import srro.mounts.Volume;

/**
 * The rules about volumes built on chunks: softraid volumes on OpenBSD, device-mapper (dm-crypt, LVM) and md
 * volumes on Linux. A chunk is write-protected when it reports read-only (the disk's WP bit, sysfs ro, sd(4)'s
 * attach line); everything stacked on it should then be read-only too.
 *
 * <ul>
 *   <li>{@code wp-chunk-not-propagated} (error): a softraid or md volume that does not report read-only over a
 *       write-protected chunk (OpenBSD: the srro kit is not applied).
 *   <li>{@code rw-mapper-over-wp-chunk} (error): a device-mapper volume (a LUKS mapping) opened read-write over
 *       a write-protected chunk: {@code cryptsetup open} without {@code --readonly}, or the protection was
 *       switched on after the mapping was made.
 *   <li>{@code rw-mount-over-wp-chunk} (error): a file system mounted read-write on a volume that does not
 *       itself report read-only but lies on a write-protected chunk.
 * </ul>
 */
final class Chunks {
  private Chunks() {}

  /** Stacks deeper than this are not followed (a cycle in hostile input ends here). */
  private static final int MAX_DEPTH = 8;

  static void volumes(List<Volume> volumes, Dialect system, List<Finding> out) {
    for (Volume v : volumes) {
      if (v.readOnly() == Volume.ReadOnly.YES) {
        continue;
      }
      Optional<Volume> wp = writeProtected(volumes, v, 0);
      if (wp.isEmpty()) {
        continue;
      }
      Volume c = wp.get();
      if (v.deviceMapper()) {
        String name = mapperName(v);
        out.add(
            new Finding(
                "rw-mapper-over-wp-chunk", Severity.ERROR, v.device(), 0,
                "device-mapper volume " + describe(v) + " is read-write (" + layers(v) + ") over chunk "
                    + c.device() + ", which is write-protected (" + layers(c) + ")",
                system == Dialect.OPENBSD
                    ? "reassemble the volume read-only"
                    : "cryptsetup close " + name + "; cryptsetup open --readonly " + c.device() + " " + name
                        + " (LVM: lvchange --permission r)"));
      } else {
        out.add(
            new Finding(
                "wp-chunk-not-propagated", Severity.ERROR, v.device(), 0,
                "chunk " + c.device() + " is write-protected (" + layers(c) + ") but volume " + v.device()
                    + " does not report read-only" + (system == Dialect.OPENBSD ? " (kit not applied?)" : ""),
                system == Dialect.OPENBSD
                    ? "apply the srro softraid patch kit (srro kit), rebuild the kernel, reassemble the volume"
                    : "stop the array and assemble it read-only (mdadm --readonly)"));
      }
    }
  }

  /** {@code rw-mount-over-wp-chunk}, for mounts whose own volume is not read-only. */
  static void mounts(List<Mount> mounts, List<Volume> volumes, Dialect system, List<Finding> out) {
    for (Mount m : mounts) {
      Optional<Volume> v = CrossCheck.volumeFor(volumes, m.device());
      if (m.readOnly() || v.isEmpty() || v.get().readOnly() == Volume.ReadOnly.YES) {
        continue;
      }
      Optional<Volume> wp = writeProtected(volumes, v.get(), 0);
      wp.ifPresent(c -> out.add(
          new Finding(
              "rw-mount-over-wp-chunk", Severity.ERROR, m.mountPoint(), 0,
              m.mountPoint() + " is mounted read-write from " + describe(v.get()) + ", which lies on chunk "
                  + c.device() + ", write-protected (" + layers(c) + ")",
              CrossCheck.remountReadOnly(system, m.mountPoint()))));
    }
  }

  /** The first write-protected volume under {@code v}, following chunks down at most {@link #MAX_DEPTH}. */
  static Optional<Volume> writeProtected(List<Volume> volumes, Volume v, int depth) {
    if (depth >= MAX_DEPTH) {
      return Optional.empty();
    }
    for (String c : v.chunks()) {
      Optional<Volume> chunk = CrossCheck.volumeFor(volumes, c);
      if (chunk.isEmpty() || chunk.get().device().equals(v.device())) {
        continue;
      }
      if (chunk.get().readOnly() == Volume.ReadOnly.YES) {
        return chunk;
      }
      Optional<Volume> below = writeProtected(volumes, chunk.get(), depth + 1);
      if (below.isPresent()) {
        return below;
      }
    }
    return Optional.empty();
  }

  /** "/dev/dm-0 (/dev/mapper/srro-ro)". */
  static String describe(Volume v) {
    return v.device() + (v.aliases().isEmpty() ? "" : " (" + String.join(", ", v.aliases()) + ")");
  }

  /** Every layer's answer: "MODE SENSE WP=1, sysfs ro=1". */
  static String layers(Volume v) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Volume.Reading r : v.readings()) {
      String s = evidence(r.source()) + (r.detail().isEmpty() ? " " + r.readOnly().name().toLowerCase(Locale.ROOT)
          : " " + r.detail());
      if (seen.add(s)) {
        out.add(s);
      }
    }
    return out.isEmpty() ? evidence(v.evidence()) : String.join(", ", out);
  }

  /** The evidence as a reader names it. */
  static String evidence(Volume.Evidence e) {
    return switch (e) {
      case SYSFS_RO -> "sysfs";
      case MODE_SENSE_WP -> "MODE SENSE";
      case SD_ATTACH -> "sd(4) attach";
      case CONTROL_PAGE_SWP -> "control page";
      case NONE -> "no evidence";
    };
  }

  private static String mapperName(Volume v) {
    for (String a : v.aliases()) {
      int i = a.indexOf("/mapper/");
      if (i >= 0) {
        return a.substring(i + "/mapper/".length());
      }
    }
    return "NAME";
  }
}
