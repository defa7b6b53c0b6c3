package srro.cli.tape;

import srro.cli.ExitCode;
import srro.cli.Io;
import srro.cli.Json;
import srro.os.OsCallException;
import srro.tape.RawDecryptionControl;
import srro.tape.SetResult;

/** How the outcome of {@code srro tape set} and {@code clear} is shown, and the exit status it gives. */
final class TapeResults {
  static final String SCHEMA = "srro-tape-change/1";

  private TapeResults() {}

  static int report(Io io, String device, SetResult result, boolean json, Json.Obj doc)
      throws OsCallException {
    if (result instanceof SetResult.Failed f) {
      return TapeCommand.fail(io, device, f.stage(), f.failure(), json, doc);
    }
    if (result instanceof SetResult.Refused r) {
      return TapeCommand.no(io, device, "not changed: " + r.reason(), json, doc);
    }
    if (result instanceof SetResult.NotAsAsked n) {
      String line = "every layer said good, but the status read back is not what was asked: "
          + String.join("; ", n.mismatches()) + " (do not trust this drive's encryption)";
      return TapeCommand.no(io, device, line, json, doc
          .put("asked", asked(n.mode().encryptionLabel(), n.mode().decryptionLabel(), n.algorithmIndex(), null))
          .put("before", TapeView.status(n.before()))
          .put("after", TapeView.status(n.after()))
          .put("mismatches", n.mismatches()));
    }
    SetResult.Verified v = (SetResult.Verified) result;
    if (json) {
      io.out().println(doc.put("ok", true)
          .put("asked", asked(v.mode().encryptionLabel(), v.mode().decryptionLabel(), v.algorithmIndex(),
              v.rawDecryption()))
          .put("before", TapeView.status(v.before()))
          .put("after", TapeView.status(v.after()))
          .put("mismatches", java.util.List.of())
          .put("warnings", v.warnings()));
    } else {
      TapeCommand.row(io.out(), "device", device);
      TapeCommand.row(io.out(), "verified", "encryption " + v.after().encryptionModeText() + ", decryption "
          + v.after().decryptionModeText() + ", algorithm index " + v.after().algorithmIndex()
          + ", key instance counter " + v.before().keyInstanceCounter() + " -> "
          + v.after().keyInstanceCounter() + " (status page read back)");
      if (v.rawDecryption() != RawDecryptionControl.DEFAULT) {
        TapeCommand.row(io.out(), "raw reads", v.after().rawReadsText() + " for blocks written from now on (RDMD "
            + (v.after().rdmd() ? 1 : 0) + " read back)");
      }
      for (srro.tape.Kad k : v.after().kads()) {
        TapeCommand.row(io.out(), k.typeName(), k.text());
      }
      for (String w : v.warnings()) {
        io.err().println("srro: warning: " + device + ": " + w);
      }
    }
    return ExitCode.OK.status();
  }

  /** What was asked; {@code raw} is null when the result does not carry it (a mismatch names it instead). */
  private static Json.Obj asked(String encryption, String decryption, int algorithmIndex,
      RawDecryptionControl raw) {
    Json.Obj o = Json.object().put("encryption_mode", encryption).put("decryption_mode", decryption)
        .put("algorithm_index", algorithmIndex);
    return o.put("raw_reads", raw == null ? null : raw == RawDecryptionControl.DEFAULT ? "default" : raw.label);
  }
}
