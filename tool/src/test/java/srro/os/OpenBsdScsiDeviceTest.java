package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import jnr.constants.platform.Errno;
import jnr.ffi.Runtime;
import org.junit.jupiter.api.Test;
import srro.scsi.transport.Command;
import srro.scsi.transport.DataDirection;
import srro.scsi.transport.OpenMode;
import srro.scsi.transport.ReadOnlyFlag;
import srro.scsi.transport.Reply;
import srro.scsi.transport.TransportStatus;

class OpenBsdScsiDeviceTest {
  private static final byte[] MODE_SENSE_6 = {0x1a, 0, 0x3f, 0, (byte) 0xff, 0};
  private static final byte[] SPOUT = {(byte) 0xb5, 0x20, 0, 0x10, 0, 0, 0, 0, 0, 4, 0, 0};

  private static OpenBsdScsiDevice device(FakeSystemCalls sys, OpenMode mode) {
    return new OpenBsdScsiDevice(sys, "/dev/rsd1c", new DeviceOpener.Opened(5, mode));
  }

  @Test
  void fillsTheScsireqAndReportsWhatTheKernelReturned() throws Exception {
    FakeSystemCalls sys = new FakeSystemCalls().kernel((k, request, arg) -> {
      assertEquals(Scsireq.SCIOCCOMMAND, request);
      Scsireq r = new Scsireq(Runtime.getSystemRuntime());
      r.useMemory(arg);
      assertEquals(Scsireq.SCCMD_READ, r.flags.get());
      assertEquals(6, r.cmdlen.get());
      assertEquals(0x1a, r.cmd[0].get());
      assertEquals(0x3f, r.cmd[2].get());
      assertEquals(255, r.datalen.get());
      assertEquals(Scsireq.SENSEBUFLEN, r.senselen.get());
      assertEquals(30000, r.timeout.get());
      r.databuf.get().put(0, new byte[] {3, 0, (byte) 0x80, 0}, 0, 4);
      r.datalenUsed.set(255);
      r.status.set(0);
      r.retsts.set(0);
      return 0;
    });
    Reply reply = device(sys, new OpenMode(true, "EACCES"))
        .execute(new Command("MODE SENSE(6)", MODE_SENSE_6, DataDirection.FROM_DEVICE, new byte[0], 255, 30000));
    TransportStatus.Scsireq s = (TransportStatus.Scsireq) reply.status();
    assertEquals(new TransportStatus.Scsireq(0, "", 0, 0, 255, new byte[0]).toString().replaceAll("@\\w+", ""),
        s.toString().replaceAll("@\\w+", ""));
    assertEquals((byte) 0x80, reply.data()[2]);
    assertEquals(255, reply.data().length);
  }

  @Test
  void reportsSenseAsMuchAsTheKernelSaysItWrote() throws Exception {
    FakeSystemCalls sys = new FakeSystemCalls().kernel((k, request, arg) -> {
      Scsireq r = new Scsireq(Runtime.getSystemRuntime());
      r.useMemory(arg);
      r.sense[0].set(0x70);
      r.sense[2].set(0x07);
      r.senselenUsed.set(18);
      r.status.set(2);
      r.retsts.set(3);
      return 0;
    });
    Reply reply = device(sys, OpenMode.readWrite())
        .execute(new Command("WRITE(10)", new byte[] {0x2a, 0, 0, 0, 0, 0, 0, 0, 1, 0}, DataDirection.TO_DEVICE,
            new byte[512], 0, 5000));
    TransportStatus.Scsireq s = (TransportStatus.Scsireq) reply.status();
    assertEquals(3, s.retsts());
    assertEquals(2, s.status());
    assertEquals(18, s.sense().length);
    assertEquals(7, s.sense()[2]);
  }

  @Test
  void reportsAnIoctlErrnoAsAReply() throws Exception {
    FakeSystemCalls sys = new FakeSystemCalls().kernel((k, request, arg) -> k.fail(Errno.EINVAL));
    Reply reply = device(sys, OpenMode.readWrite())
        .execute(new Command("MODE SENSE(6)", MODE_SENSE_6, DataDirection.FROM_DEVICE, new byte[0], 255, 1000));
    assertEquals("EINVAL", reply.status().errnoName());
  }

  @Test
  void refusesSpoutOnAReadOnlyDescriptorAndSaysWhy() {
    FakeSystemCalls sys = new FakeSystemCalls();
    IOException e = assertThrows(IOException.class, () -> device(sys, new OpenMode(true, "EACCES"))
        .execute(new Command("SPOUT", SPOUT, DataDirection.TO_DEVICE, new byte[4], 0, 1000)));
    assertEquals("/dev/rsd1c: SPOUT (opcode 0xb5) is not read-safe and the device is open read-only (read-write"
        + " open failed: EACCES); OpenBSD accepts only read-safe commands on a descriptor opened without write"
        + " access (EPERM)", e.getMessage());
    assertEquals(List.of(), sys.calls);
  }

  @Test
  void knowsTheReadSafeOpcodes() {
    assertTrue(OpenBsdScsiDevice.isReadSafe(0x12));
    assertTrue(OpenBsdScsiDevice.isReadSafe(0x1a));
    assertTrue(OpenBsdScsiDevice.isReadSafe(0x5a));
    assertTrue(OpenBsdScsiDevice.isReadSafe(0x00));
    assertFalse(OpenBsdScsiDevice.isReadSafe(0xa2)); // SECURITY PROTOCOL IN
    assertFalse(OpenBsdScsiDevice.isReadSafe(0xb5)); // SECURITY PROTOCOL OUT
    assertFalse(OpenBsdScsiDevice.isReadSafe(0x2a)); // WRITE(10)
  }

  @Test
  void countsARefusedWriteOpenAsTheOsReadOnlyFlag() {
    FakeSystemCalls sys = new FakeSystemCalls();
    assertEquals(List.of(new ReadOnlyFlag("open O_RDWR", ReadOnlyFlag.Reading.READ_ONLY, "EACCES")),
        device(sys, new OpenMode(true, "EACCES")).readOnlyFlags());
    assertEquals(List.of(), device(sys, new OpenMode(true, "EPERM")).readOnlyFlags());
    assertEquals(List.of(), device(sys, OpenMode.readWrite()).readOnlyFlags());
  }
}
