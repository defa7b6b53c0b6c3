package srro.cli.tape;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.cli.Json;
import srro.cli.Reporter;
import srro.os.Host;
import srro.os.OsCallException;
import srro.os.Platform;
import srro.scsi.transport.ScsiDevice;
import srro.tape.TapeDrive;
import srro.tape.TapeFailure;

/**
 * {@code srro tape}: LTO hardware encryption over SECURITY PROTOCOL IN/OUT (SSC-4 §8.5), verified by reading
 * the drive's status back. Exit status: 0 done and verified; 1 the drive refused, answered wrongly, or its
 * status read back is not what was asked; 71 the OS call itself failed (open, ioctl).
 */
@Command(
    name = "tape",
    description = {
      "Show, set and clear LTO tape drive encryption, and prove the change took effect; generate keys.",
      "Exit status: 0 ok, 1 the drive refused or its status is not as asked, 71 an OS call failed."
    },
    subcommands = {
      TapeStatusCommand.class,
      TapeCapsCommand.class,
      TapeSetCommand.class,
      TapeClearCommand.class,
      TapeKeygenCommand.class
    })
public final class TapeCommand implements Callable<Integer> {

  private final Io io;
  private final Host host;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  TapeCommand(Io io, Host host) {
    this.io = io;
    this.host = host;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(io.out());
    return ExitCode.USAGE.status();
  }

  /**
   * Opens {@code path}. On OpenBSD, scsi_ioctl.c lets a descriptor opened without FWRITE send only read-safe
   * opcodes, and SECURITY PROTOCOL IN/OUT are not among them, so every tape command needs read-write there;
   * on Linux SPOUT needs read-write and SPIN may fall back to read-only.
   */
  ScsiDevice open(String path, boolean sendsSpout) throws OsCallException, IOException {
    boolean openBsd = host.os() == Host.Os.OPENBSD;
    Platform.Access access = openBsd || sendsSpout
        ? Platform.Access.READ_WRITE
        : Platform.Access.PREFER_READ_WRITE;
    try {
      return host.openScsi(path, access);
    } catch (OsCallException e) {
      if (!openBsd) {
        throw e;
      }
      throw new OsCallException(e.call(), e.errno(), e.errnoName(), "cannot open read-write, and OpenBSD"
          + " sends SECURITY PROTOCOL IN/OUT only through a read-write descriptor");
    }
  }

  /**
   * Turns a failed command into the exit status: an OS call that failed is thrown as {@link OsCallException}
   * (71); anything the HBA, the drive or its reply said is reported on stderr and returns 1.
   */
  static int fail(Io io, String device, String stage, TapeFailure failure, boolean json, Json.Obj doc)
      throws OsCallException {
    if (failure.osCallFailed()) {
      throw new OsCallException(failure.commandName() + " on " + device, failure.ioctlErrno(),
          failure.outcome().code(), stage + ": " + failure.outcome().message());
    }
    return no(io, device, stage + ": " + describe(failure), json,
        doc.put("failure", Json.object()
            .put("stage", stage)
            .put("command", failure.commandName())
            .put("layer", failure.outcome().layer())
            .put("code", failure.outcome().code())
            .put("message", failure.outcome().message())));
  }

  /**
   * The exit status when the drive does not offer security protocol page {@code page} (already reported: a
   * failed SPIN through {@link #fail}, a page missing from the supported list as a "no"), or empty when it does.
   */
  static OptionalInt refuseUnsupported(Io io, String device, TapeDrive drive, int page, boolean json, Json.Obj doc)
      throws OsCallException, IOException {
    Optional<TapeDrive.Unsupported> unsupported = drive.support(page);
    if (unsupported.isEmpty()) {
      return OptionalInt.empty();
    }
    TapeDrive.Unsupported u = unsupported.get();
    return OptionalInt.of(u.failure().isPresent()
        ? fail(io, device, u.what(), u.failure().get(), json, doc)
        : no(io, device, u.what(), json, doc));
  }

  /** "command: message [CODE]": the code is added when the message does not already name it. */
  static String describe(TapeFailure failure) {
    String m = failure.describe();
    String code = failure.outcome().code();
    return m.contains(code) ? m : m + " [" + code + "]";
  }

  /** Reports a "no" (exit 1): one line on stderr, and with --json the document on stdout. */
  static int no(Io io, String device, String line, boolean json, Json.Obj doc) {
    if (json) {
      io.out().println(doc.put("ok", false).put("error", Reporter.refusal(device + ": " + line)));
    }
    io.err().println("srro: " + device + ": " + line);
    return ExitCode.NO.status();
  }

  /**
   * The start of a tape document: every key its schema lists, in order, null until the command knows it
   * (docs/json.md); {@code keys} are the ones between {@code ok} and the shared tail.
   */
  static Json.Obj document(String schema, String device, ScsiDevice dev, String... keys) {
    Json.Obj doc = Json.document(schema).put("device", device).put("access", dev.mode().describe()).put("ok", null);
    for (String k : keys) {
      doc.put(k, null);
    }
    return doc.put("warnings", java.util.List.of()).put("failure", null).put("error", null);
  }

  static void row(PrintStream out, String label, Object value) {
    out.printf("%-22s %s%n", label, value);
  }
}
