package srro.cli.tape;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import srro.cli.Json;
import srro.tape.AlgorithmDescriptor;
import srro.tape.EncryptionCapabilities;
import srro.tape.EncryptionStatus;
import srro.tape.Kad;
import srro.tape.NextBlockStatus;

/**
 * How tape pages look: text rows for people, JSON objects (snake_case keys, the spec's field names) for
 * scripts. Nothing here is ever secret: no page the drive returns carries the key.
 */
final class TapeView {
  private TapeView() {}

  /** The status page; {@code algorithm} is the capabilities page's descriptor of its algorithm, when read. */
  static Json.Obj status(EncryptionStatus s, Optional<AlgorithmDescriptor> algorithm) {
    return Json.object()
        .put("encryption_mode", s.encryptionModeText())
        .put("decryption_mode", s.decryptionModeText())
        .put("algorithm_index", s.algorithmIndex())
        .put("algorithm_name", algorithm.map(AlgorithmDescriptor::algorithmName).orElse(null))
        .put("key_instance_counter", s.keyInstanceCounter())
        .put("it_nexus_scope", s.itNexusScope())
        .put("it_nexus_scope_text", EncryptionStatus.scopeText(s.itNexusScope()))
        .put("key_scope", s.keyScope())
        .put("key_scope_text", EncryptionStatus.scopeText(s.keyScope()))
        .put("parameters_control", s.parametersControl())
        .put("parameters_control_text", s.parametersControlText())
        .put("vcelb", s.vcelb())
        .put("ceems", s.ceems())
        .put("ceems_text", s.ceemsText())
        .put("rdmd", s.rdmd())
        .put("raw_reads", s.rawReadsText())
        .put("rdmc_c", algorithm.map(AlgorithmDescriptor::rdmcC).orElse(null))
        .put("rdmc_c_text", algorithm.map(AlgorithmDescriptor::rdmcCText).orElse(null))
        .put("kad_format", s.kadFormat())
        .put("available_supplemental_decryption_keys", s.availableSupplementalDecryptionKeys())
        .put("kads", kads(s.kads()));
  }

  static Json.Obj status(EncryptionStatus s) {
    return status(s, Optional.empty());
  }

  /** The status page in rows, SSC-5 §8.5.2.7 field by field, named as stenc and the spec name them. */
  static void status(PrintStream out, EncryptionStatus s, Optional<AlgorithmDescriptor> algorithm) {
    TapeCommand.row(out, "encryption", s.encryptionModeText());
    TapeCommand.row(out, "decryption", s.decryptionModeText());
    TapeCommand.row(out, "algorithm index", s.algorithmIndex()
        + algorithm.map(a -> " (" + a.algorithmName() + ")").orElse(""));
    TapeCommand.row(out, "key instance counter", s.keyInstanceCounter());
    TapeCommand.row(out, "scope", "i_t nexus " + EncryptionStatus.scopeText(s.itNexusScope()) + ", key "
        + EncryptionStatus.scopeText(s.keyScope()));
    TapeCommand.row(out, "parameters control", s.parametersControlText());
    TapeCommand.row(out, "external mode check", s.ceemsText() + " (CEEMS " + s.ceems() + ")");
    TapeCommand.row(out, "encrypted blocks", s.vcelb() ? "volume has some (VCELB)" : "none reported");
    TapeCommand.row(out, "raw reads", s.rawReadsText() + " for blocks written from now on (RDMD "
        + (s.rdmd() ? 1 : 0) + ")" + algorithm.map(a -> "; RDMC_C " + a.rdmcC() + ": " + a.rdmcCText())
        .orElse(""));
    if (s.availableSupplementalDecryptionKeys() > 0) {
      TapeCommand.row(out, "supplemental keys", s.availableSupplementalDecryptionKeys() + " available");
    }
    for (Kad k : s.kads()) {
      TapeCommand.row(out, k.typeName(), k.text() + " (" + k.authenticatedText() + ")");
    }
  }

  static Json.Obj nextBlock(NextBlockStatus n, Optional<AlgorithmDescriptor> algorithm) {
    return Json.object()
        .put("logical_object_number", Json.unsigned(n.logicalObjectNumber()))
        .put("encryption_status", n.encryptionStatus())
        .put("encryption_status_text", n.encryptionStatusText())
        .put("compression_status", n.compressionStatus())
        .put("algorithm_index", n.algorithmIndex())
        .put("algorithm_name", algorithm.map(AlgorithmDescriptor::algorithmName).orElse(null))
        .put("emes", n.emes())
        .put("rdmds", n.rdmds())
        .put("kad_format", n.kadFormat())
        .put("kads", kads(n.kads()));
  }

  static void nextBlock(PrintStream out, NextBlockStatus n, Optional<AlgorithmDescriptor> algorithm) {
    TapeCommand.row(out, "next block", Long.toUnsignedString(n.logicalObjectNumber()) + ": "
        + n.encryptionStatusText() + ", algorithm index " + n.algorithmIndex()
        + algorithm.map(a -> " (" + a.algorithmName() + ")").orElse("") + ", compression status "
        + n.compressionStatus() + (n.rdmds() ? ", marked unreadable raw (RDMDS)" : ""));
    for (Kad k : n.kads()) {
      TapeCommand.row(out, "next block " + k.typeName(), k.text() + " (" + k.authenticatedText() + ")");
    }
  }

  static Json.Obj capabilities(EncryptionCapabilities c) {
    List<Object> algorithms = Json.array();
    for (AlgorithmDescriptor a : c.algorithms()) {
      algorithms.add(algorithm(a));
    }
    return Json.object().put("extdecc", c.extdecc()).put("cfg_p", c.cfgP()).put("algorithms", algorithms);
  }

  static Json.Obj algorithm(AlgorithmDescriptor a) {
    return Json.object()
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
        .put("rdmc_c_text", a.rdmcCText())
        .put("earem", a.earem())
        .put("maximum_eedk_count", a.maximumEedkCount())
        .put("msdk_count", a.msdkCount())
        .put("maximum_eedk_size_bytes", a.maximumEedkSizeBytes());
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
          .put("authenticated_text", k.authenticatedText()).put("text", k.text()));
    }
    return out;
  }
}
