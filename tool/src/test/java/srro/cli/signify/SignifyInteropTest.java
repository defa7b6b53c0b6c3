package srro.cli.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;
import srro.testing.Peer;

/**
 * Both directions with Debian's signify-openbsd: keys, signatures, -e, -C and -z made by one are accepted by
 * the other, and srro's signatures and signed archives are byte-identical to signify's. Passphrases reach
 * signify-openbsd on standard input, which its readpassphrase(3) reads when stdin is not a terminal.
 */
class SignifyInteropTest {
  @TempDir Path dir;
  private Path signify;

  record Run(int status, String out, String err) {}

  @BeforeEach
  void peer() {
    signify = Peer.require("signify-openbsd", "signify-openbsd");
  }

  private Run peerIn(String stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(signify.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out, err);
  }

  private Run peer(String... args) throws IOException, InterruptedException {
    return peerIn("", args);
  }

  private static CliRun srroIn(String stdin, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "signify";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.withInput(stdin.getBytes(StandardCharsets.UTF_8), Map.of(), all);
  }

  private static CliRun srro(String... args) {
    return srroIn("", args);
  }

  private String p(String name) {
    return dir.resolve(name).toString();
  }

  private byte[] read(String name) throws IOException {
    return Files.readAllBytes(dir.resolve(name));
  }

  private void message(String name, int size) throws IOException {
    byte[] b = new byte[size];
    new java.util.Random(size).nextBytes(b);
    Files.write(dir.resolve(name), b);
  }

  private static void ok(Run r) {
    assertEquals(0, r.status(), () -> "signify-openbsd: " + r);
  }

  private static void ok(CliRun r) {
    assertEquals(0, r.status(), r::toString);
  }

  @Test
  void keysFromSignifyVerifyAndSignInSrroByteForByte() throws Exception {
    ok(peer("-G", "-n", "-p", "a.pub", "-s", "a.sec", "-c", "made by signify"));
    message("m", 10_000);
    ok(peer("-S", "-s", "a.sec", "-m", "m", "-x", "peer.sig"));
    ok(srro("-V", "-p", p("a.pub"), "-m", p("m"), "-x", p("peer.sig")));
    ok(srro("-S", "-s", p("a.sec"), "-m", p("m"), "-x", p("srro.sig")));
    assertArrayEquals(read("peer.sig"), read("srro.sig"));
  }

  /**
   * Streaming -S (two passes over the held file, srro's constant-time Ed25519) against signify-openbsd on
   * sizes around SHA-512's 128-byte block and srro's 64 KiB buffer: the same signature, byte for byte, and
   * each program verifies the other's.
   */
  @Test
  void streamingSignaturesAreSignifysByteForByteAtEverySize() throws Exception {
    ok(peer("-G", "-n", "-p", "s.pub", "-s", "s.sec", "-c", "stream"));
    for (int size : new int[] {0, 1, 63, 64, 65, 127, 128, 129, 65535, 65536, 65537, (1 << 20) + 3}) {
      message("m" + size, size);
      ok(srro("-S", "-s", p("s.sec"), "-m", p("m" + size), "-x", p("srro" + size + ".sig")));
      ok(peer("-S", "-s", "s.sec", "-m", "m" + size, "-x", "peer" + size + ".sig"));
      assertArrayEquals(read("peer" + size + ".sig"), read("srro" + size + ".sig"), "size " + size);
      ok(peer("-V", "-p", "s.pub", "-m", "m" + size, "-x", "srro" + size + ".sig"));
    }
    CliRun piped = srroIn(Files.readString(dir.resolve("m0")), "-S", "-s", p("s.sec"), "-m", "-", "-x", p("in.sig"));
    ok(piped);
    assertArrayEquals(read("peer0.sig"), read("in.sig"));
  }

