package srro.cli.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import srro.cli.CliRun;
import srro.os.Host;
import srro.os.OsCallException;

class TapeCommandTest {

  @Test
  void withoutSubcommandPrintsUsage() {
    CliRun r = CliRun.of("tape");
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.out().contains("status"), r.out());
    assertTrue(r.out().contains("clear"), r.out());
    assertTrue(r.out().contains("keygen"), r.out());
  }

  @Test
  void reportsAFailedOpenWithExit71() {
    Host host = new Host.Other(Host.Os.LINUX, "Linux", (path, access) -> {
      throw new OsCallException("open " + path + " O_RDWR", 13, "EACCES", "permission denied");
    });
    CliRun r = CliRun.on(host, "tape", "clear", "/dev/nst0");
    assertEquals(71, r.status(), r.toString());
    assertEquals("srro: open /dev/nst0 O_RDWR: permission denied (EACCES)\n", r.err());
  }

  @Test
  void explainsOpenBsdsReadWriteRequirement() {
    Host host = new Host.Other(Host.Os.OPENBSD, "OpenBSD", (path, access) -> {
      throw new OsCallException("open " + path + " O_RDWR", 30, "EROFS", "read-only file system");
    });
    CliRun r = CliRun.on(host, "tape", "status", "/dev/rst0");
    assertEquals(71, r.status(), r.toString());
    assertEquals("srro: open /dev/rst0 O_RDWR: cannot open read-write, and OpenBSD sends SECURITY PROTOCOL"
        + " IN/OUT only through a read-write descriptor (EROFS)\n", r.err());
  }
}
