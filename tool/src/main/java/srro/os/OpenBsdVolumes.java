package srro.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import srro.check.Skipped;
import srro.mounts.MountFormatException;
import srro.mounts.OpenBsdDisks;
import srro.mounts.OpenBsdDisks.SoftraidVolume;
import srro.mounts.Volume;

/**
 * OpenBSD volumes: every disk of {@code hw.disknames} (sysctl(2)), the softraid volumes with their chunks (the
 * bio(4) ioctls on /dev/bio, as bioctl(8) asks them) and what sd(4) printed when it attached each disk
 * ("readonly", from dmesg(8) and /var/run/dmesg.boot). When JNR cannot load, the same facts come from the
 * output of {@code sysctl -n hw.disknames} and {@code bioctl softraid0}. The disks' own WP bit is asked by
 * {@code srro check} through MODE SENSE on top of this source.
 */
public final class OpenBsdVolumes implements VolumeSource {
  static final String CONTROLLER = "softraid0";

  /** Runs a program and returns its stdout, or null when it cannot run or exits non-zero. */
  @FunctionalInterface
  interface Runner {
    String run(String... argv);
  }

  private final SystemCalls sys;
  private final String noNative;
  private final Runner runner;
  private final Path dmesgBoot;
  private Map<String, String> duids = Map.of();

  OpenBsdVolumes(SystemCalls sys, String noNative, Runner runner, Path dmesgBoot) {
    this.sys = sys;
    this.noNative = noNative;
    this.runner = runner;
    this.dmesgBoot = dmesgBoot;
  }

  /**
   * This machine, whose {@code os.arch} is {@code arch} (read once, by {@link Host#current()}): native calls when
   * JNR loads, the tools' output when it does not.
   */
  static OpenBsdVolumes thisMachine(String arch) {
    Path boot = Path.of("/var/run/dmesg.boot");
    if (!arch.equals("amd64")) {
      return new OpenBsdVolumes(null, "the bio(4) layouts are pinned for amd64 only", OpenBsdVolumes::run, boot);
    }
    try {
      return new OpenBsdVolumes(JnrSystemCalls.get(), null, OpenBsdVolumes::run, boot);
    } catch (OsCallException e) {
      return new OpenBsdVolumes(null, e.getMessage(), OpenBsdVolumes::run, boot);
    }
  }

  /** True for the sd(4) disks, the ones MODE SENSE can be asked. */
  public static boolean isScsiDisk(String device) {
    return device.matches("/dev/sd[0-9]+");
  }

  /** The raw whole-disk node SCIOCCOMMAND goes to: /dev/sd1 is asked through /dev/rsd1c. */
  public static String rawDevice(String device) {
    return isScsiDisk(device) ? "/dev/r" + device.substring("/dev/".length()) + "c" : device;
  }

  /** DUID to disk name, filled by {@link #read()}. */
  public Map<String, String> duids() {
    return duids;
  }

  @Override
  public Reading read() throws IOException {
    List<Skipped> skipped = new ArrayList<>();
    if (noNative != null) {
      skipped.add(new Skipped("native-calls", noNative + "; read sysctl(8) and bioctl(8) output instead"));
    }
    try {
      List<OpenBsdDisks.Disk> disks = disks(skipped);
      duids = Map.copyOf(OpenBsdDisks.duids(disks));
      Map<String, SoftraidVolume> softraid = new LinkedHashMap<>();
      for (SoftraidVolume v : softraid(skipped)) {
        softraid.put(v.device(), v);
      }
      Map<String, Boolean> attached = attachLines(skipped);
      List<Volume> volumes = new ArrayList<>();
      for (OpenBsdDisks.Disk d : disks) {
        volumes.add(volume(d.name(), attached.get(d.name()), softraid.remove(d.name())));
      }
      for (SoftraidVolume v : softraid.values()) {
        volumes.add(volume(v.device(), attached.get(v.device()), v));
      }
      return new Reading(volumes, skipped);
    } catch (MountFormatException e) {
      throw new IOException(e.source() + ": " + e.getMessage(), e);
    }
  }

