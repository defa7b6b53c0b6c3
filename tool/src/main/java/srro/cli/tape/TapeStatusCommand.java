package srro.cli.tape;

import java.io.IOException;
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
import srro.tape.TapeFailure;

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
  /** The document's keys between {@code ok} and the shared tail (srro-tape-status/1). */
  private static final List<String> KEYS =
      List.of("status", "algorithm", "capabilities_note", "next_block", "next_block_note");

  @Parameters(paramLabel = "DEVICE", description = "The tape drive (/dev/nst0, /dev/sg1, /dev/rst0).")
  String device;

  @Option(names = "--json", description = "Print one JSON document (schema srro-tape-status/1).")
  boolean json;

  @ParentCommand TapeCommand tape;

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
    Extra<EncryptionCapabilities> caps = extra(drive.offers(TapeDrive.CAPABILITIES_PAGE),
        "the drive does not offer the data encryption capabilities page", drive::capabilities,
        "reading the encryption capabilities", warnings, doc);
    // No tape loaded or not at a block: the drive says so with CHECK CONDITION; the status stands.
    Extra<NextBlockStatus> nb = extra(drive.offersNextBlock(),
        "the drive does not offer the next block encryption status page", drive::nextBlock,
        "reading the next block encryption status", warnings, doc);
    EncryptionCapabilities capabilities = caps.page();
    String capabilitiesNote = caps.note();
    NextBlockStatus next = nb.page();
    String nextNote = nb.note();
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

  /** A page the status only adds to: the page, or a note why there is none. */
  private record Extra<T>(T page, String note) {}

  @FunctionalInterface
  private interface PageRead<T> {
    Read<T> read() throws IOException;
  }

  /**
   * Reads a page the status only adds to, when the drive {@code offered} it: a drive that refused it leaves a
   * note; a failure below the drive (the HBA, the driver, a malformed page) ends the command, as {@code stage}.
   */
  private <T> Extra<T> extra(boolean offered, String missing, PageRead<T> page, String stage, List<String> warnings,
      Json.Obj doc) throws Exception {
    if (!offered) {
      return new Extra<>(null, missing);
    }
    Read<T> read = page.read();
    if (read instanceof Read.Ok<T> ok) {
      warnings.addAll(ok.warnings());
      return new Extra<>(ok.page(), null);
    }
    TapeFailure failure = ((Read.Failed<T>) read).failure();
    if (!failure.driveRefused()) {
      throw TapeCommand.failed(io, device, stage, failure, json, doc);
    }
    return new Extra<>(null, "unavailable: " + TapeCommand.describe(failure));
  }

  /** The capabilities page's descriptor of algorithm {@code index}; empty without the page or that index. */
  private static Optional<AlgorithmDescriptor> algorithm(EncryptionCapabilities capabilities, int index) {
    return capabilities == null ? Optional.empty() : capabilities.algorithm(index);
  }
}
