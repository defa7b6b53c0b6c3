package srro.cli.decode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import srro.cli.CommandGroup;
import srro.cli.Io;
import srro.cli.Json;
import srro.scsi.HexInput;
import srro.scsi.ScsiFormatException;

/** {@code srro decode}: SCSI data from a file, decoded without a device (the verifier does the work). */
@Command(
    name = "decode",
    description = "Decode SCSI mode parameter data, sense data, inquiry data or VPD pages given as hex or binary.",
    subcommands = {DecodeModeCommand.class, DecodeSenseCommand.class, DecodeInquiryCommand.class,
      DecodeVpdCommand.class})
public final class DecodeCommand extends CommandGroup {
  DecodeCommand(Io io) {
    super(io);
  }

  /** The input options every decode subcommand shares. */
  static final class Input {
    @Option(
        names = "--inhex",
        required = true,
        paramLabel = "FILE",
        description = "Read the data from FILE ('-' for standard input): hex as sg3_utils prints it.")
    String file;

    @Option(names = "--raw", description = "The input is binary, not hex.")
    boolean raw;

    @Option(names = "--json", description = "Print the decode as one JSON document (docs/json.md).")
    boolean json;

    /** The name messages use for the input. */
    String source() {
      return file.equals("-") ? "stdin" : file;
    }

    /** The bytes given, hex decoded unless --raw; sizes bounded before anything is read whole. */
    byte[] read(Io io) throws IOException, ScsiFormatException {
      int limit = raw ? HexInput.MAX_BYTES : HexInput.MAX_TEXT_BYTES;
      byte[] bytes;
      if (file.equals("-")) {
        bytes = readAtMost(io.in(), limit + 1);
      } else {
        try (InputStream in = srro.cli.BoundedInput.open(Path.of(file))) {
          bytes = readAtMost(in, limit + 1);
        }
      }
      if (bytes.length > limit) {
        throw new ScsiFormatException(
            source(), -1, (raw ? "binary input is longer than " : "hex input is larger than ") + limit + " bytes");
      }
      if (!raw) {
        return HexInput.parse(source(), bytes);
      }
      if (bytes.length == 0) {
        throw new ScsiFormatException(source(), -1, "no bytes to decode");
      }
      return bytes;
    }

    private static byte[] readAtMost(InputStream in, int n) throws IOException {
      return in.readNBytes(n);
    }

    /** Prints the text lines or the JSON document {@code schema}: the input's name, then the decode. */
    void print(Io io, List<String> lines, String schema, Json.Obj json) {
      if (this.json) {
        io.out().println(Json.document(schema).put("input", source()).putAll(json));
      } else {
        lines.forEach(io.out()::println);
      }
    }
  }
}
