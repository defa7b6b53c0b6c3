package srro.cli.decode;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.scsi.vpd.StandardInquiry;

/**
 * {@code srro decode inquiry}: standard INQUIRY data, every flag as sg_inq names it and the version
 * descriptors; with --vpd, a vital product data page (the same as {@code decode vpd}).
 */
@Command(
    name = "inquiry",
    description = "Decode standard INQUIRY data (every flag and the version descriptors), or a VPD page.")
final class DecodeInquiryCommand implements Callable<Integer> {
  private final Io io;

  @Mixin DecodeCommand.Input input = new DecodeCommand.Input();

  @Option(names = "--vpd", description = "The data is a vital product data page: the same as 'srro decode vpd'.")
  boolean vpd;

  DecodeInquiryCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    if (vpd) {
      DecodeVpdCommand.run(io, input);
      return ExitCode.OK.status();
    }
    StandardInquiry s = StandardInquiry.parse(input.source(), input.read(io));
    input.print(io, DecodeText.inquiry(s), "srro-decode-inquiry/1", DecodeJson.standardInquiry(s));
    return ExitCode.OK.status();
  }
}