  private static Volume volume(String name, Boolean readonly, SoftraidVolume softraid) {
    List<String> chunks = softraid == null ? List.of() : softraid.chunks().stream().map(c -> "/dev/" + c).toList();
    if (readonly == null) {
      return new Volume("/dev/" + name, List.of(), Volume.ReadOnly.UNKNOWN, Volume.Evidence.NONE, chunks);
    }
    Volume.ReadOnly ro = readonly ? Volume.ReadOnly.YES : Volume.ReadOnly.NO;
    return new Volume("/dev/" + name, List.of(), ro, Volume.Evidence.SD_ATTACH, chunks);
  }

  private List<OpenBsdDisks.Disk> disks(List<Skipped> skipped) throws MountFormatException {
    String names;
    String source;
    if (sys != null) {
      try {
        names = Sysctl.string(sys, "hw.disknames", Sysctl.HW_DISKNAMES);
        source = "sysctl(2) hw.disknames";
      } catch (OsCallException e) {
        skipped.add(new Skipped("disks", e.getMessage()));
        return List.of();
      }
    } else {
      names = runner.run("sysctl", "-n", "hw.disknames");
      source = "sysctl -n hw.disknames";
      if (names == null) {
        skipped.add(new Skipped("disks", "sysctl -n hw.disknames failed"));
        return List.of();
      }
    }
    return OpenBsdDisks.disknames(source, names);
  }

  private List<SoftraidVolume> softraid(List<Skipped> skipped) throws MountFormatException {
    if (sys != null) {
      try {
        return SoftraidBio.read(sys, CONTROLLER);
      } catch (NoSuchFileException e) {
        skipped.add(new Skipped("softraid-chunks", SoftraidBio.DEVICE + ": no such file or directory"));
      } catch (OsCallException e) {
        String hint = e.errnoName().equals("EACCES") || e.errnoName().equals("EPERM") ? " (not root?)" : "";
        skipped.add(new Skipped("softraid-chunks", e.getMessage() + hint));
      }
      return List.of();
    }
    String out = runner.run("bioctl", CONTROLLER);
    if (out == null) {
      skipped.add(new Skipped("softraid-chunks", "bioctl " + CONTROLLER + " failed (not root?)"));
      return List.of();
    }
    return OpenBsdDisks.bioctl("bioctl " + CONTROLLER, out);
  }

  /** What sd(4) printed at attach: dmesg.boot first, then the message buffer (later lines win). */
  private Map<String, Boolean> attachLines(List<Skipped> skipped) throws MountFormatException {
    StringBuilder text = new StringBuilder();
    List<String> sources = new ArrayList<>();
    String boot = readText(dmesgBoot);
    if (boot != null) {
      text.append(boot).append('\n');
      sources.add(dmesgBoot.toString());
    }
    String now = runner.run("dmesg");
    if (now != null) {
      text.append(now);
      sources.add("dmesg");
    }
    if (sources.isEmpty()) {
      skipped.add(new Skipped("sd-attach", "neither " + dmesgBoot + " nor dmesg(8) could be read"));
      return Map.of();
    }
    return OpenBsdDisks.attachReadOnly(String.join(" + ", sources), text.toString());
  }

  private static String readText(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] b = in.readNBytes(OpenBsdDisks.MAX_CHARS / 2 - 1);
      return new String(b, StandardCharsets.ISO_8859_1);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /** Runs a program and returns its stdout as text, or null when it cannot run or exits non-zero. */
  static String run(String... argv) {
    byte[] out = ChildProcess.stdout(OpenBsdDisks.MAX_CHARS / 2 - 1, argv);
    return out == null ? null : new String(out, StandardCharsets.ISO_8859_1);
  }
}
