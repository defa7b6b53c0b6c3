package srro.mounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * struct statfs as OpenBSD 7.7 amd64 lays it out. The fixture was written by src/test/c/openbsd-statfs.c,
 * compiled with gcc against the real 7.7 sys/mount.h, which printed: sizeof 568 f_flags 0 f_fstypename 120
 * f_mntonname 136 f_mntfromname 226 f_mntfromspec 316 MFSNAMELEN 16 MNAMELEN 90 MNT_RDONLY 0x1
 * MNT_VISFLAGMASK 0x400ffff MNT_NOWAIT 2. Every byte the decoder does not read is 0xa5 there.
 */
class OpenBsdStatfsTest {
  private static byte[] fixture() throws Exception {
    return Files.readAllBytes(MountTableTest.DIR.resolve("statfs-7.7-amd64.bin"));
  }

  @Test
  void offsetsAreGccsForThe77Header() {
    assertEquals(568, OpenBsdStatfs.RECORD_BYTES);
    assertEquals(0, OpenBsdStatfs.F_FLAGS);
    assertEquals(120, OpenBsdStatfs.F_FSTYPENAME);
    assertEquals(136, OpenBsdStatfs.F_MNTONNAME);
    assertEquals(226, OpenBsdStatfs.F_MNTFROMNAME);
    assertEquals(316, OpenBsdStatfs.F_MNTFROMSPEC);
    assertEquals(16, OpenBsdStatfs.MFSNAMELEN);
    assertEquals(90, OpenBsdStatfs.MNAMELEN);
    assertEquals(0x1, OpenBsdStatfs.MNT_RDONLY);
    assertEquals(0x400ffff, OpenBsdStatfs.MNT_VISFLAGMASK);
  }

  @Test
  void decodesTheGccWrittenRecords() throws Exception {
    MountTable t = OpenBsdStatfs.table("getfsstat", fixture(), 5);
    assertEquals(MountTable.Format.GETFSSTAT, t.format());
    assertEquals(5, t.mounts().size());
    Mount root = t.at("/").orElseThrow();
    assertEquals("/dev/sd0a", root.device());
    assertEquals("ffs", root.fsType());
    assertEquals(List.of("local"), root.options(), "MNT_ROOTFS is silent, as in mount(8)");
    assertFalse(root.readOnly());
    Mount usb = t.at("/mnt/usb").orElseThrow();
    assertTrue(usb.readOnly());
    assertEquals(List.of("local", "nodev", "nosuid", "read-only"), usb.options());
    assertEquals(List.of(), t.at("/nfs").orElseThrow().options());
    assertEquals("server:/export", t.at("/nfs").orElseThrow().device());
    assertEquals(
        List.of("asynchronous", "local", "noatime", "nodev", "nosuid", "wxallowed"), t.at("/tmp").orElseThrow()
            .options());
    Mount longest = t.mounts().get(4);
    assertEquals(89, longest.mountPoint().length(), "MNAMELEN - 1 characters, NUL in the last byte");
    assertEquals(
        List.of("NFS exported", "local", "noexec", "noperm", "with quotas", "synchronous", "softdep"),
        longest.options());
    assertEquals(5, longest.line());
  }

  @Test
  void agreesWithWhatMountPrintsForTheSameRecords() throws Exception {
    List<Mount> native_ = new ArrayList<>(OpenBsdStatfs.table("getfsstat", fixture(), 5).mounts());
    native_.removeIf(m -> m.options().isEmpty()); // mount(8) adds nfs_args options there; not read natively
    StringBuilder out = new StringBuilder();
    for (Mount m : native_) { // mount.c prmount(), not verbose
      out.append(m.device()).append(" on ").append(m.mountPoint()).append(" type ").append(m.fsType())
          .append(" (").append(String.join(", ", m.options())).append(")\n");
    }
    List<Mount> parsed =
        MountTable.parseMountOutput("mount", out.toString().getBytes(StandardCharsets.ISO_8859_1)).mounts();
    assertEquals(native_.size(), parsed.size());
    for (int i = 0; i < parsed.size(); i++) {
      Mount n = native_.get(i);
      Mount p = parsed.get(i);
      assertEquals(List.of(n.device(), n.mountPoint(), n.fsType(), n.options(), n.readOnly()),
          List.of(p.device(), p.mountPoint(), p.fsType(), p.options(), p.readOnly()));
    }
  }

  @Test
  void flagsOutsideTheVisibleMaskAreIgnored() {
    assertEquals(List.of("read-only"), OpenBsdStatfs.options(0x00010001));
    assertEquals(List.of(), OpenBsdStatfs.options(0));
  }

  @Test
  void decodesFewerRecordsThanTheBufferHolds() throws Exception {
    assertEquals(2, OpenBsdStatfs.table("getfsstat", fixture(), 2).mounts().size());
    assertEquals(0, OpenBsdStatfs.table("getfsstat", new byte[0], 0).mounts().size());
  }

  @Test
  void refusesMoreRecordsThanBytes() throws Exception {
    byte[] f = fixture();
    MountFormatException e =
        assertThrows(MountFormatException.class, () -> OpenBsdStatfs.table("getfsstat", Arrays.copyOf(f, 1000), 2));
    assertEquals("2 records need 1136 bytes, only 1000 present", e.getMessage());
    assertThrows(MountFormatException.class, () -> OpenBsdStatfs.table("getfsstat", f, -1));
    assertThrows(MountFormatException.class, () -> OpenBsdStatfs.table("getfsstat", f, OpenBsdStatfs.MAX_RECORDS + 1));
  }

  @Test
  void refusesAStringWithoutNul() throws Exception {
    byte[] f = fixture();
    Arrays.fill(f, 568 + 136, 568 + 136 + 90, (byte) 'y');
    MountFormatException e = assertThrows(MountFormatException.class, () -> OpenBsdStatfs.table("getfsstat", f, 5));
    assertEquals("record 1: f_mntonname has no NUL within its 90 bytes", e.getMessage());
    assertEquals(568 + 136, e.offset());
    assertFalse(e.lineNumbered());
  }

  @Test
  void refusesAnEmptyMountPoint() throws Exception {
    byte[] f = fixture();
    f[136] = 0;
    MountFormatException e = assertThrows(MountFormatException.class, () -> OpenBsdStatfs.table("getfsstat", f, 1));
    assertEquals("record 0: empty f_mntonname", e.getMessage());
  }
}
