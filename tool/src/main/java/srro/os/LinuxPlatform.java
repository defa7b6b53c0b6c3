package srro.os;

import java.io.IOException;
import java.nio.file.Path;
import jnr.constants.platform.OpenFlags;
import srro.scsi.transport.ScsiDevice;

/** Linux: SG_IO on sd, st, sr and sg nodes; BLKROGET and sysfs for the kernel's own read-only flag. */
final class LinuxPlatform implements Platform {
  private final SystemCalls sys;

  LinuxPlatform(SystemCalls sys) {
    this.sys = sys;
  }

  @Override
  public ScsiDevice openScsi(String path, Access access) throws OsCallException, IOException {
    // O_NONBLOCK as sg3_utils opens: a removable or tape device without a medium still opens.
    DeviceOpener.Opened opened = new DeviceOpener(sys, OpenFlags.O_NONBLOCK.intValue()).open(path, access);
    return new LinuxScsiDevice(sys, path, opened, Path.of("/sys"));
  }
}
