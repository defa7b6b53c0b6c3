package srro.mounts;

import java.util.List;
import java.util.Objects;

/**
 * One mounted file system as the kernel reports it. {@code readOnly} is true when the mount or the superblock is
 * read-only (mountinfo's per-mount {@code ro} or super option {@code ro}; mount(8)'s {@code ro} or OpenBSD's
 * {@code read-only}). {@code line} is the line of the table it came from.
 */
public record Mount(String device, String mountPoint, String fsType, List<String> options, boolean readOnly, int line) {
  public Mount {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(mountPoint, "mountPoint");
    Objects.requireNonNull(fsType, "fsType");
    options = List.copyOf(options);
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1");
    }
  }
}
