package srro.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import srro.check.MountFormatException;
import srro.check.OpenBsdDisks;
import srro.check.Skipped;
import srro.check.Volume;

/**
 * OpenBSD volumes without native calls: {@code sysctl -n hw.disknames} for the DUIDs and {@code bioctl
 * softraid0} for softraid volumes and their chunks, run as child processes. This fallback cannot tell whether a
 * disk is write-protected (that needs MODE SENSE through SCIOCCOMMAND, issue 5), so volumes are reported with
 * read-only state unknown and the reading says so; getfsstat(2) and the bio(4) ioctls replace it later.
 */
public final class OpenBsdVolumes implements VolumeSource {
  private Map<String, String> duids = Map.of();

  /** DUID to disk name, filled by {@link #read()}. */
  public Map<String, String> duids() {
    return duids;
  }

  @Override
  public Reading read() throws IOException {
    List<Skipped> skipped = new ArrayList<>();
    List<Volume> volumes = new ArrayList<>();
    try {
      String names = run("sysctl", "-n", "hw.disknames");
      duids = names == null ? Map.of() : OpenBsdDisks.duids("sysctl hw.disknames", names);
      if (names == null) {
        skipped.add(new Skipped("duid-resolution", "sysctl -n hw.disknames failed"));
      }
      String bio = run("bioctl", "softraid0");
      if (bio == null) {
        skipped.add(new Skipped("softraid-chunks", "bioctl softraid0 failed (no softraid volume, or not root)"));
      } else {
        for (OpenBsdDisks.SoftraidVolume v : OpenBsdDisks.bioctl("bioctl softraid0", bio)) {
          List<String> chunks = v.chunks().stream().map(c -> "/dev/" + c).toList();
          volumes.add(
              new Volume(
                  "/dev/" + v.device(), List.of(), Volume.ReadOnly.UNKNOWN, Volume.Evidence.NONE, chunks));
        }
      }
    } catch (MountFormatException e) {
      throw new IOException(e.source() + ": " + e.getMessage(), e);
    }
    skipped.add(
        new Skipped(
            "mode-sense-wp",
            "write protection of sd(4) disks not asked: MODE SENSE through SCIOCCOMMAND is not wired into check"
                + " yet (issue 5)"));
    return new Reading(volumes, skipped);
  }

  /** Runs a program and returns its stdout, or null when it cannot run or exits non-zero. */
  static String run(String... argv) {
    try {
      Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readNBytes(OpenBsdDisks.MAX_CHARS + 1);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
