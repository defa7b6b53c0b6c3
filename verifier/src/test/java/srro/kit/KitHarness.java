package srro.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import srro.scsi.DeviceType;
import srro.scsi.ModePage;
import srro.scsi.ModeParameters;
import srro.testing.Peer;
import srro.testing.ReferenceTrees.KitTree;
import srro.testing.ReferenceTrees;

/**
 * patches/harness/run for one kit, once per test run: the patched functions executed on the host, each harness
 * printing facts one per line ({@code kind key=value ...}) that the harness tests judge. The MODE SENSE(6)
 * replies scsi(8)'s display is fed come from the project's real-device captures ({@code *.replies} under the
 * test resources of either module: QEMU and scsi_debug under Linux), written as {@code NAME-pPP.hex} files.
 */
final class KitHarness {
  /** A reply handed to the scsi(8) harness, as the answer to {@code scsi -m page}. */
  record Reply(String name, int page, byte[] bytes) {}

  /** What one kit's harnesses printed. */
  record Result(Path out, List<Reply> replies) {
    List<String> lines(String harness) {
      try {
        return Files.readAllLines(out.resolve(harness + ".out"), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String scsiMode(Reply r, char mode) {
      try {
        return Files.readString(out.resolve("scsi_mode")
            .resolve(String.format("%s-p%02x.%c.out", r.name(), r.page(), mode)), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String patched(String file) {
      try {
        return Files.readString(out.resolve("patched").resolve(file), StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final Map<String, Result> RESULTS = new ConcurrentHashMap<>();

  private KitHarness() {}

  /** Builds and runs the harnesses of {@code k} (once; later calls get the same result). */
  static synchronized Result of(KitTree k) throws Exception {
    Result cached = RESULTS.get(k.kit());
    if (cached != null) {
      return cached;
    }
    Path tree = ReferenceTrees.tree(k);
    List<Reply> replies = replies();
    Peer.require("patch", "patch");
    if (Peer.find("cc").isEmpty() && Peer.find("gcc").isEmpty() && Peer.find("clang").isEmpty()) {
      Peer.missing("a C compiler (Debian package gcc or clang)");
    }
    Path out = Files.createTempDirectory("kit-harness-" + k.kit() + "-");
    out.toFile().deleteOnExit();
    Files.createDirectories(out.resolve("replies"));
    for (Reply r : replies) {
      Files.writeString(out.resolve("replies").resolve(String.format("%s-p%02x.hex", r.name(), r.page())),
          HexFormat.of().formatHex(r.bytes()) + "\n");
    }
    List<String> cmd = List.of(Peer.require("bash", "bash").toString(),
        ReferenceTrees.repo().resolve("patches/harness/run").toString(), tree.toString(),
        ReferenceTrees.kit(k).toString(), out.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "harness did not finish");
    assertEquals(0, p.exitValue(), "patches/harness/run " + k.kit() + ":\n" + log);
    Result r = new Result(out, List.copyOf(replies));
    RESULTS.put(k.kit(), r);
    return r;
  }

  /** {@code kind a=1 b=2}: the values by key, in order; a value runs to the next " key=" or the end. */
  static Map<String, String> fields(String line) {
    Map<String, String> m = new LinkedHashMap<>();
    String[] words = line.split(" (?=[a-z_]+=)");
    m.put("", words[0]);
    for (int i = 1; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      m.put(words[i].substring(0, eq), words[i].substring(eq + 1));
    }
    return m;
  }

  /** Every GOOD MODE SENSE(6) reply in the project's capture files, by capture name. */
  static Map<String, byte[]> capturedModeSense6() throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    for (String module : List.of("verifier", "tool")) {
      Path resources = ReferenceTrees.repo().resolve(module).resolve("src/test/resources");
      if (Files.isDirectory(resources)) {
        try (Stream<Path> s = Files.walk(resources)) {
          s.filter(p -> p.getFileName().toString().endsWith(".replies")).sorted().forEach(files::add);
        }
      }
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no *.replies capture under verifier/ or tool/src/test/resources");
    }
    for (Path f : files) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!line.startsWith("MODE_SENSE(6)_page_0x3f ")) {
          continue;
        }
        Map<String, String> kv = fields(line);
        if (kv.get("scsi").equals("0") && kv.get("host").equals("0") && kv.get("errno").equals("0")) {
          String name = f.getFileName().toString().replace(".replies", "");
          out.put(name, HexFormat.of().parseHex(kv.get("data")));
        }
      }
    }
    return out;
  }

  /**
   * The replies scsi(8)'s harness is fed: softraid's own header-only answers to page 0; each capture as the answer to {@code -m 0x3f}; each of its pages
   * (without subpage format, which scsi(8) does not know) alone behind the same header and block descriptors, as
   * the answer to {@code -m PAGE}; and, as {@code NAME-cut}, its first page of 4 or more bytes cut after 2 of
   * them, as a device that answers with less than the page would.
   */
  static List<Reply> replies() throws Exception {
    List<Reply> out = new ArrayList<>();
    // What the kit's softraid answers to "scsi -m 0" (see ModeSenseHarnessTest): a header and nothing else.
    out.add(new Reply("softraid-readonly", 0x00, new byte[] {3, 0, (byte) 0x80, 0}));
    out.add(new Reply("softraid-writable", 0x00, new byte[] {3, 0, 0, 0}));
    for (Map.Entry<String, byte[]> e : capturedModeSense6().entrySet()) {
      byte[] data = e.getValue();
      out.add(new Reply(e.getKey(), 0x3f, java.util.Arrays.copyOf(data, Math.min(data.length, 255))));
      ModeParameters m = ModeParameters.parse(e.getKey(), data, ModeParameters.Format.SIX, Optional.of(DeviceType.DISK));
      int bdl = m.blockDescriptorLength();
      boolean cut = false;
      for (ModePage p : m.pages()) {
        if (p.subpageFormat() || p.truncated()) {
          continue;
        }
        out.add(new Reply(e.getKey(), p.pageCode(), single(data, bdl, p.bytes(), p.bytes().length)));
        if (!cut && p.pageLength() >= 4) {
          out.add(new Reply(e.getKey() + "-cut", p.pageCode(), single(data, bdl, p.bytes(), 4)));
          cut = true;
        }
      }
    }
    return out;
  }

  /** Header and block descriptors of {@code data}, then {@code n} bytes of {@code page}; mode data length to match. */
  private static byte[] single(byte[] data, int bdl, byte[] page, int n) {
    byte[] b = new byte[4 + bdl + n];
    System.arraycopy(data, 0, b, 0, 4 + bdl);
    System.arraycopy(page, 0, b, 4 + bdl, n);
    b[0] = (byte) (b.length - 1);
    return b;
  }
}
