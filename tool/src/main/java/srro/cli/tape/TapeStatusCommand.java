package srro.cli.tape;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.cli.Json;
import srro.scsi.transport.ScsiDevice;
import srro.tape.AlgorithmDescriptor;
import srro.tape.EncryptionCapabilities;
import srro.tape.EncryptionStatus;
import srro.tape.NextBlockStatus;
import srro.tape.Read;
import srro.tape.TapeDrive;

/**
 * {@code srro tape status DEVICE}: the data encryption status page (SSC-5 §8.5.2.7) field by field, the
 * algorithm's name and raw decryption control capability from the capabilities page (§8.5.2.4) and, when the
 * drive offers it, the next block encryption status page (§8.5.2.8). Exit 0 when the drive answered,
 * whatever its modes.
 */
@Command(
    name = "status",
    description = "Show the drive's encryption and decryption modes, algorithm and its name, key instance"
        + " counter, scopes, external mode check, raw read protection (RDMD, RDMC_C), key descriptors and the"
        + " next block's encryption status.")
final class TapeStatusCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DEVICE", description = "The tape drive (/dev/nst0, /dev/sg1, /dev/rst0).")
  String device;

  @Option(names = "--json", description = "Print one JSON document (schema srro-tape-status/1).")
  boolean json;

  @ParentCommand TapeCommand tape;

  private static final List<String> KEYS =
      List.of("status", "algorithm", "capabilities_note", "next_block", "next_block_note");

  private final Io io;

  TapeStatusCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    return tape.withDrive(device, false, "srro-tape-status/1", KEYS, this::show);
  }

  private int show(TapeDrive drive, ScsiDevice dev, Json.Obj doc) throws Exception {
    TapeCommand.requireSupport(io, device, drive, TapeDrive.STATUS_PAGE, json, doc);
    Read<EncryptionStatus> read = drive.status();
    if (read instanceof Read.Failed<EncryptionStatus> f) {
      throw TapeCommand.failed(io, device, "reading the encryption status", f.failure(), json, doc);
    }
    Read.Ok<EncryptionStatus> status = (Read.Ok<EncryptionStatus>) read;
    List<String> warnings = new ArrayList<>(status.warnings());
    EncryptionCapabilities capabilities = null;
    String capabilitiesNote = null;
    if (!drive.offers(TapeDrive.CAPABILITIES_PAGE)) {
      capabilitiesNote = "the drive does not offer the data encryption capabilities page";
    } else {
      Read<EncryptionCapabilities> caps = drive.capabilities();
      if (caps instanceof Read.Ok<EncryptionCapabilities> ok) {
        capabilities = ok.page();
        warnings.addAll(ok.warnings());
      } else {
        Read.Failed<EncryptionCapabilities> f = (Read.Failed<EncryptionCapabilities>) caps;
        if (!f.failure().driveRefused()) {
          throw TapeCommand.failed(io, device, "reading the encryption capabilities", f.failure(), json, doc);
        }
        capabilitiesNote = "unavailable: " + TapeCommand.describe(f.failure());
      }
    }
    NextBlockStatus next = null;
    String nextNote = null;
    if (!drive.offersNextBlock()) {
      nextNote = "the drive does not offer the next block encryption status page";
    } else {
      Read<NextBlockStatus> nb = drive.nextBlock();
      if (nb instanceof Read.Ok<NextBlockStatus> ok) {
        next = ok.page();
        warnings.addAll(ok.warnings());
      } else {
        Read.Failed<NextBlockStatus> f = (Read.Failed<NextBlockStatus>) nb;
        if (!f.failure().driveRefused()) {
          throw TapeCommand.failed(io, device, "reading the next block encryption status", f.failure(), json,
              doc);
        }
        // No tape loaded or not at a block: the drive says so with CHECK CONDITION; the status stands.
        nextNote = "unavailable: " + TapeCommand.describe(f.failure());
      }
    }
    Optional<AlgorithmDescriptor> algorithm = algorithm(capabilities, status.page().algorithmIndex());
    Optional<AlgorithmDescriptor> nextAlgorithm =
        next == null ? Optional.empty() : algorithm(capabilities, next.algorithmIndex());
    if (json) {
      io.out().println(doc.put("ok", true)
          .put("status", TapeJson.status(status.page(), algorithm))
          .put("algorithm", algorithm.map(TapeJson::algorithm).orElse(null))
          .put("capabilities_note", capabilitiesNote)
          .put("next_block", next == null ? null : TapeJson.nextBlock(next, nextAlgorithm))
          .put("next_block_note", nextNote)
          .put("warnings", warnings));
      return ExitCode.OK.status();
    }
    TapeText.row(io.out(), "device", device + " (" + dev.mode().describe() + ")");
    TapeText.status(io.out(), status.page(), algorithm);
    if (capabilitiesNote != null) {
      TapeText.row(io.out(), "algorithm names", capabilitiesNote);
    }
    if (next != null) {
      TapeText.nextBlock(io.out(), next, nextAlgorithm);
    } else {
      TapeText.row(io.out(), "next block", nextNote);
    }
    TapeCommand.warn(io, device, warnings);
    return ExitCode.OK.status();
  }

  /** The capabilities page's descriptor of algorithm {@code index}; empty without the page or that index. */
  private static Optional<AlgorithmDescriptor> algorithm(EncryptionCapabilities capabilities, int index) {
    return capabilities == null ? Optional.empty() : capabilities.algorithm(index);
  }
}
