package srro.cli.tape;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import srro.cli.Io;
import srro.tape.EncryptionChange;

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
  public Integer call() throws Exception {
    return tape.withDrive(device, true, TapeCommand.CHANGE_SCHEMA, TapeCommand.CHANGE_KEYS, (drive, dev, doc) ->
        TapeCommand.changed(io, device, EncryptionChange.clear(drive), json, doc.put("operation", "clear")));
  }
}
