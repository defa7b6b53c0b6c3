package srro.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;
import srro.testing.Peer;

/**
 * srro check against real kernel state: ext4 images on loop devices, one mounted ro, one rw, one on a read-only
 * loop device ({@code losetup -r}), and an fstab in a temp file that names them. Needs root; without root or
 * loop devices it skips loudly (fails under CI=true). Everything it sets up is torn down in finally blocks.
 */
class CheckCommandLiveTest {
  private static final Pattern FINDING =
      Pattern.compile("\"id\":\"([a-z-]+)\",\"severity\":\"([a-z]+)\",\"target\":\"([^\"]*)\"");

  @TempDir Path tmp;

  private final Deque<String[]> undo = new ArrayDeque<>();

  @Test
  void findsExactlyTheExpectedErrorsOnLoopDevicesAndFixRepairsTheFstab() throws Exception {
    requireLoopDevices();
    try {
      String roDev = loop(image("ro.img"), false);
      String rwDev = loop(image("rw.img"), false);
      String wpDev = loop(image("wp.img"), true);
      Path ro = mount(roDev, "ro", "ro");
      Path rw = mount(rwDev, "rw", "rw");
      Path wp = mount(wpDev, "wp", "ro");
      Files.createDirectories(Path.of(wp + "2")); // the noauto entry's mount point exists, as findmnt wants
      Path fstab = tmp.resolve("fstab");
      String text =
          "# srro live test\n"
              + roDev + " " + ro + " ext4 ro 0 2\n"
              + rwDev + " " + rw + " ext4 rw 0 2\n"
              + wpDev + "\t" + wp + "\text4\tro,noload\t0\t2\n"
              + wpDev + " " + wp + "2 ext4 defaults,noauto 0 1\n";
      Files.writeString(fstab, text);
      assertEquals("1", sysfsRo(wpDev), "losetup -r gives a read-only block device");

      CliRun first = CliRun.of("check", "--json", "--fstab", fstab.toString());
      assertEquals(1, first.status(), first.toString());
      assertEquals(
          List.of(
              "ro-passno error " + ro,
              "ro-passno error " + wp,
              "ro-volume-passno error " + wp + "2",
              "rw-on-ro-volume error " + wp + "2"),
          findings(first.out()));

      CliRun fix = CliRun.of("check", "--fix", "--fstab", fstab.toString());
      assertEquals(1, fix.status(), "rw-on-ro-volume has no automatic fix\n" + fix);
      String fixed = Files.readString(fstab);
      assertEquals(
          text.replace(" ext4 ro 0 2\n", " ext4 ro 0 0\n")
              .replace("ro,noload\t0\t2", "ro,noload\t0\t0")
              .replace("defaults,noauto 0 1", "defaults,noauto 0 0"),
          fixed);
      assertEquals(text, Files.readString(tmp.resolve("fstab" + srro.patch.DurableFiles.BACKUP_SUFFIX)));

      Files.writeString(fstab, fixed.replace("defaults,noauto 0 0", "ro,noauto 0 0"));
      CliRun second = CliRun.of("check", "--json", "--fstab", fstab.toString());
      assertEquals(0, second.status(), second.toString());
      assertEquals(List.of(), findings(second.out()));

      // The volume turns read-only under a read-write mount: the kernel keeps the mount rw.
      undo.push(new String[] {"blockdev", "--setrw", rwDev});
      run("blockdev", "--setro", rwDev);
      assertEquals("1", sysfsRo(rwDev));
      CliRun third = CliRun.of("check", "--json", "--fstab", fstab.toString());
      assertEquals(1, third.status(), third.toString());
      assertEquals(
          List.of(
              "ro-volume-passno error " + rw,
              "rw-on-ro-volume error " + rw,
              "ro-volume-mounted-rw error " + rw),
          findings(third.out()));
      CliRun text3 = CliRun.of("check", "--fstab", fstab.toString());
      assertTrue(text3.out().contains("[E] " + rw + "\n"), text3.out());
      assertTrue(text3.out().startsWith("read-only volumes: "), text3.out());
      assertTrue(text3.out().lines().findFirst().orElseThrow().contains(rwDev + " (sysfs ro)"), text3.out());
      assertTrue(
          third.out().contains("{\"device\":\"" + wpDev + "\",\"aliases\":[],\"read_only\":true"),
          third.out());
      assertTrue(text3.out().contains("[ ] " + ro + "\n"), text3.out());
    } finally {
      cleanup();
    }
  }

  private static List<String> findings(String json) {
    List<String> out = new ArrayList<>();
    Matcher m = FINDING.matcher(json);
    while (m.find()) {
      if (!m.group(2).equals("info")) {
        out.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
      }
    }
    return out;
  }

  private void requireLoopDevices() throws Exception {
    Peer.require("losetup", "util-linux");
    Peer.require("mkfs.ext4", "e2fsprogs");
    Peer.require("blockdev", "util-linux");
    if (!"root".equals(System.getProperty("user.name"))) {
      Peer.missing("root (loop devices and mount)");
    }
    Process p = new ProcessBuilder("losetup", "-f").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0 || !out.startsWith("/dev/loop")) {
      Peer.missing("a free loop device (losetup -f said: " + out.strip() + ")");
    }
  }

  private Path image(String name) throws Exception {
    Path img = tmp.resolve(name);
    run("truncate", "-s", "4M", img.toString());
    run("mkfs.ext4", "-q", "-F", img.toString());
    return img;
  }

  private String loop(Path img, boolean readOnly) throws Exception {
    String dev =
        readOnly
            ? run("losetup", "-r", "-f", "--show", img.toString())
            : run("losetup", "-f", "--show", img.toString());
    undo.push(new String[] {"losetup", "-d", dev});
    if (!readOnly) {
      // BLKROSET (blockdev --setro) outlives losetup -d: a loop number reused after an earlier run (or another
      // test) may still say read-only, and mount would quietly fall back to ro.
      run("blockdev", "--setrw", dev);
    }
    return dev;
  }

  private Path mount(String dev, String name, String mode) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve(name));
    run("mount", "-t", "ext4", "-o", mode, dev, dir.toString());
    undo.push(new String[] {"umount", dir.toString()});
    return dir;
  }

  private static String sysfsRo(String dev) throws IOException {
    return Files.readString(Path.of("/sys/class/block", Path.of(dev).getFileName().toString(), "ro")).strip();
  }

  private void cleanup() {
    while (!undo.isEmpty()) {
      String[] cmd = undo.pop();
      try {
        run(cmd);
      } catch (Exception e) {
        System.err.println("cleanup: " + String.join(" ", cmd) + ": " + e.getMessage());
      }
    }
  }

  private static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IOException(String.join(" ", cmd) + " exited " + rc + ": " + out);
    }
    return out;
  }
}
