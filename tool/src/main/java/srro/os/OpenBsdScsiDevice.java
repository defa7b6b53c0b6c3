package srro.os;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import srro.scsi.transport.Command;
import srro.scsi.transport.ReadOnlyFlag;
import srro.scsi.transport.Reply;
import srro.scsi.transport.TransportStatus;

/**
 * An OpenBSD SCSI device driven with SCIOCCOMMAND. scsi_ioctl.c lets a descriptor opened without FWRITE send
 * only read-safe opcodes (its {@code scsi_readsafe_cmd} table) and refuses anything else with EPERM; srro checks
 * first and says why, so an operator does not take EPERM for a securelevel problem.
 */
final class OpenBsdScsiDevice extends DescriptorScsiDevice {
  private static final boolean[] READ_SAFE = readSafe();

  OpenBsdScsiDevice(SystemCalls sys, String path, DeviceOpener.Opened opened) {
    super(sys, path, opened);
  }

  /** scsi_ioctl.c 1.x (7.7) scsi_readsafe_cmd: opcodes allowed on a read-only descriptor. */
  private static boolean[] readSafe() {
    boolean[] t = new boolean[256];
    int[] opcodes = {
      0x00, 0x03, 0x08, 0x12, 0x1a, 0x1b, 0x23, 0x25, 0x28, 0x2b, 0x2f, 0x3c, 0x3e, 0x42, 0x43, 0x44, 0x45,
      0x46, 0x47, 0x48, 0x4a, 0x4b, 0x4e, 0x51, 0x52, 0x5a, 0x88, 0x8f, 0xa4, 0xa5, 0xa8, 0xac, 0xad, 0xb9,
      0xba, 0xbc, 0xbd, 0xbe
    };
    for (int op : opcodes) {
      t[op] = true;
    }
    return t;
  }

  static boolean isReadSafe(int opcode) {
    return READ_SAFE[opcode & 0xff];
  }

  @Override
  void refuseBeforeSending(Command command) throws IOException {
    int opcode = command.cdb()[0] & 0xff;
    if (mode.readOnly() && !isReadSafe(opcode)) {
      // The kernel would answer EPERM, which reads like securelevel; say what really happened instead.
      throw new IOException(
          String.format(
              "%s: %s (opcode 0x%02x) is not read-safe and the device is open %s; OpenBSD accepts only"
                  + " read-safe commands on a descriptor opened without write access (EPERM)",
              path, command.name(), opcode, mode.describe()));
    }
  }

  @Override
  Reply send(Command command, Pointer data, int length) {
    Runtime rt = sys.runtime();
    Scsireq r = new Scsireq(rt);
    Pointer req = Memory.allocateDirect(rt, Struct.size(r), true);
    r.useMemory(req);
    r.flags.set(switch (command.direction()) {
      case NONE -> 0;
      case FROM_DEVICE -> Scsireq.SCCMD_READ;
      case TO_DEVICE -> Scsireq.SCCMD_WRITE;
    });
    r.timeout.set(command.timeoutMillis());
    byte[] cdb = command.cdb();
    for (int i = 0; i < cdb.length; i++) {
      r.cmd[i].set(cdb[i] & 0xff);
    }
    r.cmdlen.set(cdb.length);
    r.databuf.set(data);
    r.datalen.set(length);
    r.senselen.set(Scsireq.SENSEBUFLEN);
    int rc = sys.ioctl(fd(), Scsireq.SCIOCCOMMAND, req);
    int errno = rc == -1 ? sys.errno() : 0;
    int senseLength = Math.min(r.senselenUsed.get(), Scsireq.SENSEBUFLEN);
    byte[] sense = new byte[senseLength];
    for (int i = 0; i < senseLength; i++) {
      sense[i] = (byte) r.sense[i].get();
    }
    TransportStatus status =
        new TransportStatus.Scsireq(
            errno, errno == 0 ? "" : SystemCalls.errnoName(errno), r.retsts.get(), r.status.get(),
            r.datalenUsed.get(), sense);
    return new Reply(status, dataIn(command, data, length));
  }

  /** OpenBSD has no userland read-only flag for a disk: sd(4) answers a write open with EACCES, vnd(4) EROFS. */
  @Override
  public List<ReadOnlyFlag> readOnlyFlags() {
    List<ReadOnlyFlag> flags = new ArrayList<>();
    String why = mode.fallbackErrno();
    if (mode.readOnly() && (why.equals("EACCES") || why.equals("EROFS"))) {
      flags.add(new ReadOnlyFlag("open O_RDWR", ReadOnlyFlag.Reading.READ_ONLY, why));
    }
    return flags;
  }
}
