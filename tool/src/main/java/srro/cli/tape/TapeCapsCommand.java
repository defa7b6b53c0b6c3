package srro.cli.tape;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import srro.cli.ExitCode;
import srro.cli.Io;
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
  public Integer call() throws Exception {
    return tape.withDrive(device, false, "srro-tape-caps/1", List.of("capabilities"), (drive, dev, doc) -> {
      TapeCommand.requireSupport(io, device, drive, TapeDrive.CAPABILITIES_PAGE, json, doc);
      Read<EncryptionCapabilities> read = drive.capabilities();
      if (read instanceof Read.Failed<EncryptionCapabilities> f) {
        throw TapeCommand.failed(io, device, "reading the encryption capabilities", f.failure(), json, doc);
      }
      Read.Ok<EncryptionCapabilities> caps = (Read.Ok<EncryptionCapabilities>) read;
      if (json) {
        io.out().println(doc.put("ok", true).put("capabilities", TapeJson.capabilities(caps.page()))
            .put("warnings", caps.warnings()));
        return ExitCode.OK.status();
      }
      TapeText.row(io.out(), "device", device + " (" + dev.mode().describe() + ")");
      TapeText.capabilities(io.out(), caps.page());
      TapeCommand.warn(io, device, caps.warnings());
      return ExitCode.OK.status();
    });
  }
}
