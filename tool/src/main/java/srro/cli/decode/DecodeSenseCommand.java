package srro.cli.decode;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.scsi.Sense;

/** {@code srro decode sense}: fixed or descriptor format sense data (SPC-4 §4.5). */
@Command(name = "sense", description = "Decode fixed or descriptor format sense data.")
final class DecodeSenseCommand implements Callable<Integer> {
  private final Io io;

  @Mixin DecodeCommand.Input input = new DecodeCommand.Input();

  DecodeSenseCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    Sense s = Sense.parse(input.source(), input.read(io));
    input.print(io, DecodeText.sense(s), "srro-decode-sense/1", DecodeJson.sense(s));
    return ExitCode.OK.status();
  }
}
