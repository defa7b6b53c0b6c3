package srro.os;

import java.io.IOException;
import srro.scsi.Transport;

/** An open SCSI pass-through descriptor: sends commands, and says how it was opened and why. */
public interface ScsiDevice extends Transport, AutoCloseable {

  /** The path as given. */
  String path();

  /** How the device was opened, and why that mode (e.g. "read-only: O_RDWR failed with EROFS"). */
  OpenMode mode();

  @Override
  void close() throws IOException;
}
