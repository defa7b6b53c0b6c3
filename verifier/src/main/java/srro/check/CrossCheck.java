package srro.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import srro.findings.Finding;
import srro.findings.Fix;
import srro.findings.Severity;
import srro.fstab.Dialect;
import srro.fstab.Entry;
import srro.fstab.Fstab;
import srro.fstab.FstabLint;
import srro.fstab.MachineFacts;
import srro.fstab.VolumeFacts;
import srro.mounts.Mount;
import srro.mounts.MountTable;
import srro.mounts.Volume;

/**
 * The rules across the three views of a host: what fstab asks for, what is mounted, and what the volumes say.
 *
 * <ul>
 *   <li>{@code ro-volume-mounted-rw} (error): a read-only volume is mounted read-write.
 *   <li>the chunk rules of {@link Chunks}: {@code wp-chunk-not-propagated}, {@code rw-mapper-over-wp-chunk},
 *       {@code rw-mount-over-wp-chunk}.
 *   <li>{@code ro-mount-passno} (error, fixable): a file system mounted read-only whose fstab entry has
 *       fs_passno ≠ 0 (not already reported by the fstab rules).
 *   <li>{@code fstab-ro-mounted-rw}, {@code fstab-rw-mounted-ro} (warning): the mount differs from fstab.
 *   <li>{@code mounted-from-other-device} (warning): the mount point of an fstab entry is mounted from another
 *       device than the entry names.
 *   <li>{@code device-refused-command} (error): a disk refused a command the volumes were read with
 *       ({@link DeviceRefusal}), so its write protection is not known: {@code srro probe} exits 1 on it too.
 * </ul>
 *
 * A mount belongs to the fstab entry with its mount point and its device: with a mount point listed twice, the
 * entry whose spec resolves to the mounted device is the one compared, never the other.
 *
 * <p>Plus every rule of {@link FstabLint}, with the volumes answering whether an entry is on a read-only volume
 * and {@link MachineFacts} whether its names exist on this machine.
 */
public final class CrossCheck {
  private CrossCheck() {}

  private static final Pattern BSD_PARTITION = Pattern.compile("(/dev/)r?((?:sd|wd|vnd|cd|rd)[0-9]+)[a-p]");

  /**
   * The views to check; null {@code fstab}/{@code mounts} and a null {@code volumes} mean "not available".
   * {@code resolver} maps an fstab spec (UUID=…, a DUID, a path) to a device path when it can; {@code machine}
   * answers whether fstab's names exist here; {@code system} is the OS whose commands the hints name (null: the
   * fstab's dialect, else Linux); {@code refused} are the disks that refused a command while the volumes were read
   * (null: none).
   */
  public record Views(
      Fstab fstab, MountTable mounts, List<Volume> volumes, Function<String, Optional<String>> resolver,
      MachineFacts machine, Dialect system, List<DeviceRefusal> refused) {
    public Views {
      volumes = volumes == null ? null : List.copyOf(volumes);
      refused = refused == null ? List.of() : List.copyOf(refused);
      resolver = resolver == null ? s -> s.startsWith("/") ? Optional.of(s) : Optional.empty() : resolver;
      machine = machine == null ? MachineFacts.NONE : machine;
      system = system != null ? system : fstab != null ? fstab.dialect() : Dialect.LINUX;
    }

    /** Views in which no disk refused a command. */
    public Views(
        Fstab fstab, MountTable mounts, List<Volume> volumes, Function<String, Optional<String>> resolver,
        MachineFacts machine, Dialect system) {
      this(fstab, mounts, volumes, resolver, machine, system, null);
    }

    /** Views without machine facts, hints for the fstab's OS. */
    public Views(Fstab fstab, MountTable mounts, List<Volume> volumes, Function<String, Optional<String>> resolver) {
      this(fstab, mounts, volumes, resolver, null, null);
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
      out.addAll(FstabLint.lint(views.fstab(), facts, views.machine()));
      ran.add("fstab");
    } else {
      notRun.add(new Skipped("fstab", "no fstab to read"));
    }
    if (views.volumes() != null) {
      Chunks.volumes(volumes, views.system(), out);
      refusals(views, out);
      ran.add("volumes");
    }
    if (views.mounts() != null && views.volumes() != null) {
      for (Mount m : views.mounts().mounts()) {
        Optional<Volume> v = volumeFor(volumes, m.device());
        if (!m.readOnly() && v.isPresent() && v.get().readOnly() == Volume.ReadOnly.YES) {
          out.add(
              new Finding(
                  "ro-volume-mounted-rw", Severity.ERROR, m.mountPoint(), 0,
                  m.device() + " reports read-only (" + Chunks.layers(v.get()) + ") but " + m.mountPoint()
                      + " is mounted read-write",
                  remountReadOnly(views.system(), m.mountPoint())));
        }
      }
      Chunks.mounts(views.mounts().mounts(), volumes, views.system(), out);
      ran.add("volumes-vs-mounts");
    } else if (views.mounts() != null) {
      notRun.add(new Skipped("volumes-vs-mounts", "no volume information"));
    }
    if (views.fstab() != null && views.mounts() != null) {
      fstabVsMounts(views, out);
      ran.add("fstab-vs-mounts");
    } else if (views.fstab() != null) {
      notRun.add(new Skipped("fstab-vs-mounts", "no mount table"));
    }
    return new Report(host, ran, notRun, out);
  }

