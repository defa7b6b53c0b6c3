package srro.os;

import java.io.IOException;
import srro.scsi.transport.ScsiDevice;

/** OpenBSD: SCIOCCOMMAND on sd, st, cd, ch and uk nodes (use the raw partition, /dev/rsd0c). */
final class OpenBsdPlatform implements Platform {
  private final SystemCalls sys;

  OpenBsdPlatform(SystemCalls sys) {
    this.sys = sys;
  }

  @Override
  public ScsiDevice openScsi(String path, Access access) throws OsCallException, IOException {
    return new OpenBsdScsiDevice(sys, path, new DeviceOpener(sys, 0).open(path, access));
  }
}
