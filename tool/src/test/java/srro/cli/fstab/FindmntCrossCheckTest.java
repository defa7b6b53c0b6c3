package srro.cli.fstab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.findings.Finding;
import srro.fstab.Dialect;
import srro.fstab.Fstab;
import srro.fstab.FstabLint;
import srro.fstab.VolumeFacts;
import srro.os.Host;
import srro.testing.Peer;

/**
 * srro's fstab rules against {@code findmnt --verify --tab-file F --verbose} (util-linux) on the same file, on
 * this machine: every finding findmnt makes is one srro makes, at the same line and severity, except the
 * differences listed in {@link #EXPLAINED}, each a findmnt bug or inconsistency that the test shows happening.
 * findmnt's on-disk type probe ("cannot detect on-disk filesystem type") has no srro twin: srro reads no
 * superblock, and findmnt needs root and the device's contents for it; those lines are left out.
 */
class FindmntCrossCheckTest {
  @TempDir Path tmp;

  /** findmnt's message, by the start of its text, and the srro rule that says the same. */
  private static final Map<String, String> RULES = Map.ofEntries(
      Map.entry("unreachable on boot required source", "source-not-found"),
      Map.entry("unreachable source", "source-not-found"),
      Map.entry("unreachable: ", "source-not-found"),
      Map.entry("unsupported source tag", "unsupported-tag"),
      Map.entry("source ", "source-not-block-device"),
      Map.entry("unreachable on boot required target", "mount-point-not-found"),
      Map.entry("unreachable target", "mount-point-not-found"),
      Map.entry("target is not a directory", "mount-point-not-directory"),
      Map.entry("non-canonical target path", "non-canonical-mount-point"),
      Map.entry("target specified more than once", "duplicate-mount-point"),
      Map.entry("wrong order", "mount-order"));

  /** The srro rules findmnt has a twin for; the others (fs_passno, options) findmnt does not check. */
  private static final java.util.Set<String> COMPARED = java.util.Set.of("source-not-found", "unsupported-tag",
      "source-not-block-device", "mount-point-not-found", "mount-point-not-directory", "non-canonical-mount-point",
      "duplicate-mount-point", "mount-order", "unknown-fs-type", "relative-mount-point");

  /** A difference between findmnt and srro: what findmnt says, what srro says instead, and why srro is right. */
  record Explained(String findmnt, String srro, String why) {}

  /** Keyed "LINE SEVERITY RULE"; a null side means that side says nothing. */
  private static final List<Explained> EXPLAINED = List.of(
      new Explained("3 W source-not-found", "3 E source-not-found",
          "findmnt only warns when a device path is missing but calls an unresolved UUID= an error; the boot fails"
              + " the same way for both (mount waits for the device, then the boot stops), so srro says error"
              + " unless noauto"),
      new Explained("5 W duplicate-mount-point", null,
          "findmnt puts 'target specified more than once' on the first entry, though the later one is the mount"
              + " that hides it; srro flags the later line (6)"),
      new Explained(null, "6 W duplicate-mount-point", "the other half of the line above"),
      new Explained("1 W duplicate-mount-point", "3 W duplicate-mount-point",
          "the same for line 3's mount point written with a trailing slash: one mount point, flagged on the"
              + " later line"),
      new Explained(null, "7 E relative-mount-point",
          "findmnt stats a relative fs_file against its own working directory, so 'relative' passes when the"
              + " directory it runs in has one; mount at boot never resolves it so, and srro calls it an error"),
      new Explained("7 W non-canonical-mount-point", null,
          "findmnt's non-canonical warning for the relative path comes from the same cwd resolution"),
      new Explained("7 E mount-order", null,
          "and so does its order error: resolved against the cwd, 'relative' lies under line 10's directory"),
      new Explained(null, "8 W unknown-fs-type",
          "findmnt does not check the types of a comma-separated list (ext4,bogusfs); mount tries each, and a"
              + " type the kernel does not know is worth a warning"));

