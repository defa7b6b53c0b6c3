package srro.cli.tape;

import java.io.PrintStream;
import java.util.Optional;
import srro.tape.AlgorithmDescriptor;
import srro.tape.EncryptionCapabilities;
import srro.tape.EncryptionStatus;
import srro.tape.Kad;
import srro.tape.NextBlockStatus;
import srro.tape.RawDecryptionControl;
import srro.tape.SetResult;

/**
 * How tape pages and results look to people: rows of a padded label and a value, the spec's and stenc's names.
 * Nothing here is ever secret: no page the drive returns carries the key. {@link TapeJson} is the same for
 * scripts.
 */
final class TapeText {
  private TapeText() {}

  /** The status page in rows, SSC-5 §8.5.2.7 field by field, named as stenc and the spec name them. */
  static void status(PrintStream out, EncryptionStatus s, Optional<AlgorithmDescriptor> algorithm) {
    row(out, "encryption", s.encryptionModeText());
    row(out, "decryption", s.decryptionModeText());
    row(out, "algorithm index", s.algorithmIndex()
        + algorithm.map(a -> " (" + a.algorithmName() + ")").orElse(""));
    row(out, "key instance counter", s.keyInstanceCounter());
    row(out, "scope", "i_t nexus " + EncryptionStatus.scopeText(s.itNexusScope()) + ", key "
        + EncryptionStatus.scopeText(s.keyScope()));
    row(out, "parameters control", s.parametersControlText());
    row(out, "external mode check", s.ceemsText() + " (CEEMS " + s.ceems() + ")");
    row(out, "encrypted blocks", s.vcelb() ? "volume has some (VCELB)" : "none reported");
    row(out, "raw reads", s.rawReadsText() + " for blocks written from now on (RDMD "
        + (s.rdmd() ? 1 : 0) + ")" + algorithm.map(a -> "; RDMC_C " + a.rdmcC() + ": " + a.rdmcCText())
        .orElse(""));
    if (s.availableSupplementalDecryptionKeys() > 0) {
      row(out, "supplemental keys", s.availableSupplementalDecryptionKeys() + " available");
    }
    for (Kad k : s.kads()) {
      row(out, k.typeName(), k.text() + " (" + k.authenticatedText() + ")");
    }
  }

  static void nextBlock(PrintStream out, NextBlockStatus n, Optional<AlgorithmDescriptor> algorithm) {
    row(out, "next block", Long.toUnsignedString(n.logicalObjectNumber()) + ": "
        + n.encryptionStatusText() + ", algorithm index " + n.algorithmIndex()
        + algorithm.map(a -> " (" + a.algorithmName() + ")").orElse("") + ", compression status "
        + n.compressionStatus() + (n.rdmds() ? ", marked unreadable raw (RDMDS)" : ""));
    for (Kad k : n.kads()) {
      row(out, "next block " + k.typeName(), k.text() + " (" + k.authenticatedText() + ")");
    }
  }

  static void capabilities(PrintStream out, EncryptionCapabilities c) {
    row(out, "external control", "EXTDECC " + c.extdecc() + ", CFG_P " + c.cfgP());
    for (AlgorithmDescriptor a : c.algorithms()) {
      row(out, "algorithm " + a.algorithmIndex(), a.algorithmName() + ", key "
          + a.keyLengthBytes() + " bytes, u-kad up to " + a.maximumUkadLengthBytes() + (a.ukadFixed()
          ? " (fixed)" : "") + ", a-kad up to " + a.maximumAkadLengthBytes());
      row(out, "", "encrypt " + capable(a.encryptC()) + ", decrypt " + capable(a.decryptC())
          + (a.avfmv() ? ", valid for the mounted volume" : ""));
      row(out, "", "DKAD_C " + a.dkadC() + ", EEMC_C " + a.eemcC() + ", RDMC_C " + a.rdmcC()
          + (a.rawDecryptionControlFixed() ? " (raw reads fixed by the drive)" : "") + ", KADF_C "
          + (a.kadfC() ? 1 : 0));
    }
  }

  /** ENCRYPT_C / DECRYPT_C values (SSC-4 §8.5.2.4.2). */
  private static String capable(int c) {
    return switch (c) {
      case 0 -> "no";
      case 1 -> "external control only";
      case 2 -> "yes";
      default -> "reserved (" + c + ")";
    };
  }

  /** A verified set or clear: what the status page read back shows. */
  static void verified(PrintStream out, String device, SetResult.Verified v) {
    row(out, "device", device);
    row(out, "verified", "encryption " + v.after().encryptionModeText() + ", decryption "
        + v.after().decryptionModeText() + ", algorithm index " + v.after().algorithmIndex()
        + ", key instance counter " + v.before().keyInstanceCounter() + " -> "
        + v.after().keyInstanceCounter() + " (status page read back)");
    if (v.rawDecryption() != RawDecryptionControl.DEFAULT) {
      row(out, "raw reads", v.after().rawReadsText() + " for blocks written from now on (RDMD "
          + (v.after().rdmd() ? 1 : 0) + " read back)");
    }
    for (Kad k : v.after().kads()) {
      row(out, k.typeName(), k.text());
    }
  }

  /** One "label   value" row, the label padded as stenc pads it. */
  static void row(PrintStream out, String label, Object value) {
    out.printf("%-22s %s%n", label, value);
  }
}
