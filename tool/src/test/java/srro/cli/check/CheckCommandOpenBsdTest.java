package srro.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import srro.cli.CliRun;
import srro.cli.Io;
import srro.cli.JsonContract;
import srro.fstab.MachineFacts;
import srro.os.FakeOpenBsd;
import srro.os.Host;
import srro.os.FakeOpenBsd.ModeSense;
import srro.os.SpecResolver;

/**
 * srro check on an OpenBSD 7.7 machine made of fakes, through every native path: getfsstat records, hw.disknames
 * by sysctl, softraid0 by the bio ioctls, dmesg, and MODE SENSE by SCIOCCOMMAND on /dev/rsdNc. The machine: a
 * USB stick with its lock switch on (sd1), a CRYPTO volume sd2 on its sd1a, and fstab naming disks by DUID.
 */
class CheckCommandOpenBsdTest {
  @TempDir Path tmp;

  private static final String DISKNAMES = "sd0:3eb7f9da875cb9ee,sd1:,sd2:0123456789abcdef,cd0:";

  private static String attach(String disk, String tail) {
    return disk + " at scsibus1 targ 0 lun 0: <SanDisk, Cruzer Blade, 1.00> removable\n"
        + disk + ": 7633MB, 512 bytes/sector, 15633408 sectors" + tail + "\n";
  }

  private record Run(int status, String out) {}

  /** The fake machine's names: DUIDs through hw.disknames, mount points / and /secure, the type ffs. */
  private record OpenBsdNames(SpecResolver resolver, boolean duidsKnown) implements MachineFacts {
    @Override
    public Optional<Source> source(String spec) {
      return duidsKnown ? Optional.of(resolver.apply(spec).<Source>map(p -> new Source.Found(p, true))
          .orElse(new Source.Missing("no disk with DUID " + spec))) : Optional.empty();
    }

    @Override
    public Optional<Target> target(String path) {
      return Optional.of(Set.of("/", "/secure").contains(path) ? new Target(true, true, path)
          : Target.missing(path));
    }

    @Override
    public Optional<Set<String>> fileSystems() {
      return Optional.of(Set.of("ffs", "msdos", "cd9660"));
    }
  }

  private static Run check(FakeOpenBsd m, String... args) {
    Host host = new Host.OpenBsd(m::volumes, m::mounts, (path, access) -> m.open(path), OpenBsdNames::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      Io io = new Io(new ByteArrayInputStream(new byte[0]), o, o, Map.of());
      int status = new CommandLine(new CheckCommand(io, host)).execute(args);
      return new Run(status, out.toString(StandardCharsets.UTF_8));
    }
  }

  private Path fstab(String secureOptions, int passno) throws Exception {
    Path f = tmp.resolve("fstab");
    Files.writeString(f, "3eb7f9da875cb9ee.a / ffs rw 1 1\n0123456789abcdef.a /secure ffs " + secureOptions
        + " 1 " + passno + "\n");
    return f;
  }

  private static FakeOpenBsd stickAndVolume() {
    return new FakeOpenBsd().disknames(DISKNAMES).crypto("sd2", "sd1a")
        .disk("sd0", ModeSense.WRITABLE).disk("sd1", ModeSense.WRITE_PROTECTED);
  }

  /** The kernel without the kit: softraid answers MODE SENSE with a driver stuff-up, sd2 attached writable. */
  private static FakeOpenBsd unpatched() {
    return stickAndVolume().disk("sd2", ModeSense.STUFFUP)
        .dmesg(attach("sd0", "") + attach("sd1", ", readonly") + attach("sd2", ""))
        .mount("/dev/sd0a", "/", "ffs", false).mount("/dev/sd2a", "/secure", "ffs", false);
  }

  /** The kernel with the kit: softraid sets WP, sd(4) attaches sd2 readonly, so it can only be mounted ro. */
  private static FakeOpenBsd patched() {
    return stickAndVolume().disk("sd2", ModeSense.WRITE_PROTECTED)
        .dmesg(attach("sd0", "") + attach("sd1", ", readonly") + attach("sd2", ", readonly"))
        .mount("/dev/sd0a", "/", "ffs", false).mount("/dev/sd2a", "/secure", "ffs", true);
  }

