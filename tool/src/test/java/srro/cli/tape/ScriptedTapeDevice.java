package srro.cli.tape;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import srro.os.Host;
import srro.os.Platform;
import srro.scsi.transport.Command;
import srro.scsi.transport.OpenMode;
import srro.scsi.transport.Reply;
import srro.scsi.transport.ScsiDevice;
import srro.tape.ScriptedTapeTarget;

/**
 * A {@link ScsiDevice} in front of a {@link ScriptedTapeTarget}, behind every device path of a test's {@link
 * Host}; the host records the access each open asked for.
 */
final class ScriptedTapeDevice implements ScsiDevice {
  private final String path;
  private final ScriptedTapeTarget target;
  private final OpenMode mode;

  private ScriptedTapeDevice(String path, ScriptedTapeTarget target, OpenMode mode) {
    this.path = path;
    this.target = target;
    this.mode = mode;
  }

  /** A machine running {@code os} whose every device path is a drive behind {@code target}. */
  static Drive on(Host.Os os, ScriptedTapeTarget target) {
    List<Platform.Access> accesses = new ArrayList<>();
    Host host = new Host.Other(os, os == Host.Os.OPENBSD ? "OpenBSD" : "Linux", (path, access) -> {
      accesses.add(access);
      return new ScriptedTapeDevice(path, target, OpenMode.readWrite());
    });
    return new Drive(host, accesses);
  }

  /** A Linux machine with {@code target} behind every device path. */
  static Drive on(ScriptedTapeTarget target) {
    return on(Host.Os.LINUX, target);
  }

  /** The machine, and the access each open asked for. */
  record Drive(Host host, List<Platform.Access> accesses) {}

  @Override
  public String path() {
    return path;
  }

  @Override
  public OpenMode mode() {
    return mode;
  }

  @Override
  public Reply execute(Command command) throws IOException {
    return target.execute(command);
  }

  @Override
  public void close() {}
}
