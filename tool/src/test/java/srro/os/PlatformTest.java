package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.NoSuchFileException;
import java.util.List;
import org.junit.jupiter.api.Test;
import srro.scsi.transport.Command;
import srro.scsi.transport.DataDirection;
import srro.scsi.transport.OpenMode;
import srro.scsi.transport.ReadOnlyFlag;
import srro.scsi.transport.Reply;
import srro.scsi.transport.ScsiDevice;

/** The real JNR binding on this Linux host: open(2), ioctl(2) and errno through the native calls. */
class PlatformTest {

  @Test
  void sgIoOnANodeThatIsNotScsiComesBackAsEnotty() throws Exception {
    assumeTrue(Host.current().os() == Host.Os.LINUX);
    try (ScsiDevice d = Host.current().openScsi("/dev/null", Platform.Access.PREFER_READ_WRITE)) {
      assertEquals(OpenMode.readWrite(), d.mode());
      Reply r = d.execute(new Command("TEST UNIT READY", new byte[6], DataDirection.NONE, new byte[0], 0, 1000));
      assertEquals("ENOTTY", r.status().errnoName());
      List<ReadOnlyFlag> flags = d.readOnlyFlags();
      assertEquals(new ReadOnlyFlag("BLKROGET", ReadOnlyFlag.Reading.UNAVAILABLE, "ENOTTY"), flags.get(0));
      assertEquals(ReadOnlyFlag.Reading.UNAVAILABLE, flags.get(1).reading());
    }
  }

  @Test
  void aMissingDeviceIsAMissingInput() {
    assumeTrue(Host.current().os() == Host.Os.LINUX);
    assertThrows(NoSuchFileException.class,
        () -> Host.current().openScsi("/dev/srro-no-such-device", Platform.Access.PREFER_READ_WRITE));
  }

  @Test
  void otherSystemsAreRefusedByName() {
    OsCallException e = assertThrows(OsCallException.class, () -> Platform.of(Host.Os.OTHER, "Plan 9"));
    assertEquals("platform Plan 9: srro talks to SCSI devices on Linux and OpenBSD only (ENOSYS)", e.getMessage());
  }
}
