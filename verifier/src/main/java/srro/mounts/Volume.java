package srro.mounts;

import java.util.List;
import java.util.Objects;

/**
 * A block device and what it says about writing to it. {@code device} is a path ({@code /dev/loop0},
 * {@code /dev/sd1}); {@code aliases} are other names for it ({@code /dev/mapper/x}); {@code chunks} are the
 * devices it is assembled from (softraid chunks, device-mapper and md slaves), by path.
 */
public record Volume(
    String device, List<String> aliases, ReadOnly readOnly, Evidence evidence, List<String> chunks,
    List<Reading> readings) {
  public Volume {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(readOnly, "readOnly");
    Objects.requireNonNull(evidence, "evidence");
    aliases = List.copyOf(aliases);
    chunks = List.copyOf(chunks);
    readings = List.copyOf(readings);
  }

  /** A volume whose one reading is the one that decided it (none when {@code evidence} is NONE). */
  public Volume(String device, List<String> aliases, ReadOnly readOnly, Evidence evidence, List<String> chunks) {
    this(device, aliases, readOnly, evidence, chunks,
        evidence == Evidence.NONE ? List.of() : List.of(new Reading(evidence, readOnly, "")));
  }

  /**
   * What one layer said, kept beside the merged answer so a report can show every layer (the WP bit and the
   * sysfs ro flag of a chunk, the ro flag of the mapper over it). {@code detail} is the raw value ("1", "WP=1").
   */
  public record Reading(Evidence source, ReadOnly readOnly, String detail) {
    public Reading {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(readOnly, "readOnly");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** True for a Linux device-mapper volume (dm-crypt, LVM): its aliases include a /dev/mapper name. */
  public boolean deviceMapper() {
    return aliases.stream().anyMatch(a -> a.contains("/mapper/")) || device.matches(".*/dm-[0-9]+");
  }

  /** Whether the device refuses writes. */
  public enum ReadOnly {
    YES,
    NO,
    UNKNOWN
  }

  /** Where the answer came from. */
  public enum Evidence {
    /** Linux {@code /sys/class/block/NAME/ro}: the block layer's read-only flag (what BLKROGET returns). */
    SYSFS_RO,
    /** The WP bit of the MODE SENSE header's device-specific parameter (SBC-4 §6.5.2). */
    MODE_SENSE_WP,
    /** The SWP bit of the disk's control mode page (SPC-4 §7.5.8): the logical unit refuses every write. */
    CONTROL_PAGE_SWP,
    /**
     * OpenBSD sd(4)'s attach line ({@code sd1: 7633MB, 512 bytes/sector, 15633408 sectors, readonly}): the
     * kernel's SDEV_READONLY flag, set from MODE SENSE when the disk attached, which makes write opens fail.
     */
    SD_ATTACH,
    /** Nothing answered. */
    NONE
  }

  /** True when {@code path} names this volume. */
  public boolean named(String path) {
    return device.equals(path) || aliases.contains(path);
  }
}
