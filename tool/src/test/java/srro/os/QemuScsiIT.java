package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import srro.testing.Peer;

/**
 * srro against a real kernel SCSI stack: Debian's 6.1 kernel under QEMU TCG with a {@code readonly=on}
 * virtio-scsi disk, a writable one and {@code scsi_debug wp=1}. One boot runs {@code srro probe --json} (the
 * shaded jar, over a read-only 9p share of the host's /) and {@link GuestCommands}; the console carries the
 * results between markers. run-tests fetches the kernel package into .cache/kernel.
 */
class QemuScsiIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path KERNELS = REPO.resolve(".cache/kernel");
  private static final int GUEST_SECONDS = 600;

  private static Map<String, String> sections;
  private static Map<String, Integer> statuses;
  private static List<String> commandLines;

  @BeforeAll
  static void bootOnce() throws Exception {
    Peer.require("qemu-system-x86_64", "qemu-system-x86");
    Peer.require("busybox", "busybox-static");
    Peer.require("cpio", "cpio");
    Peer.require("timeout", "coreutils");
    Peer.require("sg_modes", "sg3-utils");
    Path kernel = kernelRoot();
    Path jar = Path.of("target/srro.jar").toAbsolutePath();
    Path testClasses = Path.of("target/test-classes").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      fail("target/srro.jar is missing: QemuScsiIT runs after package (mvn verify)");
    }
    Path work = Files.createDirectories(Path.of("target/qemu-it").toAbsolutePath());
    Path job = work.resolve("job.sh");
    Path guestTmp = Files.createDirectories(work.resolve("guest-tmp"));
    // Issue 16: LUKS2 images formatted on the host (see GuestLuks).
    Path cryptsetup = Peer.require("cryptsetup", "cryptsetup");
    GuestLuks.format(work);
    Files.writeString(job, job(jar, testClasses, guestTmp)
        + GuestLuks.job("chroot /host $J -cp " + jar + " srro.cli.Main", cryptsetup, work, guestTmp.resolve("fstab")));
    Path console = work.resolve("console.log");
    Files.deleteIfExists(console);

    long start = System.nanoTime();
    Process p = new ProcessBuilder(
            "sh", Path.of("src/test/qemu/boot.sh").toAbsolutePath().toString(), kernel.toString(),
            work.toString(), job.toString(), Integer.toString(GUEST_SECONDS))
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("qemu.log").toFile())
        .start();
    if (!p.waitFor(GUEST_SECONDS + 30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("qemu did not finish in " + GUEST_SECONDS + " s; see " + console);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String log = Files.isRegularFile(console)
        ? Files.readString(console, StandardCharsets.ISO_8859_1).replace("\r", "")
        : "";
    parse(log);
    System.err.printf("QemuScsiIT: guest run %.1f s (exit %d), %s%n", seconds, p.exitValue(),
        log.lines().filter(l -> l.startsWith("SRRO-INIT")).toList());
    if (!sections.containsKey("sgmodes")) {
      fail("the guest did not finish (qemu exit " + p.exitValue() + "); console:\n" + tail(log)
          + "\nqemu:\n" + tail(Files.readString(work.resolve("qemu.log"))));
    }
  }

  /** The newest unpacked linux-image-6.1.0-*-amd64 under .cache/kernel (run-tests puts it there as root). */
  private static Path kernelRoot() throws IOException {
    if (Files.isDirectory(KERNELS)) {
      try (Stream<Path> s = Files.list(KERNELS)) {
        List<Path> roots = s.filter(d -> Files.isDirectory(d.resolve("boot"))).sorted().toList();
        if (!roots.isEmpty()) {
          return roots.get(roots.size() - 1);
        }
      }
    }
    Peer.missing("Debian's linux-image-6.1.0-*-amd64 unpacked under " + KERNELS);
    throw new AssertionError("unreachable");
  }

  /**
   * The guest's script. The host's / is shared read-only, so the guest's scratch space is a tmpfs mounted over
   * {@code guestTmp}, an empty directory of this test's own: never over /tmp, where a checkout (and so the
   * jar the guest runs) may live.
   */
  private static String job(Path jar, Path testClasses, Path guestTmp) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return String.join("\n",
        "mount -t tmpfs tmp /host" + guestTmp,
        "J=\"" + java + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Djava.io.tmpdir=" + guestTmp
            + "\"",
        "RO=$(dev SRRO READONLY); RW=$(dev SRRO WRITABLE); DBG=$(dev Linux scsi_debug)",
        "SG=/dev/$(ls /sys/block/${RO#/dev/}/device/scsi_generic/)",
        "echo \"SRRO-DEVICES ro=$RO rw=$RW debug=$DBG sg=$SG\"",
        "echo SRRO-BEGIN probe",
        "chroot /host $J -cp " + jar + " srro.cli.Main probe --json $RO $RW $DBG $SG 2>&1",
        "echo \"SRRO-END probe status=$?\"",
        "echo SRRO-BEGIN commands",
        "chroot /host $J -cp " + jar + ":" + testClasses
            + " srro.os.GuestCommands ro-qemu $RO rw-qemu $RW ro-debug $DBG 2>&1",
        "echo \"SRRO-END commands status=$?\"",
        "echo SRRO-BEGIN tape",
        "chroot /host $J -cp " + jar + " srro.cli.Main tape status --json $RW 2>&1",
        "echo \"SRRO-END tape status=$?\"",
        "echo SRRO-BEGIN check",
        ": > /host" + guestTmp + "/fstab",
        "chroot /host $J -cp " + jar + " srro.cli.Main check --json --fstab " + guestTmp + "/fstab 2>&1",
        "echo \"SRRO-END check status=$?\"",
        "echo SRRO-BEGIN sgmodes",
        "for l in ro-qemu:$RO rw-qemu:$RW ro-debug:$DBG; do",
        "  for s in 6 10; do",
        "    o=$([ $s = 6 ] && echo -6)",
        "    echo \"SG ${l%%:*} $s $(chroot /host sg_modes $o -p 0x3f ${l#*:} 2>&1 | grep -o 'WP=[01]' | head -n 1)\"",
        "  done",
        "done",
        "echo \"SRRO-END sgmodes status=$?\"",
        "");
  }

  private static String log = "";

  private static void parse(String log) {
    QemuScsiIT.log = log;
    sections = new LinkedHashMap<>();
    statuses = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?ms)^SRRO-BEGIN (\\w+)\n(.*?)^SRRO-END \\1 status=(\\d+)$").matcher(log);
    while (m.find()) {
      sections.put(m.group(1), m.group(2));
      statuses.put(m.group(1), Integer.parseInt(m.group(3)));
    }
    commandLines = new ArrayList<>();
    sections.getOrDefault("commands", "").lines().filter(l -> l.startsWith("SRRO-CMD ")).forEach(commandLines::add);
  }

  private static String tail(String s) {
    List<String> lines = s.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** The JSON object probe printed for the device whose INQUIRY product is {@code product}. */
  private static String probed(String product) {
    String json = sections.get("probe");
    for (String part : json.split("\\{\"device\":")) {
      if (part.contains("\"product\":\"" + product + "\"")) {
        return part;
      }
    }
    fail("probe printed nothing for " + product + ":\n" + json);
    return "";
  }

  private static String command(String label, String name) {
    String prefix = "SRRO-CMD " + label + " " + name.replace(' ', '_') + " ";
    return commandLines.stream().filter(l -> l.startsWith(prefix)).findFirst()
        .map(l -> l.substring(prefix.length()))
        .orElseGet(() -> fail("no result for " + label + " " + name + " in:\n" + String.join("\n", commandLines)));
  }

  @Test
  void probeDecidesEveryDeviceAndExitsZero() {
    assertEquals(0, statuses.get("probe"), sections.get("probe"));
    assertTrue(probed("READONLY").contains("\"verdict\":\"yes\""), probed("READONLY"));
    assertTrue(probed("WRITABLE").contains("\"verdict\":\"no\""), probed("WRITABLE"));
    assertTrue(probed("scsi_debug").contains("\"verdict\":\"yes\""), probed("scsi_debug"));
  }

  @Test
  void writeOpenOfAWriteProtectedDiskFailsWithErofsAndFallsBackToReadOnly() {
    for (String product : List.of("READONLY", "scsi_debug")) {
      String p = probed(product);
      assertTrue(p.contains("\"open\":\"read-only (read-write open failed: EROFS)\""), p);
      assertTrue(p.contains("{\"source\":\"open O_RDWR\",\"reading\":\"read_only\",\"detail\":\"EROFS\"}"), p);
      assertTrue(p.contains("{\"source\":\"BLKROGET\",\"reading\":\"read_only\",\"detail\":\"1\"}"), p);
    }
    assertTrue(probed("WRITABLE").contains("\"open\":\"read-write\""), probed("WRITABLE"));
    assertEquals("mode=read-only_(read-write_open_failed:_EROFS)", command("ro-qemu", "open"));
    assertEquals("mode=read-write", command("rw-qemu", "open"));
  }

  @Test
  void theSgNodeOpensReadWriteButTheWpBitAndSysfsStillSayReadOnly() {
    String json = sections.get("probe");
    String sg = json.substring(json.lastIndexOf("{\"device\":"));
    assertTrue(sg.contains("\"open\":\"read-write\""), sg);
    assertTrue(sg.contains("\"write_protected\":true"), sg);
    assertTrue(sg.contains("\"verdict\":\"yes\""), sg);
  }

  @Test
  void modeSenseSixAndTenCarryTheRealWpBit() {
    for (String name : List.of("MODE SENSE(6) page 0x3f", "MODE SENSE(10) page 0x3f")) {
      assertTrue(command("ro-qemu", name).startsWith("good wp=1 "), name);
      assertTrue(command("ro-debug", name).startsWith("good wp=1 "), name);
      assertTrue(command("rw-qemu", name).startsWith("good wp=0 "), name);
    }
    assertTrue(probed("READONLY").contains("\"write_protected\":true"));
    assertTrue(probed("WRITABLE").contains("\"write_protected\":false"));
  }

  @Test
  void sgModesFromSg3UtilsReadsTheSameWpBits() {
    String sg = sections.get("sgmodes");
    for (String label : List.of("ro-qemu", "rw-qemu", "ro-debug")) {
      for (String six : List.of("6", "10")) {
        String ours = command(label, "MODE SENSE(" + six + ") page 0x3f").replaceFirst("good (wp=\\d).*", "$1");
        assertTrue(sg.contains("SG " + label + " " + six + " " + ours.toUpperCase(java.util.Locale.ROOT) + "\n"),
            label + " " + six + ": srro " + ours + ", sg_modes:\n" + sg);
      }
    }
  }

  /**
   * Issue 16: the control page's SWP bit. QEMU scsi-hd has no control mode page (ILLEGAL REQUEST, so probe
   * leaves SWP unknown); scsi_debug has one, and with wp=1 it still says SWP=0: its write protection is the
   * header's WP bit, although a write is refused with LOGICAL UNIT SOFTWARE WRITE PROTECTED (27h/02h).
   */
  @Test
  void theControlPageIsMissingOnQemuAndSaysSwpZeroOnScsiDebug() {
    for (String name : List.of("MODE SENSE(6) page 0x0a", "MODE SENSE(10) page 0x0a")) {
      assertEquals("failed layer=SCSI_STATUS code=CHECK_CONDITION key=ILLEGAL_REQUEST asc=0x24/0x00",
          command("ro-qemu", name), name);
      assertTrue(command("ro-debug", name).startsWith("good wp=1 "), name);
    }
    assertTrue(probed("READONLY").contains("\"software_write_protect\":null,"), probed("READONLY"));
    assertTrue(probed("scsi_debug").contains("\"software_write_protect\":false,"), probed("scsi_debug"));
    assertTrue(probed("scsi_debug").contains("\"protected_by\":[\"wp_bit\",\"os\"],\"writable_by\":[]"),
        probed("scsi_debug"));
  }

  @Test
  void anUnsupportedPageIsCheckConditionIllegalRequest() {
    for (String label : List.of("ro-qemu", "rw-qemu", "ro-debug")) {
      for (String name : List.of("MODE SENSE(6) page 0x00", "MODE SENSE(10) page 0x00")) {
        assertEquals("failed layer=SCSI_STATUS code=CHECK_CONDITION key=ILLEGAL_REQUEST asc=0x24/0x00",
            command(label, name), label + " " + name);
      }
    }
  }

  @Test
  void aWriteToTheReadOnlyDiskIsDataProtect() {
    // QEMU says WRITE PROTECTED (27h/00h), scsi_debug LOGICAL UNIT SOFTWARE WRITE PROTECTED (27h/02h).
    assertEquals("failed layer=SCSI_STATUS code=CHECK_CONDITION key=DATA_PROTECT asc=0x27/0x00",
        command("ro-qemu", "WRITE(10)"));
    assertEquals("failed layer=SCSI_STATUS code=CHECK_CONDITION key=DATA_PROTECT asc=0x27/0x02",
        command("ro-debug", "WRITE(10)"));
    assertEquals(0, statuses.get("commands"), sections.get("commands"));
  }

  /** Issue 7: SECURITY PROTOCOL IN to a disk is ILLEGAL REQUEST, invalid opcode, never "encryption off". */
  @Test
  void tapeStatusOfADiskIsIllegalRequestNotEncryptionOff() {
    String out = sections.get("tape");
    assertEquals(1, statuses.get("tape"), out);
    assertTrue(out.contains("\"ok\":false"), out);
    assertTrue(out.contains("reading the supported security protocols: SECURITY PROTOCOL IN protocol 0x00"
        + " specific 0x0000 failed at the scsi_status layer (CHECK_CONDITION): check condition: ILLEGAL REQUEST:"
        + " Invalid command operation code (asc 0x20, ascq 0x00)"), out);
    assertFalse(out.contains("encryptionMode"), out);
  }

  /** Issue 6: srro check asks the real disks for the WP bit, not only the kernel's ro flag. */
  @Test
  void checkTakesWriteProtectionFromModeSense() {
    String out = sections.get("check");
    assertEquals(0, statuses.get("check"), out);
    Matcher d = Pattern.compile("SRRO-DEVICES ro=(\\S+) rw=(\\S+) debug=(\\S+)").matcher(log);
    assertTrue(d.find(), log);
    assertTrue(out.contains("{\"device\":\"" + d.group(1) + "\",\"aliases\":[],\"read_only\":true,"
        + "\"evidence\":\"mode_sense_wp\""), out);
    assertTrue(out.contains("{\"device\":\"" + d.group(2) + "\",\"aliases\":[],\"read_only\":false,"
        + "\"evidence\":\"mode_sense_wp\""), out);
    assertTrue(out.contains("{\"device\":\"" + d.group(3) + "\",\"aliases\":[],\"read_only\":true,"
        + "\"evidence\":\"mode_sense_wp\""), out);
    assertFalse(out.contains("\"check\":\"mode-sense-wp\""), out);
  }

  // ---- issue 16: LUKS2 over the write-protected disks (GuestLuks) ----------------------------------------

  /** The guest's "SRRO-LUKS dm /dev/dm-N name=NAME ro=R slaves=S" line for mapping {@code name}. */
  private static Matcher mapping(String name) {
    Matcher m = Pattern.compile("SRRO-LUKS dm (/dev/dm-\\d+) name=" + name + " ro=(\\d) slaves=(\\S+)").matcher(log);
    assertTrue(m.find(), "no mapping " + name + " in:\n" + sections.get("luks_open"));
    return m;
  }

  private static Matcher devices() {
    Matcher d = Pattern.compile("SRRO-DEVICES ro=(\\S+) rw=(\\S+) debug=(\\S+)").matcher(log);
    assertTrue(d.find(), log);
    return d;
  }

  @Test
  void aLuksMappingMadeBeforeTheWriteProtectionCameOnIsFlaggedByCheckAndProbe() {
    String out = sections.get("luks_late");
    assertTrue(log.contains("SRRO-LUKS open-late status=0"), log);
    assertEquals(1, statuses.get("luks_late"), out);
    String debug = devices().group(3);
    assertTrue(out.contains("\"id\":\"rw-mapper-over-wp-chunk\""), out);
    // scsi_debug also answers the control page: SWP=0, the WP bit is the layer that protects.
    assertTrue(out.contains("(/dev/mapper/srro-late) is read-write (sysfs ro=0) over chunk " + debug
        + ", which is write-protected (sysfs ro=1, MODE SENSE WP=1, control page SWP=0)"), out);
    assertTrue(out.contains("cryptsetup close srro-late; cryptsetup open --readonly " + debug + " srro-late"), out);
    String probe = sections.get("luks_late_probe");
    assertEquals(1, statuses.get("luks_late_probe"), probe);
    assertTrue(probe.contains("\"verdict\":\"disagree\""), probe);
    assertTrue(probe.contains("\"chunks\":[{\"device\":\"" + debug + "\",\"aliases\":[],\"read_only\":true"), probe);
    assertTrue(probe.contains("\"summary\":\"verdict: layers disagree: the mapping is read-write over a"
        + " write-protected chunk\""), probe);
  }

  @Test
  void readOnlyMappingsOverTheWriteProtectedDisksAreReadOnlyAtEveryLayerAndTheWritableOneIsNot() {
    String out = sections.get("luks_check");
    assertEquals(0, statuses.get("luks_check"), out);
    Matcher d = devices();
    String[][] cases = {{"srro-ro", d.group(1), "true"}, {"srro-debug", d.group(3), "true"},
        {"srro-rw", d.group(2), "false"}};
    for (String[] c : cases) {
      Matcher m = mapping(c[0]);
      assertEquals(c[1], "/dev/" + m.group(3), c[0] + " lies on its disk");
      assertTrue(out.contains("{\"device\":\"" + m.group(1) + "\",\"aliases\":[\"/dev/mapper/" + c[0] + "\"],"
          + "\"read_only\":" + c[2] + ",\"evidence\":\"sysfs_ro\",\"chunks\":[\"" + c[1] + "\"]"), c[0] + "\n" + out);
    }
    // QEMU's scsi-hd has no control page; scsi_debug's says SWP=0: the WP bit protects both.
    String layers = "{\"source\":\"sysfs_ro\",\"read_only\":true,\"detail\":\"ro=1\"},{\"source\":\"mode_sense_wp\","
        + "\"read_only\":true,\"detail\":\"WP=1\"}";
    String head = "\",\"aliases\":[],\"read_only\":true,\"evidence\":\"mode_sense_wp\",\"chunks\":[],\"readings\":[";
    assertTrue(out.contains("{\"device\":\"" + d.group(1) + head + layers + "]}"), d.group(1) + "\n" + out);
    assertTrue(out.contains("{\"device\":\"" + d.group(3) + head + layers + ",{\"source\":\"control_page_swp\","
        + "\"read_only\":false,\"detail\":\"SWP=0\"}]}"), d.group(3) + "\n" + out);
    assertFalse(out.contains("rw-mapper-over-wp-chunk"), out);
  }

  @Test
  void probeOfAMapperShowsTheMappingTheChunkAndEveryLayersEvidence() {
    String out = sections.get("luks_probe");
    assertEquals(0, statuses.get("luks_probe"), out);
    Matcher d = devices();
    Matcher ro = mapping("srro-ro");
    assertTrue(out.contains("/dev/mapper/srro-ro: device-mapper volume " + ro.group(1)
        + " (/dev/mapper/srro-ro): read-only (sysfs ro=1)\n/dev/mapper/srro-ro:   on chunk " + d.group(1)
        + ": read-only (sysfs ro=1, MODE SENSE WP=1)\n"), out);
    assertTrue(out.contains("/dev/mapper/srro-ro: verdict: read-only"), out);
    assertTrue(out.contains("/dev/mapper/srro-debug: verdict: read-only"), out);
    assertTrue(out.contains("/dev/mapper/srro-rw:   on chunk " + d.group(2)
        + ": read-write (sysfs ro=0, MODE SENSE WP=0)\n"), out);
    assertTrue(out.contains("/dev/mapper/srro-rw: verdict: read-write"), out);
  }

  /**
   * A fact the test keeps: cryptsetup 2.6 opens a write-protected disk read-only by itself when --readonly is
   * left out (it sees the kernel's ro flag), so a mapping made after the protection is safe; only one made
   * before the protection came on is read-write over it (the case above).
   */
  @Test
  void cryptsetupWithoutReadonlyOnAWriteProtectedDiskStillMakesAReadOnlyMapping() {
    assertTrue(log.contains("SRRO-LUKS open-rw-on-wp status=0 ro=1 \n"), sections.get("luks_open"));
  }
}
