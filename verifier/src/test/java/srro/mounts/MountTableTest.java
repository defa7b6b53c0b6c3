package srro.mounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {
  static final Path DIR = Path.of("src/test/resources/srro/mounts");

  static MountTable table(String name) throws Exception {
    return MountTable.parse(name, Files.readAllBytes(DIR.resolve(name)));
  }

  @Test
  void readsMountinfoWithEscapesAndSuperblockReadOnly() throws Exception {
    MountTable t = table("linux.mountinfo");
    assertEquals(MountTable.Format.MOUNTINFO, t.format());
    assertEquals(5, t.mounts().size());
    Mount ro = t.at("/mnt/my ro").orElseThrow();
    assertEquals("/dev/loop0", ro.device());
    assertEquals("ext4", ro.fsType());
    assertTrue(ro.readOnly());
    assertFalse(t.at("/mnt/rw").orElseThrow().readOnly());
    assertTrue(t.at("/mnt/superro").orElseThrow().readOnly(), "super option ro counts");
    assertEquals(3, ro.line());
  }

  @Test
  void readsOpenbsdMountOutput() throws Exception {
    MountTable t = table("openbsd.mount");
    assertEquals(MountTable.Format.MOUNT_OUTPUT, t.format());
    assertTrue(t.at("/archive").orElseThrow().readOnly());
    assertFalse(t.at("/").orElseThrow().readOnly());
    assertEquals("mfs", t.at("/tmp").orElseThrow().fsType());
    assertEquals(List.of("local", "nodev", "nosuid"), t.at("/home").orElseThrow().options());
  }

  @Test
  void readsLinuxMountOutputWithSpacesInThePath() throws Exception {
    MountTable t = table("linux.mount");
    assertTrue(t.at("/mnt/a b").orElseThrow().readOnly());
    assertEquals("/dev/vda1", t.at("/").orElseThrow().device());
  }

  @Test
  void theLastMountOnAPointWins() throws Exception {
    MountTable t =
        MountTable.parseMountOutput("m", "/a on /x type ext4 (rw)\n/b on /x type ext4 (ro)\n".getBytes());
    assertEquals("/b", t.at("/x").orElseThrow().device());
  }

  @Test
  void rejectsABadMountinfoLineNamingIt() {
    MountFormatException e =
        assertThrows(MountFormatException.class, () -> MountTable.parse("mi", "1 2 3:4 / /x rw - ext4\n".getBytes()));
    assertEquals(
        "expected 'id parent major:minor root mountpoint options ... - fstype source superoptions'", e.getMessage());
    assertEquals(1, e.offset());
  }

  @Test
  void rejectsABadMountOutputLine() {
    MountFormatException e =
        assertThrows(MountFormatException.class, () -> MountTable.parse("m", "\nhello world\n".getBytes()));
    assertEquals("expected 'device on mountpoint type fstype (options)'", e.getMessage());
    assertEquals(2, e.offset());
  }

  @Test
  void rejectsAnEmptyTableNulAndOversize() {
    assertEquals(
        "empty mount table, expected mountinfo or mount(8) output",
        assertThrows(MountFormatException.class, () -> MountTable.parse("m", "\n".getBytes())).getMessage());
    assertEquals(
        "NUL byte in mount table, expected text",
        assertThrows(MountFormatException.class, () -> MountTable.parse("m", "a\0".getBytes())).getMessage());
    assertEquals(
        "mount table is 8388609 bytes, more than the limit of 8388608",
        assertThrows(MountFormatException.class, () -> MountTable.parse("m", new byte[MountTable.MAX_BYTES + 1]))
            .getMessage());
  }
}
