package srro.scsi.transport;

import java.io.IOException;
import java.util.List;

/** An open SCSI pass-through descriptor: sends commands, and says how it was opened and why. */
public interface ScsiDevice extends Transport, AutoCloseable {

  /** The path as given. */
  String path();

  /** How the device was opened, and why that mode (e.g. "read-only: O_RDWR failed with EROFS"). */
  OpenMode mode();

  /**
   * What the OS itself says about writing to this device (Linux BLKROGET and sysfs {@code ro}; a read-write
   * open refused with a read-only errno), for comparison with the device's own write-protect bit.
   */
  default List<ReadOnlyFlag> readOnlyFlags() throws IOException {
    return List.of();
  }

  @Override
  void close() throws IOException;
}
