package srro.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import srro.fstab.MachineFacts;
import srro.mounts.BlkidExport;
import srro.mounts.MountFormatException;

/**
 * What the names of an fstab are on this machine, as findmnt --verify looks them up: a spec through
 * {@link SpecResolver} (udev's /dev/disk/by-* links for tags, or {@code blkid -o export} where udev made none;
 * hw.disknames for OpenBSD DUIDs) and a stat of what
 * it names; a mount point by a stat and its real path; the file system types from /proc/filesystems and the
 * modules of the running kernel (Linux) or the /sbin/mount_TYPE programs mount(8) runs (OpenBSD). Nothing is
 * opened but /proc/filesystems, and every read is bounded. A tag cannot be answered without udev's links: the
 * answer is then empty, not "missing".
 */
public final class FstabNames implements MachineFacts {
  /** Largest /proc/filesystems read; a kernel lists a few dozen types in under 1 KiB. */
  static final int MAX_FILESYSTEMS_BYTES = 64 << 10;

  /** Module files of a kernel's fs/ tree walked at most this deep (fs/ext4/ext4.ko is depth 2). */
  private static final int MODULE_DEPTH = 3;

  private static final Pattern TAG = Pattern.compile("[A-Za-z_]+=.*");
  private static final Pattern DUID = Pattern.compile("[0-9a-fA-F]{16}\\.[a-p]");
  private static final int S_IFMT = 0170000;
  private static final int S_IFBLK = 0060000;

  private final Host.Os os;
  private final SpecResolver resolver;
  private final Path devRoot;
  private final Path filesystems;
  private final Path modules;
  private final Path sbin;
  private final boolean duidsKnown;
  private final Supplier<byte[]> blkid;
  private Optional<Set<String>> types;
  private boolean blkidRead;
  private Map<String, String> blkidTags;

  /**
   * {@code filesystems} and {@code modules} (the kernel's {@code /lib/modules/RELEASE/kernel/fs}) are read on
   * Linux, {@code sbin} on OpenBSD; {@code duidsKnown} says whether {@code resolver} was given hw.disknames.
   */
  FstabNames(Host.Os os, SpecResolver resolver, Path devRoot, Path filesystems, Path modules, Path sbin,
      boolean duidsKnown, Supplier<byte[]> blkid) {
    this.blkid = blkid;
    this.os = os;
    this.resolver = resolver;
    this.devRoot = devRoot;
    this.filesystems = filesystems;
    this.modules = modules;
    this.sbin = sbin;
    this.duidsKnown = duidsKnown;
  }

  /** Linux's: /dev, /proc/filesystems and the running kernel's modules. */
  static FstabNames linux(SpecResolver resolver) {
    String release = firstLine(Path.of("/proc/sys/kernel/osrelease"));
    Path mods = release == null ? null : Path.of("/lib/modules", release, "kernel", "fs");
    return new FstabNames(Host.Os.LINUX, resolver, Path.of("/dev"), Path.of("/proc/filesystems"), mods, null,
        false, FstabNames::runBlkid);
  }

  /** OpenBSD's: /dev, hw.disknames (when known) and /sbin/mount_*. */
  static FstabNames openBsd(SpecResolver resolver, boolean duidsKnown) {
    return new FstabNames(Host.Os.OPENBSD, resolver, Path.of("/dev"), null, null, Path.of("/sbin"), duidsKnown,
        null);
  }

  @Override
  public Optional<Source> source(String spec) {
    if (TAG.matcher(spec).matches() && !spec.startsWith("/")) {
      if (os != Host.Os.LINUX) {
        return Optional.empty();
      }
      if (resolver.resolvesTags()) {
        return resolver.apply(spec).map(FstabNames::found)
            .or(() -> Optional.of(new Source.Missing("no " + byLink(spec))));
      }
      Map<String, String> tags = blkidTags();
      if (tags == null || spec.startsWith("ID=")) {
        return Optional.empty();
      }
      String device = tags.get(spec);
      return Optional.of(device != null ? found(device)
          : new Source.Missing("no /dev/disk/by-* links, and blkid -o export lists no device with " + spec));
    }
    if (os == Host.Os.OPENBSD && DUID.matcher(spec).matches()) {
      if (!duidsKnown) {
        return Optional.empty();
      }
      return resolver.apply(spec).map(FstabNames::found)
          .or(() -> Optional.of(new Source.Missing("no disk with DUID " + spec.substring(0, 16)
              + " in hw.disknames")));
    }
    if (spec.startsWith("/")) {
      Path p = Path.of(spec);
      return Optional.of(Files.exists(p) ? found(spec) : new Source.Missing("no " + spec));
    }
    return Optional.empty();
  }

