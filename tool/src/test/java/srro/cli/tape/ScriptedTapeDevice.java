package srro.cli.tape;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import srro.os.Platform;
import srro.scsi.transport.Command;
import srro.scsi.transport.OpenMode;
import srro.scsi.transport.Reply;
import srro.scsi.transport.ScsiDevice;
import srro.tape.ScriptedTapeTarget;

/**
 * A {@link ScsiDevice} in front of a {@link ScriptedTapeTarget}, installed as the tape commands' opener for
 * the length of a test; it records the access each open asked for.
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

  /** Installs {@code target} behind every device path; {@code close()} of the result puts the old opener back. */
  static Installed install(ScriptedTapeTarget target) {
    List<Platform.Access> accesses = new ArrayList<>();
    TapeCommand.Opener old = TapeCommand.useOpener((path, access) -> {
      accesses.add(access);
      return new ScriptedTapeDevice(path, target, OpenMode.readWrite());
    });
    return new Installed(old, accesses);
  }

  record Installed(TapeCommand.Opener old, List<Platform.Access> accesses) implements AutoCloseable {
    @Override
    public void close() {
      TapeCommand.useOpener(old);
    }
  }

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
