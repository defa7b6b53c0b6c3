package srro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether anyone but this process's user and root could change which file a path names: swap a FIFO in for the
 * regular file just looked at, say, which would block an open(2) until a writer comes. Nobody else can when every
 * directory from the root down is owned by root or this user and writable by nobody else, or is sticky (as
 * /tmp) and what it holds on the way is root's or this user's. Then a file seen as a regular file a moment ago is
 * still that file when it is opened, and the open needs no thread to bound it in time ({@link TimedOpen}), which
 * cost a short command about 4 ms of its CPU (docs/benchmarks.md). (A POSIX ACL that lets another user write
 * shows in the group bits, its mask.)
 */
public final class Swaps {
  private static final int GROUP_OR_OTHER_WRITE = 0022;
  private static final int STICKY = 01000;
  private static final int TYPE = 0170000;
  private static final int REGULAR = 0100000;
  private static final int ROOT = 0;

  /** This process's user, the owner of its /proc entry (Linux); -1 where that cannot be read: root alone counts. */
  private static final int ME = uid(Path.of("/proc/self"));

  private Swaps() {}

  /**
   * True when {@code path} names a regular file (not followed if it is a link) and nobody but this user and root
   * can put another file there: see the class comment. False for a path through a symbolic link (the link's own
   * directory would need the same check) or with a {@code .} or {@code ..} in it (after a link, {@code ..} leads
   * where the link points, not where the text does), for one that does not exist, and wherever an owner or mode
   * cannot be read.
   */
  public static boolean onlyOursToChange(Path path) {
    try {
      Path abs = path.toAbsolutePath();
      for (Path name : abs) {
        if (name.toString().equals(".") || name.toString().equals("..")) {
          return false;
        }
      }
      if (!abs.equals(abs.toRealPath())) {
        return false;
      }
      int below = -1; // the owner of the name just checked, in the directory checked next
      for (Path p = abs; p != null; p = p.getParent()) {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        int uid = (Integer) a.get("uid");
        if (p == abs) {
          if ((mode & TYPE) != REGULAR) {
            return false; // swapped already, or never a regular file
          }
        } else if (!trusted(uid)
            || (mode & GROUP_OR_OTHER_WRITE) != 0 && ((mode & STICKY) == 0 || !trusted(below))) {
          return false;
        }
        below = uid;
      }
      return true;
    } catch (IOException | RuntimeException unknown) {
      return false;
    }
  }

  private static boolean trusted(int uid) {
    return uid == ROOT || uid == ME && ME >= 0;
  }

  /** The owner of {@code p} (links followed), -1 when it cannot be read. */
  private static int uid(Path p) {
    try {
      return (Integer) Files.getAttribute(p, "unix:uid");
    } catch (IOException | RuntimeException unknown) {
      return -1;
    }
  }
}