  @Test
  void everyFindmntFindingIsOneOfSrrosOrAnExplainedFindmntBug() throws Exception {
    Peer.require("findmnt", "util-linux");
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    Files.createDirectories(cwd.resolve("relative")); // findmnt runs here, and finds "relative" there
    Path dir = Files.createDirectories(tmp.resolve("mnt"));
    Path var = Files.createDirectories(tmp.resolve("var"));
    Files.createDirectories(tmp.resolve("var/lib"));
    Path file = Files.writeString(tmp.resolve("file"), "x");
    String block = someBlockDevice();
    List<String> lines = new ArrayList<>(List.of(
        block + " " + dir + " ext4 defaults 0 0",                 // 1 clean
        "UUID=00000000-srro-none " + tmp + "/none ext4 noauto 0 0", // 2 W source, W target (noauto)
        "/dev/srro-nonexistent " + dir + "/ ext4 defaults 0 0",   // 3 source missing; non-canonical target
        "FOO=bar " + file + " ext4 defaults 0 0",                 // 4 unsupported tag; target not a directory
        "/dev/null " + var + " bogusfs defaults 0 0",             // 5 not a block device; unknown type; duplicate
        block + " " + var + " ext4 defaults 0 0",                 // 6 duplicate (the later one)
        block + " relative ext4 noauto 0 0",                      // 7 relative
        block + " " + tmp + "/var/lib ext4,bogusfs defaults 0 0", // 8 a list with an unknown type; order
        "tmpfs " + tmp + "/gone tmpfs defaults 0 0",              // 9 pseudo: source and type not checked
        block + " " + tmp + " ext4 defaults 0 0"));               // 10 parent of the lines before it
    Path fstab = tmp.resolve("fstab");
    Files.writeString(fstab, String.join("\n", lines) + "\n");

    TreeSet<String> findmnt = findmnt(fstab, cwd);
    Fstab f = Fstab.parse(fstab.toString(), Files.readAllBytes(fstab), Dialect.LINUX, null);
    TreeSet<String> srro = new TreeSet<>();
    for (Finding x : FstabLint.lint(f, VolumeFacts.NONE, Host.current().fstabNames())) {
      if (COMPARED.contains(x.id())) {
        srro.add(x.line() + " " + x.severity().letter() + " " + x.id());
      }
    }
    TreeSet<String> expected = new TreeSet<>(findmnt);
    for (Explained e : EXPLAINED) {
      if (e.findmnt() != null) {
        assertTrue(findmnt.contains(e.findmnt()), "findmnt no longer says " + e.findmnt() + " (" + e.why()
            + "); findmnt said " + findmnt);
        expected.remove(e.findmnt());
      }
      if (e.srro() != null) {
        expected.add(e.srro());
      }
    }
    assertEquals(expected, srro, "findmnt said " + findmnt);
  }

  /** findmnt's E and W lines as "LINE SEVERITY RULE": its blocks come one per entry, in file order. */
  private static TreeSet<String> findmnt(Path fstab, Path cwd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("findmnt", "--verify", "--verbose", "--tab-file", fstab.toString())
        .directory(cwd.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "findmnt hung");
    TreeSet<String> found = new TreeSet<>();
    int entry = 0;
    for (String l : out.split("\n")) {
      if (!l.startsWith(" ") && !l.isEmpty() && !l.matches("\\d+ parse errors.*")) {
        entry++;
        continue;
      }
      String t = l.strip();
      if (!t.startsWith("[E] ") && !t.startsWith("[W] ")) {
        continue;
      }
      String msg = t.substring(4);
      if (msg.startsWith("cannot detect on-disk filesystem type") || msg.contains("does not match with on-disk")) {
        continue; // no srro twin: see the class comment
      }
      String rule = msg.endsWith("seems unsupported by the current kernel") ? "unknown-fs-type"
          : RULES.entrySet().stream().filter(r -> msg.startsWith(r.getKey()))
              .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
              .map(Map.Entry::getValue).orElse("findmnt:" + msg);
      found.add(entry + " " + t.charAt(1) + " " + rule);
    }
    return found;
  }

  /** A block device this machine has (/dev/loop0 on most), so the clean lines have a real source. */
  private static String someBlockDevice() throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/dev"))) {
      for (Path p : ds) {
        try {
          Object mode = Files.getAttribute(p, "unix:mode");
          if (mode instanceof Integer m && (m & 0170000) == 0060000) {
            return p.toString();
          }
        } catch (IOException | UnsupportedOperationException e) {
          // not a candidate
        }
      }
    }
    Peer.missing("a block device under /dev");
    throw new AssertionError("unreachable");
  }
}