  /** blkid's tags, read once; null when blkid cannot be run or printed something else. */
  private synchronized Map<String, String> blkidTags() {
    if (!blkidRead) {
      blkidRead = true;
      byte[] out = blkid == null ? null : blkid.get();
      if (out != null) {
        try {
          blkidTags = BlkidExport.parse("blkid -o export", out);
        } catch (MountFormatException e) {
          blkidTags = null;
        }
      }
    }
    return blkidTags;
  }

  /** blkid -o export, or null when there is no blkid; it exits 2 (no output) when it finds no device. */
  static byte[] runBlkid() {
    for (String p : new String[] {"/sbin/blkid", "/usr/sbin/blkid"}) {
      if (Files.isExecutable(Path.of(p))) {
        byte[] out = ChildProcess.stdout(BlkidExport.MAX_BYTES + 1, p, "-o", "export");
        return out == null ? new byte[0] : out;
      }
    }
    return null;
  }

  private String byLink(String spec) {
    int eq = spec.indexOf('=');
    String dir = "by-" + spec.substring(0, eq).toLowerCase(java.util.Locale.ROOT);
    return devRoot.resolve("disk").resolve(dir) + "/" + spec.substring(eq + 1);
  }

  private static Source found(String path) {
    Path p = Path.of(path);
    boolean block = false;
    try {
      Object mode = Files.getAttribute(p, "unix:mode");
      block = mode instanceof Integer m && (m & S_IFMT) == S_IFBLK;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      block = false;
    }
    return new Source.Found(path, block);
  }

  @Override
  public Optional<Target> target(String path) {
    Path p = Path.of(path);
    try {
      if (!Files.exists(p)) {
        return Optional.of(Target.missing(path));
      }
      return Optional.of(new Target(true, Files.isDirectory(p), p.toRealPath().toString()));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  @Override
  public synchronized Optional<Set<String>> fileSystems() {
    if (types == null) {
      types = os == Host.Os.OPENBSD ? mountPrograms() : kernelTypes();
    }
    return types;
  }

  /** /proc/filesystems' second column, plus every module under the kernel's fs/ tree (findmnt asks both). */
  private Optional<Set<String>> kernelTypes() {
    Set<String> out = new TreeSet<>();
    try (InputStream in = Files.newInputStream(filesystems)) {
      byte[] b = in.readNBytes(MAX_FILESYSTEMS_BYTES);
      for (String line : new String(b, StandardCharsets.ISO_8859_1).split("\n")) {
        String[] f = line.strip().split("\\s+");
        if (f.length > 0 && !f[f.length - 1].isEmpty()) {
          out.add(f[f.length - 1]);
        }
      }
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    if (modules != null && Files.isDirectory(modules, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> s = Files.walk(modules, MODULE_DEPTH)) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".ko"))
            .forEach(n -> out.add(n.substring(0, n.indexOf(".ko"))));
      } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
        // the kernel's own list is still an answer
      }
    }
    return Optional.of(out);
  }

  /** OpenBSD's mount(8) runs /sbin/mount_TYPE for every type: those programs are the list. */
  private Optional<Set<String>> mountPrograms() {
    Set<String> out = new TreeSet<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(sbin, "mount_*")) {
      for (Path p : ds) {
        out.add(p.getFileName().toString().substring("mount_".length()));
      }
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  private static String firstLine(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      String s = new String(in.readNBytes(256), StandardCharsets.ISO_8859_1).strip();
      return s.isEmpty() || s.contains("/") ? null : s;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
