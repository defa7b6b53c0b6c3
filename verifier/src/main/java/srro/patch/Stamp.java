package srro.patch;

import java.time.Duration;
import java.time.Instant;

/**
 * A regular file as one look saw it, before and again after reading it (a look whose two stats differ keeps no
 * stamp): its device and inode, size, modification time and status change time (ctime), and when the look
 * began. A later look that finds all four the same knows the file
 * was not written since, without reading it, when the earlier look was {@link #settled}: its ctime lay clearly
 * before the look began. The kernel sets ctime to the current time on every write, truncate, rename onto,
 * chmod or utimes, and no unprivileged call sets it to anything else, so any write after the look gives a
 * ctime at or after the look's start, unequal to a settled one. This is git's answer to "racily clean" files:
 * one written within the margin before a look is hashed, as every file would be without stamps.
 *
 * <p>What it does not see, said here because a content hash would: a write through a shared memory mapping
 * made writable before the look (POSIX lets such a write update the times only later), and a system clock
 * stepped back past a file's ctime between two looks. The margin covers the kernel's coarse clock (one tick)
 * and file systems whose times are rounded: a ctime in whole seconds is taken to be rounded to two (FAT).
 */
public record Stamp(Object key, long size, long modified, long changed, long seen) {
  /** A ctime at least this long before the look's start is settled (fine-grained file times). */
  static volatile Duration margin = Duration.ofMillis(100);
  /** The margin for a ctime in whole seconds: a file system that rounds its times to one or two seconds. */
  static final Duration COARSE_MARGIN = Duration.ofSeconds(3);

  /** Nanoseconds since the epoch now: a look's start. */
  static long now() {
    Instant i = Instant.now();
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
  }

  /** Whether this file's last change came clearly before the look began, so any later write shows in its ctime. */
  boolean settled() {
    Duration m = Math.floorMod(changed, 1_000_000_000L) == 0 ? COARSE_MARGIN : margin;
    return changed < seen - m.toNanos();
  }

  /**
   * Whether {@code later}, a look at the same path after this one, found the file this look found, not written
   * since: this look was settled and device, inode, size and both times are the same.
   */
  boolean unchangedAt(Stamp later) {
    return settled() && sameFileAndTimes(later);
  }

  /** Whether {@code other} saw the same file (a known device and inode), size and both times. */
  boolean sameFileAndTimes(Stamp other) {
    return other != null && key != null && key.equals(other.key) && size == other.size
        && modified == other.modified && changed == other.changed;
  }
}
