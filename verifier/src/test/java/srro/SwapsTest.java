package srro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who could swap another file in at a path: only this user and root, or someone else too. */
class SwapsTest {
  @TempDir Path tmp;
  private Path dir;

  @BeforeEach
  void privateDirectory() throws Exception {
    dir = Files.createDirectory(tmp.resolve("d"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
  }

  /** Whether this process is root, as Swaps learns its user: from /proc/self (Linux). */
  private static boolean root() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    } catch (Exception noProc) {
      return false;
    }
  }

  @Test
  void aFileInDirectoriesOnlyThisUserAndRootMayWriteIsOurs() throws Exception {
    Path f = Files.writeString(dir.resolve("fstab"), "x\n");
    assertTrue(Swaps.onlyOursToChange(f), f + " (is some directory above the temporary one writable by others?)");
  }

  @Test
  void aGroupWritableDirectoryOnTheWayLetsOthersSwap() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxr-x"));
    Path f = Files.writeString(shared.resolve("fstab"), "x\n");
    assertFalse(Swaps.onlyOursToChange(f));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertTrue(Swaps.onlyOursToChange(f));
  }

  @Test
  void aPathThroughASymbolicLinkCountsAsChangeable() throws Exception {
    Path f = Files.writeString(dir.resolve("fstab"), "x\n");
    Path link = Files.createSymbolicLink(dir.resolve("link"), dir);
    assertFalse(Swaps.onlyOursToChange(link.resolve("fstab")));
    assertFalse(Swaps.onlyOursToChange(Files.createSymbolicLink(dir.resolve("f"), f)));
  }

  @Test
  void aDotDotAfterALinkIsNotTakenForTheDirectoryItNames() throws Exception {
    // safe/f exists, but safe/link/../f is shared/f: the kernel goes up from where the link points
    Files.writeString(dir.resolve("f"), "x\n");
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.createDirectory(shared.resolve("sub"));
    Files.writeString(shared.resolve("f"), "x\n");
    Files.createSymbolicLink(dir.resolve("link"), shared.resolve("sub"));
    assertFalse(Swaps.onlyOursToChange(dir.resolve("link/../f")));
    assertFalse(Swaps.onlyOursToChange(dir.resolve("./f")));
    assertTrue(Swaps.onlyOursToChange(dir.resolve("f")));
  }

  @Test
  void onlyARegularFileCounts() throws Exception {
    assertFalse(Swaps.onlyOursToChange(dir), "a directory");
    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    assertFalse(Swaps.onlyOursToChange(fifo), "a FIFO");
  }

  @Test
  void anAbsentPathCountsAsChangeable() {
    assertFalse(Swaps.onlyOursToChange(dir.resolve("none")));
  }

  @Test
  void aStickyDirectoryIsOursOnlyForWhatRootOrThisUserOwnsInIt() throws Exception {
    assumeTrue(root(), "chown needs root");
    Path sticky = Files.createDirectory(dir.resolve("sticky"));
    Files.setPosixFilePermissions(sticky, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setAttribute(sticky, "unix:mode", 01777);
    Path mine = Files.writeString(sticky.resolve("mine"), "x\n");
    Path theirs = Files.writeString(sticky.resolve("theirs"), "x\n");
    Files.setAttribute(theirs, "unix:uid", 4242);
    assertTrue(Swaps.onlyOursToChange(mine));
    assertFalse(Swaps.onlyOursToChange(theirs));
    Files.setAttribute(sticky, "unix:mode", 0777); // not sticky: anyone may rename anything there
    assertFalse(Swaps.onlyOursToChange(mine));
  }

  @Test
  void aDirectoryAnotherUserOwnsLetsThemSwap() throws Exception {
    assumeTrue(root(), "chown needs root");
    Path theirs = Files.createDirectory(dir.resolve("theirs"));
    Path f = Files.writeString(theirs.resolve("fstab"), "x\n");
    Files.setAttribute(theirs, "unix:uid", 4242);
    assertFalse(Swaps.onlyOursToChange(f));
  }
}