  @Test
  void withoutTheKitTheVolumeOnAWriteProtectedStickDoesNotSayReadOnly() throws Exception {
    Run r = check(unpatched(), "--fstab", fstab("rw,nodev", 2).toString());
    assertEquals(1, r.status(), r.out());
    assertEquals(
        "read-only volumes: /dev/sd1 (mode sense wp)\n"
            + "volume /dev/sd2: read-write (sd(4) attach no)\n"
            + "  on chunk /dev/sd1: read-only (sd(4) attach yes, MODE SENSE WP=1)\n"
            + "[ ] /\n"
            + "[E] /secure\n"
            + "      E /secure is mounted read-write from /dev/sd2, which lies on chunk /dev/sd1, write-protected"
            + " (sd(4) attach yes, MODE SENSE WP=1) [rw-mount-over-wp-chunk]\n"
            + "        fix: mount -u -o ro /secure\n"
            + "[E] /dev/sd2\n"
            + "      E chunk /dev/sd1 is write-protected (sd(4) attach yes, MODE SENSE WP=1) but volume /dev/sd2"
            + " does not report read-only (kit not applied?) [wp-chunk-not-propagated]\n"
            + "        fix: apply the srro softraid patch kit (srro kit), rebuild the kernel, reassemble the volume\n"
            + "      E /dev/rsd2c: MODE SENSE(10) page 0x3f failed at the transport layer (SCCMD_UNKNOWN): the"
            + " adapter or driver failed the command (retsts SCCMD_UNKNOWN) [device-refused-command]\n"
            + "        fix: softraid without the srro kit fails MODE SENSE: apply the srro softraid patch kit (srro"
            + " kit), rebuild the kernel, reassemble the volume\n"
            + "\n"
            + "Verdict: NOT OK, 3 errors: each E line above says what is wrong, and the fix line under it what to"
            + " do.\n"
            + "checked: fstab, volumes, volumes-vs-mounts, fstab-vs-mounts\n",
        r.out());
  }

  /** issue #11: a disk that refuses a command is a "no" in check as in probe, with the line probe prints. */
  @Test
  void aDiskThatRefusesACommandIsAnErrorWithTheLineProbePrints() throws Exception {
    FakeOpenBsd m = patched().disk("sd0", ModeSense.REFUSES);
    Host host = host(m);
    CliRun probe = CliRun.on(host, "probe", "/dev/rsd0c");
    assertEquals(1, probe.status(), probe.toString());
    String line = "/dev/rsd0c: INQUIRY failed at the scsi_status layer (CHECK_CONDITION): check condition: ILLEGAL"
        + " REQUEST: Invalid command operation code (asc 0x20, ascq 0x00)";
    assertEquals("srro: " + line + "\n", probe.err());

    Path fstab = fstab("ro,nodev", 0);
    CliRun check = CliRun.on(host, "check", "--fstab", fstab.toString());
    assertEquals(1, check.status(), check.toString());
    assertEquals("", check.err());
    assertTrue(check.out().contains("[E] /dev/sd0\n      E " + line + " [device-refused-command]\n"
        + "        fix: srro probe shows every command and answer; until the disk answers MODE SENSE its write"
        + " protection is not known\n"), check.toString());
    assertTrue(check.out().contains("\nVerdict: NOT OK, 1 error: "), check.toString());
    assertFalse(check.out().contains("not checked: mode-sense-wp"), check.toString());

    CliRun json = CliRun.on(host, "check", "--json", "--fstab", fstab.toString());
    assertEquals(1, json.status(), json.toString());
    JsonNode doc = JsonContract.validate(json).get(0);
    JsonNode finding = doc.get("findings").get(0);
    assertEquals("device-refused-command", finding.get("id").asText(), json.toString());
    assertEquals("error", finding.get("severity").asText());
    assertEquals("/dev/sd0", finding.get("target").asText());
    assertEquals(line, finding.get("message").asText());
  }

