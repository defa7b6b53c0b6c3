package srro.scsi.transport;

import java.util.Objects;

/**
 * One thing the operating system itself says about writing to a device, apart from the device's own mode data:
 * Linux's BLKROGET and {@code /sys/block/<dev>/ro}, or a read-write open refused with a read-only errno.
 * {@code detail} is what was read ("1", "0") or why nothing could be ("ENOTTY").
 */
public record ReadOnlyFlag(String source, Reading reading, String detail) {

  /** What the flag said. */
  public enum Reading {
    READ_ONLY,
    READ_WRITE,
    UNAVAILABLE
  }

  public ReadOnlyFlag {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reading, "reading");
    Objects.requireNonNull(detail, "detail");
  }

  /** "BLKROGET=1", "/sys/block/sda/ro=0", "open O_RDWR failed: EROFS", "BLKROGET unavailable (ENOTTY)". */
  public String describe() {
    if (reading == Reading.UNAVAILABLE) {
      return source + " unavailable (" + detail + ")";
    }
    return source.startsWith("open ") ? source + " failed: " + detail : source + "=" + detail;
  }
}