  /** {@code device-refused-command}: the probe's own line, with what to do about it. */
  private static void refusals(Views views, List<Finding> out) {
    for (DeviceRefusal r : views.refused()) {
      boolean softraid = views.system() == Dialect.OPENBSD
          && volumeFor(views.volumes(), r.volume()).map(v -> !v.chunks().isEmpty()).orElse(false);
      out.add(
          new Finding(
              "device-refused-command", Severity.ERROR, r.volume(), 0, r.message(),
              softraid
                  ? "softraid without the srro kit fails MODE SENSE: apply the srro softraid patch kit (srro kit),"
                      + " rebuild the kernel, reassemble the volume"
                  : "srro probe shows every command and answer; until the disk answers MODE SENSE its write"
                      + " protection is not known"));
    }
  }

  /** The command that makes {@code mountPoint} read-only now, on {@code system}. */
  static String remountReadOnly(Dialect system, String mountPoint) {
    return system == Dialect.OPENBSD ? "mount -u -o ro " + mountPoint : "mount -o remount,ro " + mountPoint;
  }

  private static void fstabVsMounts(Views views, List<Finding> out) {
    Fstab fstab = views.fstab();
    Set<Integer> reported = new HashSet<>();
    for (Finding f : out) {
      if (f.fix() == Fix.PASSNO_TO_ZERO) {
        reported.add(f.line());
      }
    }
    Map<String, List<Entry>> byMountPoint = new LinkedHashMap<>();
    for (Entry e : fstab.entries()) {
      if (e.ignored() || e.isSwap() || e.line().fields().size() < fstab.dialect().minimumFields()) {
        continue;
      }
      byMountPoint.computeIfAbsent(strip(e.file()), k -> new ArrayList<>()).add(e);
    }
    for (Map.Entry<String, List<Entry>> mp : byMountPoint.entrySet()) {
      Optional<Mount> found = views.mounts().at(mp.getKey());
      if (found.isEmpty()) {
        continue;
      }
      Mount m = found.get();
      Optional<Entry> owner = owner(mp.getValue(), m, views.resolver(), out);
      owner.ifPresent(e -> compare(e, m, reported, views.system(), out));
    }
  }

  /**
   * The entry {@code m} was mounted from: the one whose spec resolves to the mounted device. When no spec can
   * be resolved, the last entry (mount -a mounts them in order, and the last one stays visible). When every
   * spec resolves and none is the mounted device, none: the mount did not come from this fstab.
   */
  private static Optional<Entry> owner(
      List<Entry> entries, Mount m, Function<String, Optional<String>> resolver, List<Finding> out) {
    String mounted = resolver.apply(m.device()).orElse(m.device());
    boolean allResolved = true;
    for (Entry e : entries) {
      Optional<String> dev = resolver.apply(e.spec());
      if (dev.isPresent() && (dev.get().equals(mounted) || e.spec().equals(m.device()))) {
        return Optional.of(e);
      }
      allResolved &= dev.isPresent();
    }
    if (!allResolved) {
      return Optional.of(entries.get(entries.size() - 1));
    }
    Entry last = entries.get(entries.size() - 1);
    out.add(
        new Finding(
            "mounted-from-other-device", Severity.WARNING, last.file(), last.line().number(),
            m.mountPoint() + " is mounted from " + m.device() + ", not from " + last.spec()
                + (entries.size() > 1 ? " or the other entries for it" : "") + " as fstab says",
            "check which device belongs on " + m.mountPoint() + "; fstab and the mount are not compared"));
    return Optional.empty();
  }

  private static void compare(Entry e, Mount m, Set<Integer> reported, Dialect system, List<Finding> out) {
    int n = e.line().number();
    if (m.readOnly() && e.passno() > 0 && !reported.contains(n)) {
      out.add(
          new Finding(
              "ro-mount-passno", Severity.ERROR, e.file(), n,
              e.file() + " (" + m.device() + ") is mounted read-only but its fstab entry has fs_passno "
                  + e.passno() + ": the next boot's fsck fails if the volume stays read-only",
              "set fs_passno to 0 (srro check --fix) and write ro in fs_mntops", Fix.PASSNO_TO_ZERO));
    }
    if (e.readOnly() && !m.readOnly()) {
      out.add(
          new Finding(
              "fstab-ro-mounted-rw", Severity.WARNING, e.file(), n,
              "fstab says ro but " + e.file() + " (" + m.device() + ") is mounted read-write",
              remountReadOnly(system, m.mountPoint())));
    } else if (e.readWrite() && m.readOnly()) {
      out.add(
          new Finding(
              "fstab-rw-mounted-ro", Severity.WARNING, e.file(), n,
              "fstab says rw but " + e.file() + " (" + m.device() + ") is mounted read-only",
              "write ro in fs_mntops if it is meant to be read-only"));
    }
  }

  private static String strip(String file) {
    return file.length() > 1 && file.endsWith("/") ? file.substring(0, file.length() - 1) : file;
  }

  /** The volume named by {@code device}, or by its disk when it is an OpenBSD partition ({@code sd1a}). */
  public static Optional<Volume> volumeFor(List<Volume> volumes, String device) {
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
