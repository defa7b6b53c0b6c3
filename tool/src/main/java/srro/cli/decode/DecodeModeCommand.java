package srro.cli.decode;

import java.util.ArrayList;
import java.util.List;
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
import srro.scsi.DeviceType;
import srro.scsi.ModeParameters;
import srro.scsi.PageControl;
import srro.scsi.modepage.DecodedModePage;

/**
 * {@code srro decode mode}: a MODE SENSE(6) or (10) reply (SPC-4 §7.5), the header, block descriptors and each
 * page's fields by sdparm's acronyms.
 */
@Command(
    name = "mode",
    description = {
      "Decode MODE SENSE(6) or (10) parameter data, page fields by sdparm's acronyms.",
      "The header, the block descriptors and the fields of the pages srro knows (01 02 08 0A 0A/01 1A 1C;",
      "tape 0F 10 11; cdrom 2A); other pages as bytes. A field past the page or the data is shown absent."
    })
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

  @Option(
      names = "--pc",
      paramLabel = "PC",
      description =
          "Which values the data holds (MODE SENSE's page control): current (default), changeable (a mask, 1 ="
              + " may be changed), default or saved.")
  PageControl pageControl = PageControl.CURRENT;

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
    List<DecodedModePage> pages = DecodedModePage.decodeAll(m, pageControl);
    List<String> lines = new ArrayList<>(DecodeText.mode(m));
    lines.addAll(DecodeText.pages(pages));
    input.print(io, lines, "srro-decode-mode/1", DecodeJson.mode(m, pages));
    return ExitCode.OK.status();
  }
}
