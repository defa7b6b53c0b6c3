package srro.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import srro.cli.CliRun;
import srro.cli.Io;
import srro.os.FakeOpenBsd;
import srro.os.FakeOpenBsd.ModeSense;
import srro.os.Host;
import srro.testing.Peer;

/**
 * srro check --prometheus, read back by the real Prometheus text parser (Debian's python3-prometheus-client,
 * importable from /usr/bin/python3): the samples, label escaping, the atomic file and the refused symlink.
 */
class CheckMetricsTest {
  static final Path MOUNTS = Path.of("../verifier/src/test/resources/srro/mounts/openbsd.mount");
  static final String PYTHON = "/usr/bin/python3";
  static final String PARSER = String.join("\n",
      "import sys",
      "from prometheus_client.parser import text_string_to_metric_families",
      "for fam in text_string_to_metric_families(sys.stdin.read()):",
      "    for s in fam.samples:",
      "        labels = ','.join('%s=%s' % kv for kv in sorted(s.labels.items()))",
      "        print('%s %s{%s} %g' % (fam.type, s.name, labels, s.value))");

  @TempDir Path tmp;

  /** Every sample as "type name{k=v,...} value", one per line, as prometheus_client parsed {@code text}. */
  private static List<String> parse(String text) throws Exception {
    Path python = Path.of(PYTHON);
    if (!Files.isExecutable(python)) {
      Peer.missing(PYTHON + " (Debian package python3)");
    }
    Process probe = new ProcessBuilder(PYTHON, "-c", "import prometheus_client").redirectErrorStream(true).start();
    probe.getInputStream().readAllBytes();
    if (probe.waitFor() != 0) {
      Peer.missing("prometheus_client for " + PYTHON + " (Debian package python3-prometheus-client)");
    }
    Process p = new ProcessBuilder(PYTHON, "-c", PARSER).start();
    try (var in = p.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "the Prometheus parser rejects the metrics: " + err + "\n" + text);
    return out.lines().toList();
  }

