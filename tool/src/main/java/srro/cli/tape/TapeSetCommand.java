package srro.cli.tape;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import srro.MalformedInputException;
import srro.cli.Io;
import srro.cli.UsageException;
import srro.tape.EncryptionChange;
import srro.tape.RawDecryptionControl;
import srro.tape.TapeKey;
import srro.tape.TapeMode;

/**
 * {@code srro tape set DEVICE --key FILE}: sends the set data encryption page (SSC-5 §8.5.3.2) and reads the
 * status page back; exit 0 only when it shows the modes and algorithm asked for, the raw decryption marking
 * asked for with {@code --protect}/{@code --unprotect} (RDMD, §8.5.2.7), and a new key instance counter. The key is read into one byte array, wiped with the file's bytes and the parameter list.
 */
@Command(
    name = "set",
    description = "Turn encryption on with the key in FILE, then read the drive's status back and fail unless"
        + " it shows exactly what was asked.")
final class TapeSetCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DEVICE", description = "The tape drive.")
  String device;

  @Option(names = "--key", paramLabel = "FILE", required = true,
      description = "stenc key file: the key in hex on line 1, an optional description (the U-KAD) on"
          + " line 2; - reads standard input.")
  String keyFile;

  @Option(names = "--mode", paramLabel = "on|mixed|rawread", completionCandidates = Modes.class,
      description = "on: encrypt, decrypt (default); mixed: also read unencrypted blocks; rawread: encrypt,"
          + " read encrypted blocks raw.")
  TapeMode mode = TapeMode.ON;

  /** The modes --mode accepts, for completion: off parses but is refused (tape clear turns encryption off). */
  static final class Modes implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.List.of("on", "mixed", "rawread").iterator();
    }
  }

  @Option(names = "--algorithm", paramLabel = "N",
      description = "Algorithm index from 'srro tape caps' (default: the drive's only algorithm).")
  Integer algorithm;

  @Option(names = "--ckod", description = "Clear the key when the tape is unloaded.")
  boolean ckod;

  @Option(names = {"--protect", "--no-allow-raw-read"},
      description = "Mark the blocks written from now on as unreadable in raw decryption mode (RDMC 3), and"
          + " fail unless the status read back shows RDMD 1. Refused unless the drive reports RDMC_C 4 or 5.")
  boolean protect;

  @Option(names = {"--unprotect", "--allow-raw-read"},
      description = "Mark the blocks written from now on as readable in raw decryption mode (RDMC 2), and fail"
          + " unless the status read back shows RDMD 0. Refused unless the drive reports RDMC_C 4 or 5.")
  boolean unprotect;

  @Option(names = "--kad", paramLabel = "TEXT",
      description = "Key description written beside every block (U-KAD), instead of the key file's line 2.")
  String kad;

  @Option(names = "--json", description = "Print one JSON document (schema srro-tape-change/1).")
  boolean json;

  @ParentCommand TapeCommand tape;

  private final Io io;

  TapeSetCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    if (mode == TapeMode.OFF) {
      throw new UsageException("--mode off: use 'srro tape clear' to turn encryption off");
    }
    if (algorithm != null && (algorithm < 0 || algorithm > 255)) {
      throw new UsageException("--algorithm must be 0..255, not " + algorithm);
    }
    if (kad != null && !kad.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      throw new UsageException("--kad must be printable ascii");
    }
    if (protect && unprotect) {
      throw new UsageException("--protect and --unprotect exclude each other");
    }
    if (protect && mode == TapeMode.RAWREAD) {
      throw new UsageException("--protect with --mode rawread: the drive would mark every block it writes as"
          + " unreadable in the raw mode it is asked to read in");
    }
    RawDecryptionControl raw = protect ? RawDecryptionControl.PROTECT
        : unprotect ? RawDecryptionControl.UNPROTECT : RawDecryptionControl.DEFAULT;
    EncryptionChange.Request request = new EncryptionChange.Request(mode,
        algorithm == null ? OptionalInt.empty() : OptionalInt.of(algorithm), ckod, Optional.ofNullable(kad), raw);
    try (TapeKey key = readKey()) {
      return tape.withDrive(device, true, TapeCommand.CHANGE_SCHEMA, TapeCommand.CHANGE_KEYS, (drive, dev, doc) ->
          TapeCommand.changed(io, device, EncryptionChange.set(drive, request, key), json,
              doc.put("operation", "set")));
    }
  }

  /** Reads at most {@link TapeKey#MAX_FILE_BYTES} + 1 bytes (so an oversized file is named) and wipes them. */
  private TapeKey readKey() throws IOException, MalformedInputException {
    byte[] file = null;
    try {
      if (keyFile.equals("-")) {
        file = io.in().readNBytes(TapeKey.MAX_FILE_BYTES + 1);
        return TapeKey.parse("stdin", file);
      }
      try (InputStream in = srro.cli.BoundedInput.open(Path.of(keyFile))) {
        file = in.readNBytes(TapeKey.MAX_FILE_BYTES + 1);
      }
      return TapeKey.parse(keyFile, file);
    } finally {
      if (file != null) {
        Arrays.fill(file, (byte) 0);
      }
    }
  }
}
