package srro.cli.tape;

import java.io.PrintStream;
import java.util.List;
import srro.cli.Json;
import srro.tape.AlgorithmDescriptor;
import srro.tape.EncryptionCapabilities;
import srro.tape.EncryptionStatus;
import srro.tape.Kad;
import srro.tape.NextBlockStatus;

/** How tape pages look: text rows for people, JSON objects for scripts. Nothing here is ever secret. */
final class TapeView {
  private TapeView() {}

  static Json.Obj status(EncryptionStatus s) {
    return Json.object()
        .put("encryption_mode", s.encryptionModeText())
        .put("decryption_mode", s.decryptionModeText())
        .put("algorithm_index", s.algorithmIndex())
        .put("key_instance_counter", s.keyInstanceCounter())
        .put("it_nexus_scope", s.itNexusScope())
        .put("key_scope", s.keyScope())
        .put("parameters_control", s.parametersControl())
        .put("vcelb", s.vcelb())
        .put("ceems", s.ceems())
        .put("rdmd", s.rdmd())
        .put("kad_format", s.kadFormat())
        .put("available_supplemental_decryption_keys", s.availableSupplementalDecryptionKeys())
        .put("kads", kads(s.kads()));
  }

  static void status(PrintStream out, EncryptionStatus s) {
    TapeCommand.row(out, "encryption", s.encryptionModeText());
    TapeCommand.row(out, "decryption", s.decryptionModeText());
    TapeCommand.row(out, "algorithm index", s.algorithmIndex());
    TapeCommand.row(out, "key instance counter", s.keyInstanceCounter());
    TapeCommand.row(out, "scope", "i_t nexus " + s.itNexusScope() + ", key " + s.keyScope()
        + ", parameters control " + s.parametersControl());
    TapeCommand.row(out, "encrypted blocks", s.vcelb() ? "volume has some (VCELB)" : "none reported");
    TapeCommand.row(out, "raw decryption", s.rdmd() ? "disabled (RDMD)" : "not disabled");
    for (Kad k : s.kads()) {
      TapeCommand.row(out, k.typeName(), k.text());
    }
  }

  static Json.Obj nextBlock(NextBlockStatus n) {
    return Json.object()
        .put("logical_object_number", Json.unsigned(n.logicalObjectNumber()))
        .put("encryption_status", n.encryptionStatus())
        .put("encryption_status_text", n.encryptionStatusText())
        .put("compression_status", n.compressionStatus())
        .put("algorithm_index", n.algorithmIndex())
        .put("emes", n.emes())
        .put("rdmds", n.rdmds())
        .put("kad_format", n.kadFormat())
        .put("kads", kads(n.kads()));
  }

  static void nextBlock(PrintStream out, NextBlockStatus n) {
    TapeCommand.row(out, "next block", Long.toUnsignedString(n.logicalObjectNumber()) + ": "
        + n.encryptionStatusText() + ", algorithm index " + n.algorithmIndex() + ", compression status "
        + n.compressionStatus());
    for (Kad k : n.kads()) {
      TapeCommand.row(out, "next block " + k.typeName(), k.text());
    }
  }

  static Json.Obj capabilities(EncryptionCapabilities c) {
    List<Object> algorithms = Json.array();
    for (AlgorithmDescriptor a : c.algorithms()) {
      algorithms.add(Json.object()
          .put("algorithm_index", a.algorithmIndex())
          .put("name", a.algorithmName())
          .put("security_algorithm_code", a.securityAlgorithmCode())
          .put("key_length_bytes", a.keyLengthBytes())
          .put("maximum_ukad_length_bytes", a.maximumUkadLengthBytes())
          .put("maximum_akad_length_bytes", a.maximumAkadLengthBytes())
          .put("ukad_fixed", a.ukadFixed())
          .put("akad_fixed", a.akadFixed())
          .put("encrypt_c", a.encryptC())
          .put("decrypt_c", a.decryptC())
          .put("avfmv", a.avfmv())
          .put("sdk_c", a.sdkC())
          .put("mac_c", a.macC())
          .put("delb_c", a.delbC())
          .put("avfcp", a.avfcp())
          .put("nonce_c", a.nonceC())
          .put("kadf_c", a.kadfC())
          .put("vcelb_c", a.vcelbC())
          .put("dkad_c", a.dkadC())
          .put("eemc_c", a.eemcC())
          .put("rdmc_c", a.rdmcC())
          .put("earem", a.earem())
          .put("maximum_eedk_count", a.maximumEedkCount())
          .put("msdk_count", a.msdkCount())
          .put("maximum_eedk_size_bytes", a.maximumEedkSizeBytes()));
    }
    return Json.object().put("extdecc", c.extdecc()).put("cfg_p", c.cfgP()).put("algorithms", algorithms);
  }

  static void capabilities(PrintStream out, EncryptionCapabilities c) {
    TapeCommand.row(out, "external control", "EXTDECC " + c.extdecc() + ", CFG_P " + c.cfgP());
    for (AlgorithmDescriptor a : c.algorithms()) {
      TapeCommand.row(out, "algorithm " + a.algorithmIndex(), a.algorithmName() + ", key "
          + a.keyLengthBytes() + " bytes, u-kad up to " + a.maximumUkadLengthBytes() + (a.ukadFixed()
          ? " (fixed)" : "") + ", a-kad up to " + a.maximumAkadLengthBytes());
      TapeCommand.row(out, "", "encrypt " + capable(a.encryptC()) + ", decrypt " + capable(a.decryptC())
          + (a.avfmv() ? ", valid for the mounted volume" : ""));
      TapeCommand.row(out, "", "DKAD_C " + a.dkadC() + ", EEMC_C " + a.eemcC() + ", RDMC_C " + a.rdmcC()
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

  private static List<Object> kads(List<Kad> kads) {
    List<Object> out = Json.array();
    for (Kad k : kads) {
      out.add(Json.object().put("type", k.typeName()).put("authenticated", k.authenticated())
          .put("text", k.text()));
    }
    return out;
  }
}
