package srro.cli.tape;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import srro.cli.CommandGroup;
import srro.cli.ExitCode;
import srro.cli.FailureInDocument;
import srro.cli.Io;
import srro.cli.Json;
import srro.cli.Refusal;
import srro.cli.Reporter;
import srro.os.Host;
import srro.os.OsCallException;
import srro.os.Platform;
import srro.scsi.transport.Outcome;
import srro.scsi.transport.ScsiDevice;
import srro.tape.SetResult;
import srro.tape.TapeDrive;
import srro.tape.TapeFailure;

/**
 * {@code srro tape}: LTO hardware encryption over SECURITY PROTOCOL IN/OUT (SSC-4 §8.5), verified by reading
 * the drive's status back. Exit status: 0 done and verified; 1 the drive refused a command, answered wrongly, or
 * its status read back is not what was asked; 71 the OS call itself failed (open, ioctl).
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
public final class TapeCommand extends CommandGroup {
  private final Host host;

  TapeCommand(Io io, Host host) {
    super(io);
    this.host = host;
  }

  /** What a device subcommand does once the drive is open and its document started. */
  @FunctionalInterface
  interface Session {
    int run(TapeDrive drive, ScsiDevice dev, Json.Obj doc) throws Exception;
  }

  /**
   * The start every device subcommand shares: opens {@code path} (see {@link #open}), and hands {@code session}
   * the drive and the document of {@code schema} with every key its schema lists, in order, null until the
   * command knows it (docs/json.md); {@code keys} are the ones between {@code ok} and the shared tail.
   */
  int withDrive(String path, boolean sendsSpout, String schema, List<String> keys, Session session)
      throws Exception {
    try (ScsiDevice dev = open(path, sendsSpout)) {
      Json.Obj doc = Json.document(schema).put("device", path).put("access", dev.mode().describe()).put("ok", null);
      for (String k : keys) {
        doc.put(k, null);
      }
      doc.put("warnings", List.of()).put("failure", null).put("error", null);
      return session.run(new TapeDrive(path, dev), dev, doc);
    }
  }

  /**
   * Opens {@code path}. On OpenBSD, scsi_ioctl.c lets a descriptor opened without FWRITE send only read-safe
   * opcodes, and SECURITY PROTOCOL IN/OUT are not among them, so every tape command needs read-write there;
   * on Linux SPOUT needs read-write and SPIN may fall back to read-only.
   */
  private ScsiDevice open(String path, boolean sendsSpout) throws OsCallException, IOException {
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
   * What to throw for a failed command: an OS call that failed is an {@link OsCallException} (71); anything the
   * HBA, the drive or its reply said is a refusal (1), in the document's {@code failure} and {@code error}.
   */
  static Exception failed(Io io, String device, String stage, TapeFailure failure, boolean json, Json.Obj doc) {
    if (failure.osCallFailed()) {
      return new OsCallException(failure.commandName() + " on " + device, failure.ioctlErrno(),
          failure.outcome().code(), stage + ": " + failure.outcome().message());
    }
    return refused(io, device, stage + ": " + describe(failure), json,
        doc.put("failure", Json.object()
            .put("stage", stage)
            .put("command", failure.commandName())
            .put("layer", failure.outcome().layer())
            .put("code", failure.outcome().code())
            .put("message", failure.outcome().message())));
  }

  /**
   * Throws when the drive does not offer security protocol page {@code page}: a failed SPIN as {@link #failed},
   * a page missing from the supported list as a refusal.
   */
  static void requireSupport(Io io, String device, TapeDrive drive, int page, boolean json, Json.Obj doc)
      throws Exception {
    Optional<TapeDrive.Unsupported> unsupported = drive.support(page);
    if (unsupported.isPresent()) {
      TapeDrive.Unsupported u = unsupported.get();
      throw u.failure().isPresent()
          ? failed(io, device, u.what(), u.failure().get(), json, doc)
          : refused(io, device, u.what(), json, doc);
    }
  }

  /**
   * "COMMAND failed at the LAYER layer (CODE): message": the shape {@code srro probe} and {@code srro check} give
   * a device's refusal too ({@link srro.probe.CommandFailedException}).
   */
  static String describe(TapeFailure failure) {
    Outcome.Failed f = failure.outcome();
    return failure.commandName() + " failed at the " + f.layer().name().toLowerCase(java.util.Locale.ROOT)
        + " layer (" + f.code() + "): " + f.message();
  }

  /**
   * A "no" (exit 1) to throw: with --json the document, {@code ok} false and the error in it, is printed here
   * and the reporter adds only the line on stderr.
   */
  static Exception refused(Io io, String device, String line, boolean json, Json.Obj doc) {
    Refusal r = new Refusal(device + ": " + line);
    if (!json) {
      return r;
    }
    io.out().println(doc.put("ok", false).put("error", Reporter.error(r)));
    return new FailureInDocument(r);
  }

  /** The document of {@code tape set} and {@code tape clear}, and its keys between {@code ok} and the tail. */
  static final String CHANGE_SCHEMA = "srro-tape-change/1";
  static final List<String> CHANGE_KEYS = List.of("operation", "asked", "before", "after", "mismatches");

  /**
   * The outcome of {@code tape set} or {@code tape clear} ({@code doc} names the operation): 0 only when the
   * status read back is what was asked; every other outcome is thrown, as {@link #failed} or a refusal.
   */
  static int changed(Io io, String device, SetResult result, boolean json, Json.Obj doc) throws Exception {
    if (result instanceof SetResult.Failed f) {
      throw failed(io, device, f.stage(), f.failure(), json, doc);
    }
    if (result instanceof SetResult.Refused r) {
      throw refused(io, device, "not changed: " + r.reason(), json, doc);
    }
    if (result instanceof SetResult.NotAsAsked n) {
      String line = "every layer said good, but the status read back is not what was asked: "
          + String.join("; ", n.mismatches()) + " (do not trust this drive's encryption)";
      throw refused(io, device, line, json, doc
          .put("asked", TapeJson.asked(n.mode().encryptionLabel(), n.mode().decryptionLabel(), n.algorithmIndex(),
              null))
          .put("before", TapeJson.status(n.before()))
          .put("after", TapeJson.status(n.after()))
          .put("mismatches", n.mismatches()));
    }
    SetResult.Verified v = (SetResult.Verified) result;
    if (json) {
      io.out().println(doc.put("ok", true)
          .put("asked", TapeJson.asked(v.mode().encryptionLabel(), v.mode().decryptionLabel(), v.algorithmIndex(),
              v.rawDecryption()))
          .put("before", TapeJson.status(v.before()))
          .put("after", TapeJson.status(v.after()))
          .put("mismatches", List.of())
          .put("warnings", v.warnings()));
    } else {
      TapeText.verified(io.out(), device, v);
      warn(io, device, v.warnings());
    }
    return ExitCode.OK.status();
  }

  /** {@code srro: warning: DEVICE: w} for each warning, on stderr. */
  static void warn(Io io, String device, List<String> warnings) {
    for (String w : warnings) {
      Reporter.warning(io.err(), device + ": " + w);
    }
  }
}
