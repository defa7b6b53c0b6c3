package srro.os;

import java.io.IOException;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import srro.scsi.transport.Command;
import srro.scsi.transport.DataDirection;
import srro.scsi.transport.OpenMode;
import srro.scsi.transport.Reply;
import srro.scsi.transport.ScsiDevice;

/**
 * What the Linux and OpenBSD pass-through devices share: one open descriptor, the data buffer of a command
 * (filled for data out, copied back for data in, wiped after data out, which may be a tape key), and close.
 * Each OS fills in only its own request structure and ioctl ({@link #send}).
 */
abstract class DescriptorScsiDevice implements ScsiDevice {
  final SystemCalls sys;
  final String path;
  final OpenMode mode;
  private int fd;

  DescriptorScsiDevice(SystemCalls sys, String path, DeviceOpener.Opened opened) {
    this.sys = sys;
    this.path = path;
    this.fd = opened.fd();
    this.mode = opened.mode();
  }

  @Override
  public final String path() {
    return path;
  }

  @Override
  public final OpenMode mode() {
    return mode;
  }

  /** The open descriptor. */
  final int fd() {
    return fd;
  }

  @Override
  public final Reply execute(Command command) throws IOException {
    if (fd < 0) {
      throw new IOException(path + ": device is closed");
    }
    refuseBeforeSending(command);
    int length = command.transferLength();
    Pointer data = length > 0 ? Memory.allocateDirect(sys.runtime(), length, true) : null;
    try {
      if (command.direction() == DataDirection.TO_DEVICE) {
        data.put(0, command.dataOut(), 0, length);
      }
      return send(command, data, length);
    } finally {
      if (data != null && command.direction() == DataDirection.TO_DEVICE) {
        data.setMemory(0, length, (byte) 0);
      }
    }
  }

  /** Throws when this OS would refuse {@code command} in a way worth explaining first; by default nothing. */
  void refuseBeforeSending(Command command) throws IOException {}

  /** Sends {@code command} with {@code data} ({@code length} bytes, null when 0) and reports what came back. */
  abstract Reply send(Command command, Pointer data, int length) throws IOException;

  /** The bytes a data-in command received, {@code length} of them; none for other directions. */
  static byte[] dataIn(Command command, Pointer data, int length) {
    byte[] in = new byte[command.direction() == DataDirection.FROM_DEVICE ? length : 0];
    if (in.length > 0) {
      data.get(0, in, 0, in.length);
    }
    return in;
  }

  @Override
  public final void close() throws IOException {
    if (fd < 0) {
      return;
    }
    int closing = fd;
    fd = -1;
    if (sys.close(closing) == -1) {
      int errno = sys.errno();
      throw new IOException(path + ": close: " + SystemCalls.describe(errno) + " (" + SystemCalls.errnoName(errno)
          + ")");
    }
  }
}
