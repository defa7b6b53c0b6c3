package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.check.CrossCheck;
import srro.check.Report;
import srro.check.Skipped;
import srro.findings.Finding;
import srro.mounts.Volume;

/**
 * The OpenBSD volume source on a fake 7.7 machine: a USB stick with its lock switch on (sd1, "readonly" at
 * attach) carrying a CRYPTO chunk (sd1a) whose volume sd2 does or does not report read-only.
 */
class OpenBsdVolumesTest {
  private static final String DISKNAMES = "sd0:3eb7f9da875cb9ee,sd1:,sd2:0123456789abcdef,cd0:";

  @TempDir Path tmp;

  private static FakeSystemCalls machine(FakeSoftraid softraid) {
    return new FakeSystemCalls().kernel(softraid).sysctl((sys, mib, old, len) -> {
      byte[] v = (DISKNAMES + "\0").getBytes(StandardCharsets.ISO_8859_1);
      if (old != null) {
        old.put(0, v, 0, v.length);
      }
      len.putLong(0, v.length);
      return 0;
    });
  }

  private static FakeSoftraid crypto() {
    return new FakeSoftraid().volume("sd2", 'C', 0, new FakeSoftraid.Chunk("sd1a", 1L << 30, 0));
  }

  private Path dmesgBoot(String text) throws Exception {
    Path p = tmp.resolve("dmesg.boot");
    Files.writeString(p, text);
    return p;
  }

  private static String attach(String disk, String tail) {
    return disk + " at scsibus1 targ 0 lun 0: <SanDisk, Cruzer, 1.00> removable\n"
        + disk + ": 7633MB, 512 bytes/sector, 15633408 sectors" + tail + "\n";
  }

  /** Runner that answers dmesg with {@code dmesg} and fails everything else (as if the tools were not there). */
  private static OpenBsdVolumes.Runner only(String dmesg, List<String> ran) {
    return argv -> {
      ran.add(String.join(" ", argv));
      return argv[0].equals("dmesg") ? dmesg : null;
    };
  }

  @Test
  void nativeCallsGiveDisksSoftraidChunksAndAttachFlags() throws Exception {
    List<String> ran = new ArrayList<>();
    Path boot = dmesgBoot(attach("sd0", "") + attach("sd1", ", readonly"));
    OpenBsdVolumes src = new OpenBsdVolumes(machine(crypto()), null, only(attach("sd2", ""), ran), boot);
    VolumeSource.Reading r = src.read();
    assertEquals(List.of(
        new Volume("/dev/sd0", List.of(), Volume.ReadOnly.NO, Volume.Evidence.SD_ATTACH, List.of()),
        new Volume("/dev/sd1", List.of(), Volume.ReadOnly.YES, Volume.Evidence.SD_ATTACH, List.of()),
        new Volume("/dev/sd2", List.of(), Volume.ReadOnly.NO, Volume.Evidence.SD_ATTACH, List.of("/dev/sd1a")),
        new Volume("/dev/cd0", List.of(), Volume.ReadOnly.UNKNOWN, Volume.Evidence.NONE, List.of())), r.volumes());
    assertEquals(List.of(), r.skipped());
    assertEquals(Map.of("3eb7f9da875cb9ee", "sd0", "0123456789abcdef", "sd2"), src.duids());
    assertEquals(List.of("dmesg"), ran, "no sysctl(8) or bioctl(8) child when the native calls work");
  }

  @Test
  void theRulesSeeAWriteProtectedChunkUnderAWritableVolume() throws Exception {
    Path boot = dmesgBoot(attach("sd1", ", readonly") + attach("sd2", ""));
    VolumeSource.Reading r = new OpenBsdVolumes(machine(crypto()), null, only(null, new ArrayList<>()), boot).read();
    Report report = CrossCheck.run("h", new CrossCheck.Views(null, null, r.volumes(), d -> Optional.empty()),
        new ArrayList<>(r.skipped()));
    List<String> ids = report.findings().stream().map(Finding::id).toList();
    assertEquals(List.of("wp-chunk-not-propagated"), ids);

    // the kit applied: sd(4) marked the volume readonly at attach
    Path patched = dmesgBoot(attach("sd1", ", readonly") + attach("sd2", ", readonly"));
    r = new OpenBsdVolumes(machine(crypto()), null, only(null, new ArrayList<>()), patched).read();
    report = CrossCheck.run("h", new CrossCheck.Views(null, null, r.volumes(), d -> Optional.empty()),
        new ArrayList<>(r.skipped()));
    assertEquals(List.of(), report.findings());
  }

