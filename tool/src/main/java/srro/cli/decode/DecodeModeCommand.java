package srro.cli.decode;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.cli.UsageException;
import srro.scsi.Cursor;
import srro.scsi.DecodeReport;
import srro.scsi.DeviceType;
import srro.scsi.ModeParameters;

/** {@code srro decode mode}: a MODE SENSE(6) or (10) reply (SPC-4 §7.5). */
@Command(name = "mode", description = "Decode MODE SENSE(6) or (10) parameter data.")
final class DecodeModeCommand implements Callable<Integer> {
  private final Io io;

  @Mixin DecodeCommand.Input input = new DecodeCommand.Input();

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description =
          "Peripheral device type for the device-specific byte and block descriptors: disk (default), tape,"
              + " cdrom, changer...")
  DeviceType type = DeviceType.DISK;

  @ArgGroup(exclusive = true)
  Header header;

  static final class Header {
    @Option(names = "--six", description = "The data answers MODE SENSE(6) (4-byte header).")
    boolean six;

    @Option(names = "--ten", description = "The data answers MODE SENSE(10) (8-byte header).")
    boolean ten;
  }

  DecodeModeCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    byte[] data = input.read(io);
    ModeParameters.Format format;
    if (header != null) {
      format = header.six ? ModeParameters.Format.SIX : ModeParameters.Format.TEN;
    } else {
      format =
          ModeParameters.inferFormat(Cursor.of(input.source(), data))
              .orElseThrow(
                  () ->
                      new UsageException(
                          input.source() + ": cannot tell a MODE SENSE(6) reply from a (10) one; give --six or"
                              + " --ten"));
    }
    ModeParameters m = ModeParameters.parse(input.source(), data, format, Optional.of(type));
    input.print(io, DecodeReport.mode(m), "srro-decode-mode/1", ScsiJson.mode(m));
    return ExitCode.OK.status();
  }
}
