package srro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's --json output, success and failure, against its schema under docs/schema/ and its golden
 * file (docs/json.md). Probe and tape, which need canned devices, are in ProbeJsonTest and TapeJsonTest.
 */
class JsonContractTest {
  static final Path MOUNTS = Path.of("../verifier/src/test/resources/srro/mounts/openbsd.mount");
  static final Path SCSI = Path.of("../verifier/src/test/resources/srro/scsi/golden");

  @TempDir Path tmp;

  private Map<String, String> volatiles() {
    return JsonContract.volatiles(tmp);
  }

  private Path fstab(String text) throws IOException {
    Path f = tmp.resolve("fstab");
    Files.writeString(f, text);
    return f;
  }

  private static JsonNode only(CliRun r) {
    List<JsonNode> docs = JsonContract.validate(r);
    assertEquals(1, docs.size(), "one document per run:\n" + r);
    return docs.get(0);
  }

  @Test
  void everySchemaFileIsDraft2020AndNamesItsOwnId() throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> s = Files.list(JsonContract.SCHEMAS)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) {
        String text = Files.readString(p);
        assertTrue(text.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""), p.toString());
        names.add(p.getFileName().toString());
      }
    }
    assertTrue(names.contains("srro-error.json"), names.toString());
  }

  @Test
  void checkOfACleanHostIsACheckDocument() throws IOException {
    Path f = fstab("/dev/sd0a / ffs rw 1 1\n/dev/sd1a /archive ffs ro,nodev 0 0\n");
    CliRun r = CliRun.of("check", "--json", "--fstab", f.toString(), "--mounts", MOUNTS.toString());
    assertEquals(0, r.status(), r.toString());
    JsonContract.assertGolden("check-clean", r, volatiles());
  }

  @Test
  void checkWithAnErrorSaysNoInTheSameSchema() throws IOException {
    Path f = fstab("/dev/sd0a / ffs rw 1 1\n/dev/sd1a /archive ffs ro,nodev 1 2\n");
    CliRun r = CliRun.of("check", "--json", "--fstab", f.toString(), "--mounts", MOUNTS.toString());
    assertEquals(1, r.status(), r.toString());
    JsonContract.assertGolden("check-error", r, volatiles());
  }

  @Test
  void checkFixReportsItsEdits() throws IOException {
    Path f = fstab("/dev/sd0a / ffs rw 1 1\n/dev/sd1a /archive ffs ro,nodev 1 2\n");
    CliRun r = CliRun.of("check", "--json", "--fix", "--fstab", f.toString(), "--mounts", MOUNTS.toString());
    assertEquals(0, r.status(), r.toString());
    JsonContract.assertGolden("check-fix", r, volatiles());
  }

  @Test
  void checkOfAMissingFstabIsAnErrorDocumentAndALineOnStderr() {
    CliRun r = CliRun.of("check", "--json", "--fstab", tmp.resolve("nope").toString());
    assertEquals(66, r.status(), r.toString());
    assertEquals("srro: " + tmp.resolve("nope") + ": no such file or directory\n", r.err());
    JsonContract.assertGolden("check-noinput", r, volatiles());
  }

  @Test
  void aUsageErrorUnderJsonIsAnErrorDocument() {
    CliRun r = CliRun.of("check", "--json", "--dialect", "plan9");
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.err().startsWith("srro: "), r.err());
    JsonNode e = only(r);
    assertEquals("usage", e.get("kind").asText());
    assertEquals(2, e.get("exit_status").asInt());
    assertEquals("srro check", e.get("srro_command").asText());
  }

  @Test
  void fstabHasItsOwnSchema() throws IOException {
    Path f = fstab("/dev/a /a ext4 ro 0 2\n");
    // --offline: /dev/a and /a exist on no machine, and the golden must not depend on this one.
    JsonContract.assertGolden("fstab-clean", CliRun.of("fstab", "--json", "--offline", f.toString()), volatiles());
    JsonContract.assertGolden("fstab-fix", CliRun.of("fstab", "--json", "--offline", "--fix", f.toString()),
        volatiles());
  }

  @Test
  void fstabOfADirectoryIsAnErrorDocument() {
    CliRun r = CliRun.of("fstab", "--json", tmp.resolve("missing").toString());
    assertEquals(66, r.status(), r.toString());
    JsonNode e = only(r);
    assertEquals("noinput", e.get("kind").asText());
    assertEquals(tmp.resolve("missing").toString(), e.get("input").asText());
  }

  @Test
  void everyGoldenScsiDecodeMatchesItsSchema() throws IOException {
    try (Stream<Path> s = Files.list(SCSI)) {
      for (Path hex : s.filter(p -> p.toString().endsWith(".hex")).sorted().toList()) {
        String n = hex.getFileName().toString();
        List<String> args = n.startsWith("mode6") ? List.of("decode", "mode", "--six")
            : n.startsWith("mode10") ? List.of("decode", "mode", "--ten")
            : n.startsWith("sense") ? List.of("decode", "sense")
            : n.startsWith("vpd") ? List.of("decode", "inquiry", "--vpd") : List.of("decode", "inquiry");
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of("--json", "--inhex", hex.toString()));
        if (n.contains("tape")) {
          all.addAll(n.startsWith("mode") ? List.of("--type", "tape") : List.of());
        } else if (n.contains("cdrom")) {
          all.addAll(List.of("--type", "cdrom"));
        }
        CliRun r = CliRun.of(all.toArray(String[]::new));
        if (r.status() == 0) {
          only(r);
        } else {
          assertEquals("srro-error/1", only(r).get("schema").asText(), r.toString());
        }
      }
    }
  }

  @Test
  void decodeDocumentsMatchTheirGoldenFiles() {
    JsonContract.assertGolden("decode-mode",
        CliRun.of("decode", "mode", "--six", "--json", "--inhex", SCSI.resolve("mode6-disk-wp.hex").toString()),
        volatiles());
    JsonContract.assertGolden("decode-sense",
        CliRun.of("decode", "sense", "--json", "--inhex", SCSI.resolve("sense-fixed-progress.hex").toString()),
        volatiles());
    JsonContract.assertGolden("decode-inquiry",
        CliRun.of("decode", "inquiry", "--json", "--inhex", SCSI.resolve("inquiry-qemu-disk.hex").toString()),
        volatiles());
    JsonContract.assertGolden("decode-vpd", CliRun.of("decode", "inquiry", "--vpd", "--json", "--inhex",
        SCSI.resolve("vpd-device-identification.hex").toString()), volatiles());
  }

  @Test
  void malformedHexIsAnErrorDocumentWithInputAndLine() throws IOException {
    Path bad = tmp.resolve("bad.hex");
    Files.writeString(bad, "00 01\n02 zz\n");
    CliRun r = CliRun.of("decode", "sense", "--json", "--inhex", bad.toString());
    assertEquals(65, r.status(), r.toString());
    JsonContract.assertGolden("decode-dataerr", r, volatiles());
    JsonNode e = only(r);
    assertEquals("dataerr", e.get("kind").asText());
    assertEquals(bad.toString(), e.get("input").asText());
  }

  @Test
  void truncatedSenseIsAnErrorDocumentWithAnOffset() throws IOException {
    Path bad = tmp.resolve("short.bin");
    Files.write(bad, new byte[] {0x70, 0});
    CliRun r = CliRun.of("decode", "sense", "--json", "--raw", "--inhex", bad.toString());
    assertEquals(65, r.status(), r.toString());
    JsonNode e = only(r);
    assertEquals("srro-error/1", e.get("schema").asText());
    assertTrue(e.get("line").isNull(), e.toString());
  }

  private String p(String name) {
    return tmp.resolve(name).toString();
  }

  @Test
  void signifySaysVerifiedOnlyWhenEverythingVerified() throws IOException {
    assertEquals(0, CliRun.of("signify", "-G", "-n", "-p", p("k.pub"), "-s", p("k.sec")).status());
    assertEquals(0, CliRun.of("signify", "-G", "-n", "-p", p("o.pub"), "-s", p("o.sec")).status());
    Files.writeString(tmp.resolve("m"), "message\n");
    assertEquals(0, CliRun.of("signify", "-S", "-s", p("k.sec"), "-m", p("m")).status());
    CliRun verified = CliRun.of("signify", "-V", "--json", "-p", p("k.pub"), "-m", p("m"));
    Map<String, String> volatiles = new java.util.LinkedHashMap<>(volatiles());
    volatiles.put(only(verified).get("keynum").asText(), "$KEYNUM"); // a new key each run
    JsonContract.assertGolden("signify-verified", verified, volatiles);
    CliRun wrong = CliRun.of("signify", "-V", "--json", "-p", p("o.pub"), "-m", p("m"));
    assertEquals(1, wrong.status(), wrong.toString());
    JsonContract.assertGolden("signify-wrong-key", wrong, volatiles);

    Files.writeString(tmp.resolve("a"), "a\n");
    CliRun sums = CliRun.withInput(("SHA256 (" + p("a") + ") = "
        + "87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7\n").getBytes(), Map.of(),
        "signify", "-S", "-e", "-s", p("k.sec"), "-m", "-", "-x", p("SHA256.sig"));
    assertEquals(0, sums.status(), sums.toString());
    JsonContract.assertGolden("signify-check",
        CliRun.of("signify", "-C", "--json", "-p", p("k.pub"), "-x", p("SHA256.sig")), volatiles);
    Files.writeString(tmp.resolve("a"), "changed\n");
    CliRun failed = CliRun.of("signify", "-C", "--json", "-p", p("k.pub"), "-x", p("SHA256.sig"));
    assertEquals(1, failed.status(), failed.toString());
    JsonNode d = only(failed);
    assertEquals("srro-signify/1", d.get("schema").asText());
    assertEquals("verified", d.get("signature").asText());
    assertEquals("checksum_failed", d.get("result").asText(), "not 'verified' beside verified:false");
    assertEquals(false, d.get("verified").asBoolean());
    JsonContract.assertGolden("signify-checksum-failed", failed, volatiles);
  }

  @Test
  void signifyOfAMalformedKeyIsAnErrorDocumentWithAnOffset() throws IOException {
    Files.writeString(tmp.resolve("bad.pub"), "untrusted comment: x\nRWQ=\n");
    Files.writeString(tmp.resolve("m"), "message\n");
    Files.writeString(tmp.resolve("m.sig"), "untrusted comment: x\nRWQ=\n");
    CliRun r = CliRun.of("signify", "-V", "--json", "-p", p("bad.pub"), "-m", p("m"));
    assertEquals(65, r.status(), r.toString());
    assertEquals("dataerr", only(r).get("kind").asText());
    JsonContract.assertGolden("signify-dataerr", r, volatiles());
  }

  private static final String DIFF =
      "Erratum 001: fix the thing.\n\nIndex: sys/a.c\n--- sys/a.c\t1 Jan 2025\n+++ sys/a.c\t2 Jan 2025\n"
          + "@@ -1,3 +1,3 @@\n line 1\n-line 2\n+LINE 2\n line 3\n";

  @Test
  void patchSaysAppliedAfterApplyingAndAppliesBefore() throws IOException {
    Path tree = Files.createDirectories(tmp.resolve("src/sys")).getParent();
    Files.writeString(tree.resolve("sys/a.c"), "line 1\nline 2\nline 3\n");
    Path diff = tmp.resolve("001.patch");
    Files.writeString(diff, DIFF);
    JsonContract.assertGolden("patch-status",
        CliRun.of("patch", "status", "--json", "-d", tree.toString(), diff.toString()), volatiles());
    JsonContract.assertGolden("patch-dry-run",
        CliRun.of("patch", "apply", "--dry-run", "--json", "-d", tree.toString(), diff.toString()), volatiles());
    CliRun applied = CliRun.of("patch", "apply", "--json", "-d", tree.toString(), diff.toString());
    assertEquals(0, applied.status(), applied.toString());
    assertEquals("applied", only(applied).get("result").asText());
    JsonContract.assertGolden("patch-applied", applied, volatiles());
    JsonContract.assertGolden("patch-already-applied",
        CliRun.of("patch", "status", "--json", "-d", tree.toString(), diff.toString()), volatiles());
    JsonContract.assertGolden("patch-recover",
        CliRun.of("patch", "recover", "--json", "-d", tree.toString()), volatiles());
    JsonContract.assertGolden("patch-rollback",
        CliRun.of("patch", "rollback", "--json", "-d", tree.toString()), volatiles());
    Files.writeString(tree.resolve("sys/a.c"), "other\n");
    CliRun conflict = CliRun.of("patch", "apply", "--json", "-d", tree.toString(), diff.toString());
    assertEquals(1, conflict.status(), conflict.toString());
    JsonContract.assertGolden("patch-conflict", conflict, volatiles());
  }

  @Test
  void anUnsignedDiffGivenWithAKeyIsARefusalDocument() throws IOException {
    Path tree = Files.createDirectories(tmp.resolve("src"));
    Path diff = tmp.resolve("001.patch");
    Files.writeString(diff, DIFF);
    Files.writeString(tmp.resolve("k.pub"), "untrusted comment: x\n");
    CliRun r = CliRun.of("patch", "apply", "--json", "-k", p("k.pub"), "-d", tree.toString(), diff.toString());
    assertEquals(1, r.status(), r.toString());
    assertEquals("no", only(r).get("kind").asText());
    JsonContract.assertGolden("patch-unsigned", r, volatiles());
  }

  @Test
  void aMalformedDiffIsAnErrorDocumentWithItsLine() throws IOException {
    Path tree = Files.createDirectories(tmp.resolve("src"));
    Path diff = tmp.resolve("bad.patch");
    Files.writeString(diff, "--- a\n+++ a\n@@ -1,3 +1,3 @@\n line 1\n");
    CliRun r = CliRun.of("patch", "status", "--json", "-d", tree.toString(), diff.toString());
    assertEquals(65, r.status(), r.toString());
    JsonNode e = only(r);
    assertEquals("dataerr", e.get("kind").asText());
    assertTrue(e.get("line").isInt(), e.toString());
    JsonContract.assertGolden("patch-dataerr", r, volatiles());
  }
}
