package srro.cli.tape;

import java.io.IOException;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.cli.Json;
import srro.os.OsCallException;
import srro.scsi.transport.ScsiDevice;
import srro.tape.EncryptionCapabilities;
import srro.tape.Read;
import srro.tape.TapeDrive;

/** {@code srro tape caps DEVICE}: the data encryption capabilities page (SSC-4 §8.5.2.4). */
@Command(
    name = "caps",
    description = "Show the encryption algorithms the drive offers: key length, key descriptor limits,"
        + " what it can encrypt and decrypt under srro's control.")
final class TapeCapsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DEVICE", description = "The tape drive.")
  String device;

  @Option(names = "--json", description = "Print one JSON document (schema srro-tape-caps/1).")
  boolean json;

  @ParentCommand TapeCommand tape;

  private final Io io;

  TapeCapsCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws OsCallException, IOException {
    try (ScsiDevice dev = tape.open(device, false)) {
      TapeDrive drive = new TapeDrive(device, dev);
      Json.Obj doc = TapeCommand.document("srro-tape-caps/1", device, dev, "capabilities");
      OptionalInt refused = TapeCommand.refuseUnsupported(io, device, drive, TapeDrive.CAPABILITIES_PAGE, json, doc);
      if (refused.isPresent()) {
        return refused.getAsInt();
      }
      Read<EncryptionCapabilities> read = drive.capabilities();
      if (read instanceof Read.Failed<EncryptionCapabilities> f) {
        return TapeCommand.fail(io, device, "reading the encryption capabilities", f.failure(), json, doc);
      }
      Read.Ok<EncryptionCapabilities> caps = (Read.Ok<EncryptionCapabilities>) read;
      if (json) {
        io.out().println(doc.put("ok", true).put("capabilities", TapeView.capabilities(caps.page()))
            .put("warnings", caps.warnings()));
        return ExitCode.OK.status();
      }
      TapeCommand.row(io.out(), "device", device + " (" + dev.mode().describe() + ")");
      TapeView.capabilities(io.out(), caps.page());
      for (String w : caps.warnings()) {
        io.err().println("srro: warning: " + device + ": " + w);
      }
      return ExitCode.OK.status();
    }
  }
}