  @Test
  void keysFromSrroVerifyAndSignInSignify() throws Exception {
    ok(srro("-G", "-n", "-p", p("b.pub"), "-s", p("b.sec"), "-c", "made by srro"));
    message("m", 777);
    ok(srro("-S", "-s", p("b.sec"), "-m", p("m"), "-x", p("srro.sig")));
    Run v = peer("-V", "-p", "b.pub", "-m", "m", "-x", "srro.sig");
    ok(v);
    assertEquals("Signature Verified\n", v.out());
    ok(peer("-S", "-s", "b.sec", "-m", "m", "-x", "peer.sig"));
    assertArrayEquals(read("srro.sig"), read("peer.sig"));
  }

  @Test
  void passphraseKeysWorkBothWays() throws Exception {
    Files.writeString(dir.resolve("pass"), "open sesame\n");
    message("m", 100);
    ok(peerIn("open sesame\n", "-G", "-p", "c.pub", "-s", "c.sec"));
    ok(peerIn("open sesame\n", "-S", "-s", "c.sec", "-m", "m", "-x", "peer.sig"));
    ok(srro("-S", "--passphrase-file", p("pass"), "-s", p("c.sec"), "-m", p("m"), "-x", p("srro.sig")));
    assertArrayEquals(read("peer.sig"), read("srro.sig"));
    CliRun wrong = srroIn("not it\n", "-S", "-s", p("c.sec"), "-m", p("m"), "-x", p("x.sig"));
    assertEquals(1, wrong.status());
    assertEquals("srro: incorrect passphrase\n", wrong.err());

    ok(srroIn("open sesame\n", "-G", "-p", p("d.pub"), "-s", p("d.sec")));
    ok(peerIn("open sesame\n", "-S", "-s", "d.sec", "-m", "m", "-x", "peer2.sig"));
    ok(srro("-V", "-p", p("d.pub"), "-m", p("m"), "-x", p("peer2.sig")));
    Run bad = peerIn("wrong\n", "-S", "-s", "d.sec", "-m", "m", "-x", "peer3.sig");
    assertEquals(1, bad.status());
    assertTrue(bad.err().contains("incorrect passphrase"), bad::toString);
  }

  @Test
  void embeddedSignaturesRoundTripBothWays() throws Exception {
    ok(peer("-G", "-n", "-p", "e.pub", "-s", "e.sec"));
    message("m", 5000);
    ok(peer("-S", "-e", "-s", "e.sec", "-m", "m", "-x", "peer.esig"));
    ok(srro("-S", "-e", "-s", p("e.sec"), "-m", p("m"), "-x", p("srro.esig")));
    assertArrayEquals(read("peer.esig"), read("srro.esig"));
    CliRun out = srro("-V", "-e", "-p", p("e.pub"), "-x", p("peer.esig"), "-m", "-");
    ok(out);
    assertArrayEquals(read("m"), out.outBytes());
    ok(peer("-V", "-e", "-p", "e.pub", "-x", "srro.esig", "-m", "back"));
    assertArrayEquals(read("m"), read("back"));
  }

