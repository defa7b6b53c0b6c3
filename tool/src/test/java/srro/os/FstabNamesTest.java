package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.fstab.MachineFacts.Source;
import srro.fstab.MachineFacts.Target;

class FstabNamesTest {
  @TempDir Path tmp;

  private FstabNames linux(Path dev, byte[] blkid) throws Exception {
    Path fs = Files.writeString(tmp.resolve("filesystems"), "nodev\tsysfs\nnodev\ttmpfs\n\text4\n\txfs\n");
    Path mods = Files.createDirectories(tmp.resolve("modules/kernel/fs"));
    Files.createDirectories(mods.resolve("btrfs"));
    Files.writeString(mods.resolve("btrfs/btrfs.ko.xz"), "");
    return new FstabNames(Host.Os.LINUX, new SpecResolver(dev, Map.of()), dev, fs, mods, null, false,
        () -> blkid);
  }

  @Test
  void typesComeFromProcFilesystemsAndTheKernelsModules() throws Exception {
    assertEquals(Optional.of(Set.of("sysfs", "tmpfs", "ext4", "xfs", "btrfs")),
        linux(tmp.resolve("dev"), null).fileSystems());
  }

  @Test
  void tagsResolveThroughUdevsLinksWhenThereAreAny() throws Exception {
    Path dev = Files.createDirectories(tmp.resolve("dev"));
    Files.createDirectories(dev.resolve("disk/by-uuid"));
    Path sda1 = Files.writeString(dev.resolve("sda1"), "");
    Files.createSymbolicLink(dev.resolve("disk/by-uuid/1234"), sda1);
    FstabNames n = linux(dev, "DEVNAME=/dev/never\nUUID=9\n".getBytes());
    assertEquals(Optional.of(new Source.Found(sda1.toRealPath().toString(), false)), n.source("UUID=1234"));
    assertEquals(Optional.of(new Source.Missing("no " + dev + "/disk/by-uuid/9")), n.source("UUID=9"));
  }

  @Test
  void withoutUdevTagsResolveThroughBlkid() throws Exception {
    FstabNames n = linux(tmp.resolve("nodev"), "DEVNAME=/dev/null\nLABEL=data\n".getBytes());
    assertEquals(Optional.of(new Source.Found("/dev/null", false)), n.source("LABEL=data"));
    assertEquals(Optional.of(new Source.Missing("no /dev/disk/by-* links, and blkid -o export lists no device with"
        + " LABEL=gone")), n.source("LABEL=gone"));
    assertEquals(Optional.empty(), linux(tmp.resolve("nodev"), null).source("LABEL=data"), "no blkid: not asked");
    assertEquals(Optional.empty(), linux(tmp.resolve("nodev"), "garbage\n".getBytes()).source("LABEL=data"));
  }

  @Test
  void pathsAreStattedAndMountPointsGetTheirRealPath() throws Exception {
    FstabNames n = linux(tmp.resolve("dev"), null);
    assertEquals(Optional.of(new Source.Missing("no " + tmp + "/nope")), n.source(tmp + "/nope"));
    Path d = Files.createDirectories(tmp.resolve("d"));
    Files.createSymbolicLink(tmp.resolve("link"), d);
    assertEquals(Optional.of(new Target(true, true, d.toRealPath().toString())), n.target(tmp + "/link"));
    assertEquals(Optional.of(Target.missing(tmp + "/gone")), n.target(tmp + "/gone"));
    assertEquals(Optional.empty(), n.source("server:/export"), "a network spec is not looked up");
  }

  @Test
  void openBsdKnowsTheTypesItHasMountProgramsForAndDuidsOnlyOnceRead() throws Exception {
    Path sbin = Files.createDirectories(tmp.resolve("sbin"));
    Files.writeString(sbin.resolve("mount_ffs"), "");
    Files.writeString(sbin.resolve("mount_msdos"), "");
    SpecResolver r = new SpecResolver(tmp, Map.of("3eb7f9da875cb9ee", "sd0"));
    FstabNames unread = new FstabNames(Host.Os.OPENBSD, r, tmp, null, null, sbin, false, null);
    assertEquals(Optional.of(Set.of("ffs", "msdos")), unread.fileSystems());
    assertEquals(Optional.empty(), unread.source("3eb7f9da875cb9ee.a"));
    FstabNames read = new FstabNames(Host.Os.OPENBSD, r, tmp, null, null, sbin, true, null);
    assertTrue(read.source("3eb7f9da875cb9ee.a").orElseThrow() instanceof Source.Found);
    assertEquals(Optional.of(new Source.Missing("no disk with DUID 0123456789abcdef in hw.disknames")),
        read.source("0123456789abcdef.a"));
  }
}