  /** The pass-through ioctl itself failing ends check with 71 and probe's one line, as it ends probe. */
  @Test
  void anIoctlThatFailsIsSeventyOneWithOneLineAsInProbe() throws Exception {
    Host host = host(patched().disk("sd0", ModeSense.IOCTL_EIO));
    String line = "srro: /dev/rsd0c: INQUIRY: the pass-through ioctl failed (EIO)\n";
    CliRun probe = CliRun.on(host, "probe", "/dev/rsd0c");
    assertEquals(71, probe.status(), probe.toString());
    assertEquals(line, probe.err());

    String fstab = fstab("ro,nodev", 0).toString();
    CliRun check = CliRun.on(host, "check", "--fstab", fstab);
    assertEquals(71, check.status(), check.toString());
    assertEquals(line, check.err());
    assertEquals("", check.out());

    CliRun json = CliRun.on(host, "check", "--json", "--fstab", fstab);
    assertEquals(71, json.status(), json.toString());
    assertEquals(line, json.err());
    JsonNode error = JsonContract.validate(json).get(0);
    assertEquals("srro-error/1", error.get("schema").asText(), json.toString());
    assertEquals("oserr", error.get("kind").asText());
    assertEquals("srro check", error.get("srro_command").asText());
    assertEquals(line.substring("srro: ".length()).strip(), error.get("message").asText());
  }

  private static Host host(FakeOpenBsd m) {
    return new Host.OpenBsd(m::volumes, m::mounts, (path, access) -> m.open(path), OpenBsdNames::new);
  }

  @Test
  void withTheKitTheVolumeSaysReadOnlyAndFstabMustFollow() throws Exception {
    Path fstab = fstab("rw,nodev", 2);
    Run r = check(patched(), "--fstab", fstab.toString(), "--json");
    assertEquals(1, r.status(), r.out());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals("getfsstat(2)", doc.get("mounts").asText());
    assertEquals(0, doc.get("checks_skipped").size(), "everything was checked as root\n" + r.out());
    JsonNode sd2 = null;
    for (JsonNode v : doc.get("volumes")) {
      sd2 = v.get("device").asText().equals("/dev/sd2") ? v : sd2;
    }
    assertEquals(new ObjectMapper().readTree("{\"device\":\"/dev/sd2\",\"aliases\":[],\"read_only\":true,"
        + "\"evidence\":\"mode_sense_wp\",\"chunks\":[\"/dev/sd1a\"],\"readings\":[{\"source\":\"sd_attach\","
        + "\"read_only\":true,\"detail\":\"\"},{\"source\":\"mode_sense_wp\",\"read_only\":true,"
        + "\"detail\":\"WP=1\"}]}"), sd2, r.out());
    Set<String> ids = new java.util.HashSet<>();
    doc.get("findings").forEach(f -> ids.add(f.get("id").asText()));
    for (String id : new String[] {"ro-volume-passno", "rw-on-ro-volume", "fstab-rw-mounted-ro"}) {
      assertTrue(ids.contains(id), id + "\n" + r.out());
    }

    Run fixed = check(patched(), "--fstab", fstab.toString(), "--fix");
    assertTrue(fixed.out().contains("fs_passno 2 -> 0 [ro-volume-passno]"), fixed.out());
    assertEquals("3eb7f9da875cb9ee.a / ffs rw 1 1\n0123456789abcdef.a /secure ffs rw,nodev 1 0\n",
        Files.readString(fstab));

    Files.writeString(fstab, Files.readString(fstab).replace("rw,nodev", "ro,nodev"));
    Run clean = check(patched(), "--fstab", fstab.toString());
    assertEquals(0, clean.status(), clean.out());
    assertTrue(clean.out().contains("\nVerdict: OK, no errors or warnings in what was checked.\n"), clean.out());
  }

  @Test
  void asAnUnprivilegedUserItSaysWhatItCouldNotAsk() throws Exception {
    Run r = check(patched().notRoot(), "--fstab", fstab("ro,nodev", 0).toString());
    assertEquals(0, r.status(), r.out());
    assertTrue(r.out().startsWith("read-only volumes: /dev/sd1 (sd attach), /dev/sd2 (sd attach)\n"), r.out());
    assertTrue(r.out().contains("not checked: softraid-chunks: open /dev/bio O_RDONLY: permission denied (EACCES)"
        + " (not root?)\n"), r.out());
    assertTrue(r.out().contains("not checked: mode-sense-wp: /dev/sd1: open /dev/rsd1c O_RDONLY: permission"
        + " denied (EACCES)\n"), r.out());
  }

  @Test
  void theJsonWithEveryLayersReadingsIsACheckDocument() throws Exception {
    FakeOpenBsd m = patched();
    Host host = new Host.OpenBsd(m::volumes, m::mounts, (path, access) -> m.open(path), OpenBsdNames::new);
    CliRun r = CliRun.on(host, "check", "--json", "--fstab", fstab("rw,nodev", 2).toString());
    assertEquals(1, r.status(), r.toString());
    JsonContract.validate(r);
  }
}
