package srro.fstab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import srro.findings.Finding;

class FstabVerifyTest {
  /** A machine with these devices (path to block?), these directories and files, and these types. */
  record Fake(Map<String, Boolean> devices, Set<String> dirs, Map<String, String> links, Set<String> types)
      implements MachineFacts {
    @Override
    public Optional<Source> source(String spec) {
      Boolean block = devices.get(spec);
      return Optional.of(block == null ? new Source.Missing("no " + spec) : new Source.Found(spec, block));
    }

    @Override
    public Optional<Target> target(String path) {
      String real = links.getOrDefault(path, path);
      if (dirs.contains(real)) {
        return Optional.of(new Target(true, true, real));
      }
      return Optional.of(real.startsWith("/etc/") ? new Target(true, false, real) : Target.missing(path));
    }

    @Override
    public Optional<Set<String>> fileSystems() {
      return Optional.of(types);
    }
  }

  static final Fake MACHINE = new Fake(
      Map.of("/dev/sda1", true, "/dev/null", false, "UUID=1234", true, "/img", false),
      Set.of("/", "/data", "/home", "/var", "/var/lib", "/tmp", "/proc"), Map.of("/home/", "/home", "/link", "/data"),
      Set.of("ext4", "xfs", "tmpfs", "proc", "vfat"));

  static List<String> lint(String text) throws Exception {
    Fstab f = Fstab.parse("fstab", text.getBytes(), Dialect.LINUX, null);
    return FstabLint.lint(f, VolumeFacts.NONE, MACHINE).stream()
        .map(x -> x.line() + " " + x.severity().letter() + " " + x.id()).collect(Collectors.toList());
  }

  @Test
  void aCleanFileOnAMachineThatHasEverythingHasNoFindings() throws Exception {
    assertEquals(List.of(), lint("/dev/sda1 / ext4 defaults 0 1\nUUID=1234 /data xfs defaults 0 0\n"
        + "tmpfs /tmp tmpfs defaults 0 0\nproc /proc proc defaults 0 0\n"));
  }

  @Test
  void aSourceThatNamesNothingIsAnErrorUnlessNoauto() throws Exception {
    assertEquals(List.of("1 E source-not-found", "2 W source-not-found", "3 E source-not-found"),
        lint("LABEL=gone /data ext4 defaults 0 0\nUUID=9 /var ext4 noauto 0 0\n/dev/sdz1 /home ext4 nofail 0 0\n"));
  }

  @Test
  void theMessageSaysWhereSrroLooked() throws Exception {
    Fstab f = Fstab.parse("fstab", "LABEL=gone /data ext4 defaults 0 0\n".getBytes(), Dialect.LINUX, null);
    Finding x = FstabLint.lint(f, VolumeFacts.NONE, MACHINE).get(0);
    assertEquals("source LABEL=gone names no device on this machine (no LABEL=gone) and the boot waits for it",
        x.message());
  }

  @Test
  void anUnsupportedTagIsAnErrorWithoutAskingTheMachine() throws Exception {
    Fstab f = Fstab.parse("fstab", "FOO=bar /data ext4 defaults 0 0\n".getBytes(), Dialect.LINUX, null);
    List<Finding> x = FstabLint.lint(f, VolumeFacts.NONE, MachineFacts.NONE);
    assertEquals("unsupported-tag", x.get(0).id());
    assertEquals("source FOO=bar uses the tag FOO, which mount(8) cannot resolve", x.get(0).message());
    assertEquals(List.of(), lint("ID=usb-x /data ext4 noauto 0 0\n").stream().filter(s -> s.contains("tag")).toList());
  }

  @Test
  void aSourceThatIsNotABlockDeviceIsAWarningExceptForSwapBindAndLoop() throws Exception {
    assertEquals(List.of("1 W source-not-block-device"),
        lint("/dev/null /data ext4 defaults 0 0\n/img none swap sw 0 0\n/img /var ext4 loop 0 0\n"
            + "/data /home none bind 0 0\n"));
  }

  @Test
  void aMissingMountPointIsAnErrorUnlessNoautoAndAFileIsNotADirectoryUnlessBind() throws Exception {
    assertEquals(List.of("1 E mount-point-not-found", "2 W mount-point-not-found", "3 E mount-point-not-directory",
            "4 W duplicate-mount-point"),
        lint("/dev/sda1 /nope ext4 defaults 0 0\n/dev/sda1 /nope2 ext4 noauto 0 0\n"
            + "/dev/sda1 /etc/hostname ext4 defaults 0 0\n/etc/passwd /etc/hostname none bind 0 0\n"));
  }

  @Test
  void aMountPointThatIsNotItsRealPathIsAWarning() throws Exception {
    assertEquals(List.of("1 W non-canonical-mount-point", "2 W non-canonical-mount-point"),
        lint("/dev/sda1 /home/ ext4 defaults 0 0\n/dev/sda1 /link ext4 noauto 0 0\n"));
  }

  @Test
  void aTypeTheKernelDoesNotKnowIsAWarningEachOfAListChecked() throws Exception {
    assertEquals(List.of("1 W unknown-fs-type", "2 W unknown-fs-type"),
        lint("/dev/sda1 /data bogusfs defaults 0 0\n/dev/sda1 /var ext4,zfs2 defaults 0 0\n"
            + "/dev/sda1 /home auto defaults 0 0\nhost:/x /tmp nfs defaults 0 0\n"));
  }

  @Test
  void anOpenBsdTypeNamesTheMountProgramItLacks() throws Exception {
    Fstab f = Fstab.parse("fstab", "/dev/sd0a /data zfs rw 1 1\n".getBytes(), Dialect.OPENBSD, null);
    Finding x = FstabLint.lint(f, VolumeFacts.NONE, MACHINE).stream()
        .filter(y -> y.id().equals("unknown-fs-type")).findFirst().orElseThrow();
    assertTrue(x.message().endsWith("(no /sbin/mount_zfs)"), x.message());
  }

  @Test
  void aChildListedBeforeItsParentIsAnOrderError() throws Exception {
    assertEquals(List.of("1 E mount-order"),
        lint("/dev/sda1 /var/lib ext4 defaults 0 0\n/dev/sda1 /var ext4 defaults 0 0\n"));
    assertEquals(List.of("1 E mount-order"),
        lint("/dev/sda1 /data ext4 defaults 0 0\n/dev/sda1 / ext4 defaults 0 1\n"));
    assertEquals(List.of(), lint("/dev/sda1 / ext4 defaults 0 1\n/dev/sda1 /var ext4 defaults 0 0\n"
        + "/dev/sda1 /var/lib ext4 defaults 0 0\n"));
  }

  @Test
  void aTargetCannotBeAMissingDirectory() {
    assertThrows(IllegalArgumentException.class, () -> new MachineFacts.Target(false, true, "/x"));
  }
}
