package srro.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import srro.findings.Finding;
import srro.findings.Severity;
import srro.fstab.Entry;
import srro.fstab.Fstab;
import srro.fstab.FstabLint;
import srro.fstab.VolumeFacts;
import srro.mounts.Mount;
import srro.mounts.MountTable;
import srro.mounts.Volume;

/**
 * The rules across the three views of a host: what fstab asks for, what is mounted, and what the volumes say.
 *
 * <ul>
 *   <li>{@code ro-volume-mounted-rw} (error): a read-only volume is mounted read-write.
 *   <li>{@code wp-chunk-not-propagated} (error): a chunk under a softraid (or device-mapper, md) volume is
 *       write-protected but the volume does not report read-only — the srro kernel patch is not applied, or the
 *       volume was assembled before the protection was switched on.
 *   <li>{@code ro-mount-passno} (error, fixable): a file system mounted read-only whose fstab entry has
 *       fs_passno ≠ 0 (not already reported by the fstab rules).
 *   <li>{@code fstab-ro-mounted-rw}, {@code fstab-rw-mounted-ro} (warning): the mount differs from fstab.
 * </ul>
 *
 * Plus every rule of {@link FstabLint}, with the volumes answering whether an entry is on a read-only volume.
 */
public final class CrossCheck {
  private CrossCheck() {}

  private static final Pattern BSD_PARTITION = Pattern.compile("(/dev/)r?((?:sd|wd|vnd|cd|rd)[0-9]+)[a-p]");

  /**
   * The views to check; null {@code fstab}/{@code mounts} and a null {@code volumes} mean "not available".
   * {@code resolver} maps an fstab spec (UUID=…, a DUID, a path) to a device path when it can.
   */
  public record Views(
      Fstab fstab, MountTable mounts, List<Volume> volumes, Function<String, Optional<String>> resolver) {
    public Views {
      volumes = volumes == null ? null : List.copyOf(volumes);
      resolver = resolver == null ? s -> s.startsWith("/") ? Optional.of(s) : Optional.empty() : resolver;
    }
  }

  /** Runs every rule the available views allow; {@code skipped} is carried into the report. */
  public static Report run(String host, Views views, List<Skipped> skipped) {
    List<String> ran = new ArrayList<>();
    List<Skipped> notRun = new ArrayList<>(skipped);
    List<Finding> out = new ArrayList<>();
    List<Volume> volumes = views.volumes() == null ? List.of() : views.volumes();
    if (views.fstab() != null) {
      VolumeFacts facts =
          e ->
              views.resolver().apply(e.spec()).flatMap(d -> volumeFor(volumes, d)).flatMap(v -> switch (v.readOnly()) {
                    case YES -> Optional.of(true);
                    case NO -> Optional.of(false);
                    case UNKNOWN -> Optional.empty();
                  });
      out.addAll(FstabLint.lint(views.fstab(), facts));
      ran.add("fstab");
    } else {
      notRun.add(new Skipped("fstab", "no fstab to read"));
    }
    if (views.volumes() != null) {
      chunks(volumes, out);
      ran.add("volumes");
    }
    if (views.mounts() != null && views.volumes() != null) {
      for (Mount m : views.mounts().mounts()) {
        Optional<Volume> v = volumeFor(volumes, m.device());
        if (!m.readOnly() && v.isPresent() && v.get().readOnly() == Volume.ReadOnly.YES) {
          out.add(
              new Finding(
                  "ro-volume-mounted-rw", Severity.ERROR, m.mountPoint(), 0,
                  m.device() + " reports read-only but " + m.mountPoint() + " is mounted read-write",
                  "mount -u -o ro " + m.mountPoint() + " (OpenBSD) or mount -o remount,ro " + m.mountPoint()));
        }
      }
      ran.add("volumes-vs-mounts");
    } else if (views.mounts() != null) {
      notRun.add(new Skipped("volumes-vs-mounts", "no volume information"));
    }
    if (views.fstab() != null && views.mounts() != null) {
      fstabVsMounts(views.fstab(), views.mounts(), out);
      ran.add("fstab-vs-mounts");
    } else if (views.fstab() != null) {
      notRun.add(new Skipped("fstab-vs-mounts", "no mount table"));
    }
    return new Report(host, ran, notRun, out);
  }

  private static void chunks(List<Volume> volumes, List<Finding> out) {
    for (Volume v : volumes) {
      if (v.readOnly() == Volume.ReadOnly.YES) {
        continue;
      }
      for (String c : v.chunks()) {
        Optional<Volume> chunk = volumeFor(volumes, c);
        if (chunk.isPresent() && chunk.get().readOnly() == Volume.ReadOnly.YES) {
          out.add(
              new Finding(
                  "wp-chunk-not-propagated", Severity.ERROR, v.device(), 0,
                  "chunk " + c + " is write-protected but volume " + v.device() + " does not report read-only"
                      + " (kit not applied?)",
                  "apply the srro softraid patch kit (srro kit), rebuild the kernel, reassemble the volume"));
          break;
        }
      }
    }
  }

  private static void fstabVsMounts(Fstab fstab, MountTable mounts, List<Finding> out) {
    Set<Integer> reported = new HashSet<>();
    for (Finding f : out) {
      if (FstabLint.PASSNO_FIXES.contains(f.id())) {
        reported.add(f.line());
      }
    }
    for (Entry e : fstab.entries()) {
      if (e.ignored() || e.isSwap() || e.line().fields().size() < fstab.dialect().minimumFields()) {
        continue;
      }
      String file = e.file();
      Optional<Mount> m =
          mounts.at(file.length() > 1 && file.endsWith("/") ? file.substring(0, file.length() - 1) : file);
      if (m.isEmpty()) {
        continue;
      }
      int n = e.line().number();
      if (m.get().readOnly() && e.passno() > 0 && !reported.contains(n)) {
        out.add(
            new Finding(
                "ro-mount-passno", Severity.ERROR, e.file(), n,
                e.file() + " is mounted read-only but its fstab entry has fs_passno " + e.passno()
                    + ": the next boot's fsck fails if the volume stays read-only",
                "set fs_passno to 0 (srro check --fix) and write ro in fs_mntops"));
      }
      if (e.readOnly() && !m.get().readOnly()) {
        out.add(
            new Finding(
                "fstab-ro-mounted-rw", Severity.WARNING, e.file(), n,
                "fstab says ro but " + e.file() + " is mounted read-write",
                "remount it read-only"));
      } else if (e.readWrite() && m.get().readOnly()) {
        out.add(
            new Finding(
                "fstab-rw-mounted-ro", Severity.WARNING, e.file(), n,
                "fstab says rw but " + e.file() + " is mounted read-only",
                "write ro in fs_mntops if it is meant to be read-only"));
      }
    }
  }

  /** The volume named by {@code device}, or by its disk when it is an OpenBSD partition ({@code sd1a}). */
  static Optional<Volume> volumeFor(List<Volume> volumes, String device) {
    for (Volume v : volumes) {
      if (v.named(device)) {
        return Optional.of(v);
      }
    }
    Matcher m = BSD_PARTITION.matcher(device);
    if (m.matches()) {
      return volumeFor(volumes, m.group(1) + m.group(2));
    }
    return Optional.empty();
  }
}