  private String checksumList(String... files) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String f : files) {
      byte[] d = Files.readAllBytes(dir.resolve(f));
      sb.append("SHA256 (").append(p(f)).append(") = ")
          .append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(d))).append('\n');
      sb.append("SHA512 (").append(p(f)).append(") = ")
          .append(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(d))).append('\n');
    }
    return sb.toString();
  }

  @Test
  void checksumListsAgreeBothWays() throws Exception {
    ok(peer("-G", "-n", "-p", "f.pub", "-s", "f.sec"));
    message("x", 3000);
    message("y", 4000);
    Files.writeString(dir.resolve("SHA256"), checksumList("x", "y"));
    ok(peer("-S", "-e", "-s", "f.sec", "-m", "SHA256", "-x", "SHA256.sig"));
    Run peerOk = peer("-C", "-p", "f.pub", "-x", "SHA256.sig");
    CliRun srroOk = srro("-C", "-p", p("f.pub"), "-x", p("SHA256.sig"));
    ok(peerOk);
    ok(srroOk);
    assertEquals(peerOk.out(), srroOk.out());

    ok(srro("-S", "-e", "-s", p("f.sec"), "-m", p("SHA256"), "-x", p("SHA256.srro")));
    ok(peer("-C", "-p", "f.pub", "-x", "SHA256.srro"));

    message("y", 4001);
    Run peerFail = peer("-C", "-p", "f.pub", "-x", "SHA256.sig");
    CliRun srroFail = srro("-C", "-p", p("f.pub"), "-x", p("SHA256.sig"));
    assertEquals(1, peerFail.status());
    assertEquals(1, srroFail.status());
    assertEquals(peerFail.out(), srroFail.out());
    assertEquals(p("y") + ": FAIL\n", srroFail.err());
    assertTrue(peerFail.err().contains(p("y") + ": FAIL"), peerFail::toString);
  }

  private void gzip(String name, int size) throws IOException {
    byte[] b = new byte[size];
    new java.util.Random(size).nextBytes(b);
    try (GZIPOutputStream z = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))) {
      z.write(b);
    }
  }

  @Test
  void gzipSignaturesAreIdenticalAndVerifyBothWays() throws Exception {
    ok(peer("-G", "-n", "-p", "g.pub", "-s", "g.sec"));
    gzip("a.tgz", 300_000);
    ok(peer("-S", "-z", "-n", "-s", "g.sec", "-m", "a.tgz", "-x", "peer.tgz"));
    ok(srro("-S", "-z", "-n", "-s", p("g.sec"), "-m", p("a.tgz"), "-x", p("srro.tgz")));
    ok(srro("-V", "-z", "-p", p("g.pub"), "-x", p("peer.tgz"), "-m", p("srro-out.tgz")));
    ok(peer("-V", "-z", "-p", "g.pub", "-x", "peer.tgz", "-m", "peer-out.tgz"));
    assertArrayEquals(read("peer-out.tgz"), read("srro-out.tgz"));
    ok(peer("-V", "-z", "-p", "g.pub", "-x", "srro.tgz", "-m", "peer-out2.tgz"));
    byte[] in = read("a.tgz");
    byte[] out = read("peer-out2.tgz");
    assertArrayEquals(
        java.util.Arrays.copyOfRange(in, 10, in.length),
        java.util.Arrays.copyOfRange(out, out.length - (in.length - 10), out.length));
  }

  @Test
  void gzipSignaturesAreByteIdenticalForTheSameKeyName() throws Exception {
    // signify writes key=<seckey as given>; signing with the same absolute name makes the files equal.
    ok(peer("-G", "-n", "-p", "h.pub", "-s", "h.sec"));
    gzip("b.tgz", 70_000);
    ok(peer("-S", "-z", "-n", "-s", p("h.sec"), "-m", "b.tgz", "-x", "peer.tgz"));
    ok(srro("-S", "-z", "-n", "-s", p("h.sec"), "-m", p("b.tgz"), "-x", p("srro.tgz")));
    assertArrayEquals(read("peer.tgz"), read("srro.tgz"));
  }

  @Test
  void malformedFilesGetSignifysMessages() throws Exception {
    ok(peer("-G", "-n", "-p", "k.pub", "-s", "k.sec"));
    message("m", 10);
    ok(peer("-S", "-s", "k.sec", "-m", "m"));
    String good = Files.readString(dir.resolve("m.sig"));
    String[] variants = {
      "",
      good.replace("untrusted comment", "trusted comment"),
      good.substring(0, good.length() - 1),
      good.substring(0, good.length() - 10) + "\n",
      good.replace("\nRW", "\nRX"),
      "untrusted comment: " + "c".repeat(1100) + good.substring(good.indexOf('\n')),
    };
    for (String v : variants) {
      Files.writeString(dir.resolve("m.sig"), v);
      Run peerRun = peer("-V", "-p", "k.pub", "-m", "m");
      CliRun srroRun = srro("-V", "-p", p("k.pub"), "-m", p("m"), "-x", p("m.sig"));
      assertEquals(1, peerRun.status(), peerRun::toString);
      assertEquals(65, srroRun.status(), srroRun::toString);
      String peerMessage = peerRun.err().trim().replaceFirst("^signify-openbsd: ", "").replace("m.sig", p("m.sig"));
      assertTrue(srroRun.err().trim().endsWith(peerMessage), () -> "peer: " + peerRun + "\nsrro: " + srroRun);
    }
  }
}