  @Test
  void aDetachedAndReattachedStickCountsWithItsLastAttachLine() throws Exception {
    Path boot = dmesgBoot(attach("sd1", ""));
    String later = "sd1 detached\n" + attach("sd1", ", readonly");
    VolumeSource.Reading r =
        new OpenBsdVolumes(machine(new FakeSoftraid()), null, only(later, new ArrayList<>()), boot).read();
    assertEquals(Volume.ReadOnly.YES, r.volumes().get(1).readOnly());
  }

  @Test
  void thePreviousBootInTheMessageBufferDoesNotOverrideThisBoot() throws Exception {
    String banner = "OpenBSD 7.7 (GENERIC.MP) #624: Wed Apr  9 09:38:45 MDT 2025\n";
    Path boot = dmesgBoot(banner + attach("sd1", ", readonly"));
    // a warm reboot keeps the message buffer: the last boot's sd1 (writable then) comes before this boot's banner
    String buffer = attach("sd1", "") + banner + attach("sd1", ", readonly");
    VolumeSource.Reading r =
        new OpenBsdVolumes(machine(new FakeSoftraid()), null, only(buffer, new ArrayList<>()), boot).read();
    assertEquals(Volume.ReadOnly.YES, r.volumes().get(1).readOnly());
  }

  @Test
  void notRootSaysWhatCouldNotBeChecked() throws Exception {
    FakeSystemCalls sys = machine(crypto()).failOpen(OpenFlags.O_RDONLY.intValue(), Errno.EACCES);
    VolumeSource.Reading r =
        new OpenBsdVolumes(sys, null, only(null, new ArrayList<>()), tmp.resolve("missing")).read();
    assertEquals(4, r.volumes().size());
    assertTrue(r.volumes().stream().allMatch(v -> v.readOnly() == Volume.ReadOnly.UNKNOWN && v.chunks().isEmpty()));
    assertEquals(List.of("softraid-chunks", "sd-attach"), r.skipped().stream().map(Skipped::check).toList());
    assertTrue(r.skipped().get(0).reason().startsWith("open /dev/bio O_RDONLY: "), r.skipped().get(0).reason());
    assertTrue(r.skipped().get(0).reason().endsWith("(EACCES) (not root?)"), r.skipped().get(0).reason());
  }

  @Test
  void withoutJnrTheToolsOutputIsRead() throws Exception {
    String bioctl = String.format("%-11s %-10s %14s %-8s%n", "Volume", "Status", "Size", "Device")
        + String.format("%11s %-10s %14s %-7s CRYPTO%n", "softraid0 0", "Online", "10736352768", "sd2")
        + String.format("%11s %-10s %14s %-7s %-6s <%s>%n", "      0", "Online", "10736352768", "0:0.0", "noencl",
            "sd1a");
    List<String> ran = new ArrayList<>();
    OpenBsdVolumes.Runner runner = argv -> {
      ran.add(String.join(" ", argv));
      return switch (argv[0]) {
        case "sysctl" -> DISKNAMES + "\n";
        case "bioctl" -> bioctl;
        default -> attach("sd1", ", readonly");
      };
    };
    VolumeSource.Reading r =
        new OpenBsdVolumes(null, "cannot load JNR: test", runner, tmp.resolve("missing")).read();
    assertEquals(List.of("sysctl -n hw.disknames", "bioctl softraid0", "dmesg"), ran);
    assertEquals(List.of("/dev/sd1a"), r.volumes().get(2).chunks());
    assertEquals(Volume.ReadOnly.YES, r.volumes().get(1).readOnly());
    assertEquals(List.of(new Skipped("native-calls",
        "cannot load JNR: test; read sysctl(8) and bioctl(8) output instead")), r.skipped());
  }

  @Test
  void scsiDisksAreAskedThroughTheirRawWholeDiskNode() {
    assertTrue(OpenBsdVolumes.isScsiDisk("/dev/sd12"));
    assertEquals(List.of(false, false, false),
        Arrays.asList(OpenBsdVolumes.isScsiDisk("/dev/sd1a"), OpenBsdVolumes.isScsiDisk("/dev/wd0"),
            OpenBsdVolumes.isScsiDisk("/dev/cd0")));
    assertEquals("/dev/rsd12c", OpenBsdVolumes.rawDevice("/dev/sd12"));
  }
}
