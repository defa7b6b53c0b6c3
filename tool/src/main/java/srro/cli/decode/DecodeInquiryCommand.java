package srro.cli.decode;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.scsi.DecodeReport;
import srro.scsi.Inquiry;
import srro.scsi.VitalProductData;

/** {@code srro decode inquiry}: standard INQUIRY data or, with --vpd, a vital product data page. */
@Command(name = "inquiry", description = "Decode standard INQUIRY data or a VPD page.")
final class DecodeInquiryCommand implements Callable<Integer> {
  private final Io io;

  @Mixin DecodeCommand.Input input = new DecodeCommand.Input();

  @Option(
      names = "--vpd",
      description = "The data is a vital product data page (0x80 serial number and 0x83 designators decoded).")
  boolean vpd;

  DecodeInquiryCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    byte[] data = input.read(io);
    if (vpd) {
      VitalProductData v = VitalProductData.parse(input.source(), data);
      input.print(io, DecodeReport.vpd(v), "srro-decode-vpd/1", ScsiJson.vpd(v));
    } else {
      Inquiry q = Inquiry.parse(input.source(), data);
      input.print(io, DecodeReport.inquiry(q), "srro-decode-inquiry/1", ScsiJson.inquiry(q));
    }
    return ExitCode.OK.status();
  }
}