  private Path fstab(String text) throws Exception {
    Path f = tmp.resolve("fstab");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void writesErrorsWarningsAndEachFindingByRuleAndMountPoint() throws Exception {
    Path f = fstab("/dev/sd0a / ffs rw 1 1\n/dev/sd1a /archive ffs ro,nodev 1 2\n");
    Path prom = tmp.resolve("srro.prom");
    CliRun r = CliRun.of("check", "--fstab", f.toString(), "--mounts", MOUNTS.toString(), "--prometheus",
        prom.toString());
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.out().contains("[E] /archive"), "the text report still goes to stdout: " + r);
    List<String> samples = parse(Files.readString(prom));
    assertTrue(samples.contains("gauge srro_check_ok{} 0"), samples.toString());
    assertTrue(samples.contains("gauge srro_check_errors{} 1"), samples.toString());
    assertTrue(samples.contains("gauge srro_check_warnings{} 0"), samples.toString());
    assertTrue(samples.contains("gauge srro_check_findings{mountpoint=/archive,rule=ro-passno,severity=error} 1"),
        samples.toString());
    assertTrue(samples.contains("gauge srro_check_skipped{check=volumes} 1"), samples.toString());
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(prom)), "node_exporter runs as another user");
  }

  @Test
  void eachVolumesReadOnlyStateIsASample() throws Exception {
    FakeOpenBsd m = new FakeOpenBsd().disknames("sd0:3eb7f9da875cb9ee,sd1:,sd2:0123456789abcdef,cd0:")
        .crypto("sd2", "sd1a").disk("sd0", ModeSense.WRITABLE).disk("sd1", ModeSense.WRITE_PROTECTED)
        .disk("sd2", ModeSense.WRITE_PROTECTED).mount("/dev/sd0a", "/", "ffs", false)
        .mount("/dev/sd2a", "/secure", "ffs", true);
    Path f = fstab("3eb7f9da875cb9ee.a / ffs rw 1 1\n0123456789abcdef.a /secure ffs ro 1 0\n");
    Host host = new Host.OpenBsd(m::volumes, m::mounts, (path, access) -> m.open(path));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      Io io = new Io(new ByteArrayInputStream(new byte[0]), o, o, Map.of());
      status = new CommandLine(new CheckCommand(io, host)).execute("--fstab", f.toString(), "--prometheus");
    }
    String text = out.toString(StandardCharsets.UTF_8);
    // this machine's own name lookups (findmnt's rules) may add findings; the volumes are the point here
    assertTrue(status == 0 || status == 1, text);
    List<String> samples = parse(text);
    assertTrue(samples.contains("gauge srro_volume_read_only{device=/dev/sd2,evidence=mode_sense_wp} 1"),
        samples.toString());
    assertTrue(samples.contains("gauge srro_volume_read_only{device=/dev/sd0,evidence=mode_sense_wp} 0"),
        samples.toString());
    assertTrue(samples.contains("gauge srro_volume_read_only_known{device=/dev/cd0,evidence=none} 0"),
        samples.toString());
  }

  @Test
  void labelValuesAreEscapedAsTheFormatSays() throws Exception {
    Path f = fstab("/dev/sd1a /ar\"ch\\ive ffs ro 1 2\n");
    CliRun r = CliRun.of("check", "--fstab", f.toString(), "--mounts", MOUNTS.toString(), "--prometheus");
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.out().contains("mountpoint=\"/ar\\\"ch\\\\ive\""), r.out());
    assertTrue(parse(r.out()).stream().anyMatch(s -> s.contains("mountpoint=/ar\"ch\\ive,rule=ro-passno")),
        r.out());
  }

  @Test
  void theFileIsReplacedWholeAndNoTemporaryIsLeft() throws Exception {
    Path f = fstab("/dev/sd0a / ffs rw 1 1\n");
    Path prom = tmp.resolve("srro.prom");
    Files.writeString(prom, "old\n");
    CliRun r = CliRun.of("check", "--fstab", f.toString(), "--mounts", MOUNTS.toString(), "--json",
        "--prometheus", prom.toString());
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().startsWith("{\"schema\":\"srro-check/2\""), "--json still prints the document: " + r);
    assertTrue(parse(Files.readString(prom)).contains("gauge srro_check_ok{} 1"));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of("fstab", "srro.prom"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aSymlinkAtTheOutputPathIsRefusedAndItsTargetKept() throws Exception {
    Path f = fstab("/dev/sd0a / ffs rw 1 1\n");
    Path target = Files.writeString(tmp.resolve("elsewhere"), "keep\n");
    Path link = Files.createSymbolicLink(tmp.resolve("srro.prom"), target);
    CliRun r = CliRun.of("check", "--fstab", f.toString(), "--mounts", MOUNTS.toString(), "--prometheus",
        link.toString());
    assertEquals(74, r.status(), r.toString());
    assertEquals("srro: can't open " + link + " for writing: is a symbolic link; not followed or replaced\n",
        r.err());
    assertEquals("keep\n", Files.readString(target));
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void aDirectoryAtTheOutputPathIsRefused() throws Exception {
    Path f = fstab("/dev/sd0a / ffs rw 1 1\n");
    Path dir = Files.createDirectory(tmp.resolve("srro.prom"));
    CliRun r = CliRun.of("check", "--fstab", f.toString(), "--mounts", MOUNTS.toString(), "--prometheus",
        dir.toString());
    assertEquals(74, r.status(), r.toString());
    assertEquals("srro: can't open " + dir + " for writing: is a directory\n", r.err());
  }

  @Test
  void metricsAndJsonCannotBothGoToStandardOutput() {
    CliRun r = CliRun.of("check", "--json", "--prometheus");
    assertEquals(2, r.status(), r.toString());
    assertTrue(r.err().startsWith("srro: --prometheus without FILE prints to standard output, and so does --json"),
        r.err());
    assertFalse(r.out().isEmpty(), "under --json the usage error is a document too");
  }
}
