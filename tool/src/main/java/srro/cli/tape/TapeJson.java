package srro.cli.tape;

import java.util.List;
import java.util.Optional;
import srro.cli.Json;
import srro.tape.AlgorithmDescriptor;
import srro.tape.EncryptionCapabilities;
import srro.tape.EncryptionStatus;
import srro.tape.Kad;
import srro.tape.NextBlockStatus;
import srro.tape.RawDecryptionControl;

/**
 * How tape pages look to scripts: JSON objects with snake_case keys, the spec's field names (docs/schema/
 * srro-tape-*.json). Nothing here is ever secret: no page the drive returns carries the key. {@link TapeText} is
 * the same for people.
 */
final class TapeJson {
  private TapeJson() {}

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

  /** What was asked; {@code raw} is null when the result does not carry it (a mismatch names it instead). */
  static Json.Obj asked(String encryption, String decryption, int algorithmIndex, RawDecryptionControl raw) {
    Json.Obj o = Json.object().put("encryption_mode", encryption).put("decryption_mode", decryption)
        .put("algorithm_index", algorithmIndex);
    return o.put("raw_reads", raw == null ? null : raw == RawDecryptionControl.DEFAULT ? "default" : raw.label);
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
