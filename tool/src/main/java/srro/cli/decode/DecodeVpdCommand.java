package srro.cli.decode;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.scsi.vpd.VpdPage;

/** {@code srro decode vpd}: a vital product data page (SPC-4 §7.8, SBC-3 §6.5). */
@Command(
    name = "vpd",
    description = {
      "Decode a vital product data page (0x00 0x80 0x83 0x86, disks 0xb0 0xb1 0xb2).",
      "Supported pages, serial number, designators of every type, extended INQUIRY data, block limits, block",
      "device characteristics and logical block provisioning field by field; other pages by their header."
    })
final class DecodeVpdCommand implements Callable<Integer> {
  private final Io io;

  @Mixin DecodeCommand.Input input = new DecodeCommand.Input();

  DecodeVpdCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    run(io, input);
    return ExitCode.OK.status();
  }

  /** Decodes and prints the page; {@code decode inquiry --vpd} comes here too. */
  static void run(Io io, DecodeCommand.Input input) throws Exception {
    VpdPage v = VpdPage.parse(input.source(), input.read(io));
    input.print(io, DecodeText.vpd(v), "srro-decode-vpd/1", DecodeJson.page(v));
  }
}
