package srro.cli.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.cli.CliRun;

/** srro signify in-process: usage, messages, exit statuses, and the -e -m - rule, without the peer. */
class SignifyCommandTest {
  @TempDir Path dir;
  private String pub;
  private String sec;
  private String msg;
  private String sig;

  private String p(String name) {
    return dir.resolve(name).toString();
  }

  private static CliRun srro(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "signify";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.of(all);
  }

  private static CliRun srroWith(byte[] stdin, Map<String, String> env, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "signify";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.withInput(stdin, env, all);
  }

  @BeforeEach
  void keysAndASignature() throws IOException {
    pub = p("k.pub");
    sec = p("k.sec");
    msg = p("m");
    sig = p("m.sig");
    assertEquals(0, srro("-G", "-n", "-p", pub, "-s", sec).status());
    Files.writeString(Path.of(msg), "hello\n");
    assertEquals(0, srro("-S", "-s", sec, "-m", msg).status());
  }

  private static void assertOneLine(CliRun r, int status, String message) {
    assertEquals(status, r.status(), r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
    assertTrue(r.err().startsWith("srro: ") && r.err().contains(message), r::toString);
    assertFalse(r.err().contains("\tat "), r::toString);
  }

  @Test
  void verifiesASignatureAndSaysSoOnStdout() {
    CliRun r = srro("-V", "-p", pub, "-m", msg);
    assertEquals(0, r.status(), r::toString);
    assertEquals("Signature Verified\n", r.out());
    assertEquals("", srro("-V", "-q", "-p", pub, "-m", msg).out());
  }

  @Test
  void writesKeysAndSignaturesInSignifysForm() throws IOException {
    assertTrue(Files.readString(Path.of(pub)).matches("untrusted comment: signify public key\n[A-Za-z0-9+/]{56}\n"));
    assertTrue(Files.readString(Path.of(sec)).startsWith("untrusted comment: signify secret key\nRWRCSwAAAA"));
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(sec))));
    assertTrue(Files.readString(Path.of(sig)).startsWith("untrusted comment: verify with k.pub\n"));
  }

  @Test
  void reportsAChangedMessageWithExitOne() throws IOException {
    Files.writeString(Path.of(msg), "hellO\n");
    assertOneLine(srro("-V", "-p", pub, "-m", msg), 1, "srro: signature verification failed");
  }

  @Test
  void reportsAForeignKeyBeforeAnyCrypto() {
    srro("-G", "-n", "-p", p("o.pub"), "-s", p("o.sec"));
    assertOneLine(srro("-V", "-p", p("o.pub"), "-m", msg), 1, "verification failed: checked against wrong key");
  }

  @Test
  void reportsResultsAsJson() {
    CliRun r = srro("-V", "--json", "-p", pub, "-m", msg);
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("{\"schema\":\"srro-signify/1\",\"operation\":\"verify\","), r::toString);
    assertTrue(r.out().contains("\"signature\":\"verified\",\"result\":\"verified\",\"verified\":true"), r::toString);
    srro("-G", "-n", "-p", p("o.pub"), "-s", p("o.sec"));
    CliRun bad = srro("-V", "--json", "-p", p("o.pub"), "-m", msg);
    assertEquals(1, bad.status());
    assertTrue(bad.out().contains("\"result\":\"wrong_key\"") && bad.out().contains("\"verified\":false"), bad::toString);
  }

  @Test
  void embeddedMessageGoesToStdoutOnlyAfterVerificationWithTheVerdictOnStderr() throws IOException {
    assertEquals(0, srro("-S", "-e", "-s", sec, "-m", msg, "-x", p("m.esig")).status());
    CliRun ok = srro("-V", "-e", "-p", pub, "-x", p("m.esig"), "-m", "-");
    assertEquals(0, ok.status(), ok::toString);
    assertEquals("hello\n", ok.out());
    assertEquals("Signature Verified\n", ok.err());
    byte[] bad = Files.readAllBytes(Path.of(p("m.esig")));
    bad[bad.length - 2] ^= 1;
    Files.write(Path.of(p("m.esig")), bad);
    CliRun no = srro("-V", "-e", "-p", pub, "-x", p("m.esig"), "-m", "-");
    assertEquals(1, no.status());
    assertEquals(0, no.outBytes().length, "no byte of an unverified message may reach stdout");
  }

  @Test
  void embeddedMessageToAFileIsWrittenOnlyWhenVerified() throws IOException {
    srro("-S", "-e", "-s", sec, "-m", msg, "-x", p("m.esig"));
    assertEquals(0, srro("-V", "-e", "-p", pub, "-x", p("m.esig"), "-m", p("out")).status());
    assertEquals("hello\n", Files.readString(Path.of(p("out"))));
    Files.writeString(Path.of(p("m.esig")), Files.readString(Path.of(p("m.esig"))).replace("hello", "jello"));
    assertEquals(1, srro("-V", "-e", "-p", pub, "-x", p("m.esig"), "-m", p("out2")).status());
    assertFalse(Files.exists(Path.of(p("out2"))));
    try (var s = Files.list(dir)) {
      assertTrue(s.noneMatch(f -> f.getFileName().toString().contains(".srro-")), "temporary file left behind");
    }
  }

  @Test
  void findsTheKeyTheSignatureNamesInTheKeyDirectory() {
    Map<String, String> env = Map.of(SignifyCommand.KEY_DIRECTORY_ENV, dir.toString());
    assertEquals(0, srroWith(new byte[0], env, "-V", "-m", msg).status());
    CliRun wrongType = srroWith(new byte[0], env, "-V", "-t", "base", "-m", msg);
    assertOneLine(wrongType, 1, "incorrect keytype: k.pub is not base");
  }

  @Test
  void checksTheKeytypeOfANamedKey() throws IOException {
    srro("-G", "-n", "-p", p("os-77-base.pub"), "-s", p("os-77-base.sec"));
    srro("-S", "-s", p("os-77-base.sec"), "-m", msg, "-x", p("b.sig"));
    Map<String, String> env = Map.of(SignifyCommand.KEY_DIRECTORY_ENV, dir.toString());
    assertEquals(0, srroWith(new byte[0], env, "-V", "-t", "base", "-x", p("b.sig"), "-m", msg).status());
  }

  @Test
  void asksForAPublicKeyWhenTheSignatureNamesNone() throws IOException {
    Files.writeString(Path.of(sig), Files.readString(Path.of(sig)).replace("verify with k.pub", "from /x/k.pub"));
    CliRun r = srro("-V", "-m", msg);
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().startsWith("srro: must specify pubkey\n"), r::toString);
  }

  @Test
  void rejectsUsageErrorsWithExitTwo() {
    String[][] cases = {
      {"give exactly one of -C, -G, -S, -V"},
      {"give exactly one of -C, -G, -S, -V", "-V", "-S"},
      {"can't combine -e and -z options", "-V", "-e", "-z", "-m", msg},
      {"give only one of --passphrase-file and --passphrase-fd", "-S", "--passphrase-fd", "3", "--passphrase-file", "x"},
      {"must specify sigfile", "-C"},
      {"file arguments are only for -C", "-V", "-m", msg, "extra"},
      {"must specify sigfile with - message", "-V", "-m", "-"},
      {"must specify pubkey and seckey", "-G", "-p", pub},
      {"must specify message and seckey", "-S", "-m", msg},
      {"must specify message", "-V", "-p", pub},
      {"must specify message sigfile seckey", "-S", "-z", "-s", sec},
      {"--json cannot be used with -e -m -", "-V", "-e", "--json", "-x", sig, "-m", "-"},
    };
    for (String[] c : cases) {
      String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
      CliRun r = srro(args);
      assertEquals(2, r.status(), () -> String.join(" ", args) + "\n" + r);
      assertTrue(r.err().startsWith("srro: " + c[0]), () -> String.join(" ", args) + "\n" + r);
    }
  }

  @Test
  void refusesToOverwriteAKeyAndWritesNeitherHalf() throws IOException {
    String before = Files.readString(Path.of(sec));
    assertOneLine(srro("-G", "-n", "-p", pub, "-s", sec), 74, "can't open " + sec + " for writing: file exists");
    assertEquals(before, Files.readString(Path.of(sec)));
    Files.writeString(Path.of(p("q.pub")), "mine");
    assertOneLine(srro("-G", "-n", "-p", p("q.pub"), "-s", p("q.sec")), 74, "q.pub for writing: file exists");
    assertFalse(Files.exists(Path.of(p("q.sec"))));
  }

  @Test
  void insistsOnTheKeyNamingScheme() {
    assertOneLine(srro("-G", "-n", "-p", p("a.pub"), "-s", p("b.sec")), 1, "please use naming scheme of keyname.pub and keyname.sec");
  }

  @Test
  void refusesAKeyCommentThatWouldNotFit() {
    assertOneLine(srro("-G", "-n", "-c", "c".repeat(1020), "-p", p("c.pub"), "-s", p("c.sec")), 1, "comment too long");
  }

  @Test
  void signsWithAPassphraseFromAFileAndRejectsAWrongOne() throws IOException {
    Files.writeString(Path.of(p("pass")), "correct horse\n");
    Files.writeString(Path.of(p("wrong")), "battery staple\n");
    assertEquals(0, srro("-G", "--passphrase-file", p("pass"), "-p", p("w.pub"), "-s", p("w.sec")).status());
    assertEquals(0, srro("-S", "--passphrase-file", p("pass"), "-s", p("w.sec"), "-m", msg, "-x", p("w.sig")).status());
    assertEquals(0, srro("-V", "-p", p("w.pub"), "-m", msg, "-x", p("w.sig")).status());
    assertOneLine(srro("-S", "--passphrase-file", p("wrong"), "-s", p("w.sec"), "-m", msg, "-x", p("x.sig")), 1, "srro: incorrect passphrase");
    assertFalse(Files.exists(Path.of(p("x.sig"))));
  }

  @Test
  void readsThePassphraseFromStdinWhenItIsNotTheMessage() throws IOException {
    byte[] pw = "pw\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(0, srroWith(pw, Map.of(), "-G", "-p", p("s.pub"), "-s", p("s.sec")).status());
    assertEquals(0, srroWith(pw, Map.of(), "-S", "-s", p("s.sec"), "-m", msg, "-x", p("s.sig")).status());
    assertOneLine(srroWith(new byte[] {'\n'}, Map.of(), "-S", "-s", p("s.sec"), "-m", msg, "-x", p("t.sig")), 1, "please provide a password");
    assertOneLine(srroWith(pw, Map.of(), "-S", "-s", p("s.sec"), "-m", "-", "-x", p("t.sig")), 1, "unable to read passphrase");
    assertOneLine(srro("-S", "--passphrase-fd", "987654", "-s", p("s.sec"), "-m", msg, "-x", p("t.sig")), 66, "no such open file descriptor");
  }

  private void writeSig(String text) throws IOException {
    Files.write(Path.of(sig), text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void rejectsMalformedSignaturesWithOneLineAndExit65() throws IOException {
    String good = Files.readString(Path.of(sig));
    String[] lines = good.split("\n");
    writeSig(lines[0] + "\n" + lines[1].substring(0, 40) + "\n");
    assertOneLine(srro("-V", "-p", pub, "-m", msg), 65, "unable to parse " + sig);
    byte[] payload = Base64.getDecoder().decode(lines[1]);
    payload[0] = 'X';
    writeSig(lines[0] + "\n" + Base64.getEncoder().encodeToString(payload) + "\n");
    assertOneLine(srro("-V", "-p", pub, "-m", msg), 65, "unsupported file " + sig);
    writeSig("untrusted comment: " + "c".repeat(1024) + "\n" + lines[1] + "\n");
    assertOneLine(srro("-V", "-p", pub, "-m", msg), 65, "comment too long");
    writeSig("");
    assertOneLine(srro("-V", "-p", pub, "-m", msg), 65, "invalid comment in " + sig + "; must start with 'untrusted comment: '");
    writeSig(lines[0] + "\n" + lines[1]);
    assertOneLine(srro("-V", "-p", pub, "-m", msg), 65, "missing new line after base64 in " + sig);
    writeSig("\u0000\u00ff\u0089PNG\r\n\u001a\n junk \u0000");
    assertOneLine(srro("-V", "-p", pub, "-m", msg), 65, "invalid comment in " + sig);
  }

  @Test
  void rejectsATwoGibMessageBeforeReadingIt() throws IOException {
    Path big = dir.resolve("big");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(2L << 30); // sparse: nothing is written or allocated
    }
    assertOneLine(srro("-V", "-p", pub, "-m", big.toString(), "-x", sig), 65, "msg too large in " + big);
    assertOneLine(srro("-S", "-s", sec, "-m", big.toString()), 65, "msg too large in " + big);
  }

  @Test
  void reportsInputsItCannotOpenWithExit66() throws IOException {
    assertOneLine(srro("-V", "-p", p("nope.pub"), "-m", msg), 66, "nope.pub");
    assertOneLine(srro("-V", "-p", dir.toString(), "-m", msg), 66, "not a valid file: " + dir);
    Files.createSymbolicLink(dir.resolve("link.pub"), Path.of(pub));
    assertOneLine(srro("-V", "-p", p("link.pub"), "-m", msg), 66, "is a symbolic link");
  }

  @Test
  void signsOnlyRegularFilesWithZ() {
    assertOneLine(srro("-S", "-z", "-s", sec, "-m", dir.toString(), "-x", p("z")), 1, "Sorry can only sign regular files");
  }

  @Test
  void signsAndChecksAChecksumList() throws Exception {
    String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(msg))));
    Files.writeString(Path.of(p("SHA256")), "SHA256 (" + msg + ") = " + hex + "\nSHA256 (" + p("gone") + ") = " + hex + "\n");
    assertEquals(0, srro("-S", "-e", "-s", sec, "-m", p("SHA256"), "-x", p("SHA256.sig")).status());
    CliRun r = srro("-C", "-p", pub, "-x", p("SHA256.sig"));
    assertEquals(1, r.status());
    assertEquals("Signature Verified\n" + msg + ": OK\n", r.out());
    assertEquals(p("gone") + ": FAIL\n", r.err());
    CliRun only = srro("-C", "-q", "-p", pub, "-x", p("SHA256.sig"), msg);
    assertEquals(0, only.status(), only::toString);
    assertEquals("", only.out());
    CliRun json = srro("-C", "--json", "-p", pub, "-x", p("SHA256.sig"), msg);
    assertTrue(json.out().contains("\"files\":[{\"file\":\"" + msg + "\",\"ok\":true}]"), json::toString);
  }

  @Test
  void roundTripsAGzipSignature() throws IOException {
    Path gz = dir.resolve("a.gz");
    try (var z = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      z.write(new byte[200_000]);
    }
    assertEquals(0, srro("-S", "-z", "-n", "-s", sec, "-m", gz.toString(), "-x", p("a.sgz")).status());
    CliRun r = srro("-V", "-z", "-p", pub, "-x", p("a.sgz"), "-m", p("b.gz"));
    assertEquals(0, r.status(), r::toString);
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(Path.of(p("b.gz"))))) {
      assertArrayEquals(new byte[200_000], in.readAllBytes());
    }
    byte[] damaged = Files.readAllBytes(Path.of(p("a.sgz")));
    damaged[damaged.length - 20] ^= 1;
    Files.write(Path.of(p("a.sgz")), damaged);
    assertOneLine(srro("-V", "-z", "-p", pub, "-x", p("a.sgz"), "-m", p("c.gz")), 1, "signature mismatch");
    assertFalse(Files.exists(Path.of(p("c.gz"))));
  }
}
