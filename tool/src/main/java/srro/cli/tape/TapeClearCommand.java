package srro.cli.tape;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import srro.cli.Io;
import srro.cli.Json;
import srro.os.OsCallException;
import srro.scsi.transport.ScsiDevice;
import srro.tape.EncryptionChange;
import srro.tape.TapeDrive;

/**
 * {@code srro tape clear DEVICE}: encryption and decryption off, no key, and the status read back to prove
 * it.
 */
@Command(
    name = "clear",
    description = "Turn encryption and decryption off, then read the drive's status back and fail unless both"
        + " are off and the key instance counter changed.")
final class TapeClearCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DEVICE", description = "The tape drive.")
  String device;

  @Option(names = "--json", description = "Print one JSON document (schema srro-tape-change/1).")
  boolean json;

  @ParentCommand TapeCommand tape;

  private final Io io;

  TapeClearCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws OsCallException, IOException {
    try (ScsiDevice dev = tape.open(device, true)) {
      TapeDrive drive = new TapeDrive(device, dev);
      Json.Obj doc = TapeCommand.document(TapeResults.SCHEMA, device, dev, "operation", "asked", "before", "after",
          "mismatches")
          .put("operation", "clear");
      return TapeResults.report(io, device, EncryptionChange.clear(drive), json, doc);
    }
  }
}
