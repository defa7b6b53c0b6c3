package srro.cli.signify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import srro.cli.ExitCode;
import srro.cli.FailureInDocument;
import srro.cli.Io;
import srro.cli.Json;
import srro.cli.PassphraseSource;
import srro.cli.Refusal;
import srro.cli.Reporter;
import srro.cli.SignifyFiles;
import srro.cli.UsageException;
import srro.signify.ChecksumList;
import srro.signify.EmbeddedSignature;
import srro.signify.GzipSignature;
import srro.signify.IncorrectPassphraseException;
import srro.signify.KeyNameException;
import srro.signify.KeyNaming;
import srro.signify.Limits;
import srro.signify.PublicKey;
import srro.signify.SecretKey;
import srro.signify.Signature;
import srro.signify.SignifyFormatException;
import srro.signify.SigningKey;
import srro.signify.Verification;

/**
 * {@code srro signify}: OpenBSD signify(1) with its flags, files and messages. Failures signify reports with
 * exit 1 keep status 1 here when the check said no (bad or foreign signature, wrong passphrase, checksum
 * FAIL); malformed files exit 65 and unopenable ones 66 (docs/srro.8).
 */
@Command(
    name = "signify",
    sortOptions = false,
    description = {
      "Create and verify signatures and signed checksum lists like OpenBSD signify(1), byte for byte.",
      "  srro signify -C [-q] [-p pubkey] [-t keytype] -x sigfile [file ...]",
      "  srro signify -G [-n] [-c comment] -p pubkey -s seckey",
      "  srro signify -S [-enz] [-x sigfile] -s seckey -m message",
      "  srro signify -V [-eqz] [-p pubkey] [-t keytype] [-x sigfile] -m message",
      "-S and -V of a detached signature stream the message (-S reads a regular file twice and signs nothing",
      "if it changed meanwhile); -e, -C and -S of standard input hold the signed file in memory, at most 1 GiB",
      "(signify's limit); -z holds the gzip header, at most 64 MiB."
    })
public final class SignifyCommand implements Callable<Integer> {
  /** The directory signify reads a key named in a signature comment from; tests point it elsewhere. */
  static final String KEY_DIRECTORY_ENV = "SRRO_SIGNIFY_KEYDIR";

  /** The schema of the -V and -C --json document. */
  static final String SCHEMA = "srro-signify/1";

  @Option(names = "-C", description = "Verify a signed checksum list, then the files it lists.")
  boolean checkMode;

  @Option(names = "-G", description = "Generate a new key pair.")
  boolean generateMode;

  @Option(names = "-S", description = "Sign the message.")
  boolean signMode;

  @Option(names = "-V", description = "Verify the message and signature.")
  boolean verifyMode;

  @Option(names = "-c", paramLabel = "comment", description = "Comment for new keys (default: signify).")
  String comment = "signify";

  @Option(names = "-e", description = "Embed the message after the signature (sign) or extract it (verify).")
  boolean embedded;

  @Option(names = "-m", paramLabel = "message", description = "The message file; - is standard input/output.")
  String messageFile;

  @Option(names = "-n", description = "No passphrase for a new key; with -Sz, date 1970-01-01.")
  boolean noPassphrase;

  @Option(names = "-p", paramLabel = "pubkey", description = "Public key file.")
  String publicKeyFile;

  @Option(names = "-q", description = "Quiet: print nothing on success.")
  boolean quiet;

  @Option(names = "-s", paramLabel = "seckey", description = "Secret key file.")
  String secretKeyFile;

  @Option(names = "-t", paramLabel = "keytype", description = "Key name must end in -keytype.pub.")
  String keytype;

  @Option(names = "-x", paramLabel = "sigfile", description = "Signature file (default: message.sig).")
  String sigFile;

  @Option(names = "-z", description = "Sign or verify a gzip archive with the signature in its header.")
  boolean gzip;

  @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the passphrase from FILE.")
  Path passphraseFile;

  @Option(names = "--passphrase-fd", paramLabel = "N", description = "Read the passphrase from descriptor N.")
  Integer passphraseFd;

  @Option(names = "--json", description = "Report -V and -C results as JSON (schema srro-signify/1).")
  boolean json;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Print usage and exit.")
  boolean help;

  @Parameters(paramLabel = "file", arity = "0..*", description = "With -C: check only these files.")
  List<String> files = new ArrayList<>();

  private final Io io;
  private final SignifyFiles fs;

  SignifyCommand(Io io) {
    this.io = io;
    this.fs = new SignifyFiles(io);
  }

  @Override
  public Integer call() throws Exception {
    int verbs = (checkMode ? 1 : 0) + (generateMode ? 1 : 0) + (signMode ? 1 : 0) + (verifyMode ? 1 : 0);
    if (verbs != 1) {
      throw new UsageException("give exactly one of -C, -G, -S, -V");
    }
    if (embedded && gzip) {
      throw new UsageException("can't combine -e and -z options");
    }
    if (passphraseFile != null && passphraseFd != null) {
      throw new UsageException("give only one of --passphrase-file and --passphrase-fd");
    }
    try {
      if (checkMode) {
        if (sigFile == null) {
          throw new UsageException("must specify sigfile");
        }
        return check();
      }
      if (!files.isEmpty()) {
        throw new UsageException("file arguments are only for -C");
      }
      if (sigFile == null && messageFile != null) {
        if (messageFile.equals("-")) {
          throw new UsageException("must specify sigfile with - message");
        }
        sigFile = messageFile + ".sig";
      }
      if (generateMode) {
        return generate();
      }
      if (signMode) {
        return gzip ? zsign() : sign();
      }
      return gzip ? zverify() : verify();
    } catch (KeyNameException | IncorrectPassphraseException | PassphraseSource.Unavailable e) {
      throw new Refusal(e.getMessage(), e);
    }
  }

  // ---- -G -------------------------------------------------------------------------------------------

  private int generate() throws Exception {
    if (publicKeyFile == null || secretKeyFile == null) {
      throw new UsageException("must specify pubkey and seckey");
    }
    KeyNaming.checkCompliance(Optional.of(publicKeyFile), secretKeyFile);
    String secComment = comment + " secret key";
    String pubComment = comment + " public key";
    if (utf8Length(secComment) > Limits.COMMENT_MAX_BYTES || utf8Length(pubComment) > Limits.COMMENT_MAX_BYTES) {
      throw new Refusal("comment too long");
    }
    for (String f : List.of(secretKeyFile, publicKeyFile)) {
      if (Files.exists(Path.of(f), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new srro.patch.CannotWriteException(f, "file exists", null);
      }
    }
    SecureRandom random = new SecureRandom();
    byte[] pass = noPassphrase ? new byte[0] : passphrases().read(true, true);
    try (SigningKey key = SigningKey.generate(random);
        SecretKey sealed = SecretKey.seal(key, secComment, noPassphrase ? 0 : 42, pass, random)) {
      Arrays.fill(pass, (byte) 0);
      byte[] sec = sealed.encode();
      try (SignifyFiles.Output out = fs.create(secretKeyFile, true, true)) {
        out.stream().write(sec);
        out.commit();
      } finally {
        Arrays.fill(sec, (byte) 0);
      }
      try (SignifyFiles.Output out = fs.create(publicKeyFile, true, false)) {
        out.stream().write(key.publicKey(pubComment).encode());
        out.commit();
      }
    }
    return ExitCode.OK.status();
  }

  private static int utf8Length(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  // ---- -S -------------------------------------------------------------------------------------------

  /**
   * A detached signature of a regular file is made in two streaming passes over one held descriptor (memory
   * stays flat whatever the size); with -e, or a message from standard input or a pipe, the message is held
   * in memory, at most {@link Limits#MESSAGE_MAX_BYTES}, as signify does.
   */
  private int sign() throws Exception {
    if (messageFile == null || secretKeyFile == null) {
      throw new UsageException("must specify message and seckey");
    }
    Optional<SignifyFiles.HeldFile> held = embedded ? Optional.empty() : fs.hold(messageFile);
    if (held.isPresent()) {
      try (SignifyFiles.HeldFile m = held.get()) {
        Signature sig = createSignature((key, comment) -> key.sign(comment, m.name(), m));
        m.checkUnchanged();
        return writeSignature(sig, null);
      }
    }
    byte[] msg = fs.readMessage(messageFile);
    return writeSignature(createSignature((key, comment) -> key.sign(comment, msg, 0, msg.length)), msg);
  }

  private int writeSignature(Signature sig, byte[] embeddedMessage) throws IOException {
    try (SignifyFiles.Output out = fs.create(sigFile, false, false)) {
      out.stream().write(sig.encode());
      if (embedded) {
        out.stream().write(embeddedMessage);
      }
      out.commit();
    }
    return ExitCode.OK.status();
  }

  /** How a signature is made once the key is unlocked. */
  @FunctionalInterface
  private interface Signing {
    Signature sign(SigningKey key, String comment) throws IOException;
  }

  /** signify.c {@code createsig}: read and unlock the secret key, sign, wipe. */
  private Signature createSignature(Signing signing) throws Exception {
    byte[] text = fs.readKeyFile(secretKeyFile);
    try (SecretKey sec = SecretKey.parse(secretKeyFile, text)) {
      Arrays.fill(text, (byte) 0);
      String sigComment = KeyNaming.signatureComment(secretKeyFile, sec.comment());
      if (utf8Length(sigComment) > Limits.COMMENT_MAX_BYTES) {
        throw new Refusal("comment too long");
      }
      byte[] pass = new byte[0];
      if (sec.needsPassphrase()) {
        pass = passphrases().read(!messageFile.equals("-") && !secretKeyFile.equals("-"), false);
      }
      try (SigningKey key = sec.unlock(secretKeyFile, pass)) {
        return signing.sign(key, sigComment);
      } finally {
        Arrays.fill(pass, (byte) 0);
      }
    }
  }

  private PassphraseSource passphrases() {
    return new PassphraseSource(passphraseFile, passphraseFd, io.in());
  }

  // ---- -V -------------------------------------------------------------------------------------------

  private int verify() throws Exception {
    if (messageFile == null) {
      throw new UsageException("must specify message");
    }
    boolean toStdout = embedded && messageFile.equals("-");
    if (json && toStdout) {
      throw new UsageException("--json cannot be used with -e -m - (the message goes to standard output)");
    }
    if (embedded) {
      EmbeddedSignature.Result r = openEmbedded();
      if (!(r instanceof EmbeddedSignature.Opened ok)) {
        return refuse(r.verification(), r.signature());
      }
      try (SignifyFiles.Output out = fs.create(messageFile, false, false)) {
        ok.message().writeTo(out.stream());
        out.commit();
      }
      return verified(ok.verification(), ok.signature(), toStdout);
    }
    fs.checkMessageSize(messageFile);
    try (InputStream msg = fs.open(messageFile)) {
      Signature sig = Signature.parse(sigFile, fs.readKeyFile(sigFile));
      PublicKey key = readPublicKey(sig);
      Verification v = key.verify(sig, msg, messageFile, Limits.MESSAGE_MAX_BYTES);
      return v.verified() ? verified(v, sig, false) : refuse(v, sig);
    }
  }

  /**
   * -V -e and -C (signify.c {@code verifyembedded}): the whole signed file in memory, at most {@link
   * Limits#MESSAGE_MAX_BYTES}, verified with the key -p names or the signature asks for.
   */
  private EmbeddedSignature.Result openEmbedded() throws Exception {
    EmbeddedSignature e = EmbeddedSignature.parse(sigFile, fs.readMessage(sigFile));
    return e.verify(readPublicKey(e.signature()));
  }

  /** signify.c {@code readpubkey}: -p, or the key the signature names, under /etc/signify. */
  private PublicKey readPublicKey(Signature sig) throws Exception {
    String file = publicKeyFile;
    if (file == null) {
      Optional<String> name = sig.keyName();
      if (name.isEmpty()) {
        throw new UsageException("must specify pubkey");
      }
      if (keytype != null) {
        KeyNaming.checkKeytype(name.get(), keytype);
      }
      file = io.env().getOrDefault(KEY_DIRECTORY_ENV, KeyNaming.KEY_DIRECTORY) + "/" + name.get();
    }
    return PublicKey.parse(file, fs.readKeyFile(file));
  }

  private int verified(Verification v, Signature sig, boolean messageOnStdout) {
    if (json) {
      io.out().println(result(v, sig, v.kind(), null));
    } else if (!quiet) {
      (messageOnStdout ? io.err() : io.out()).println(v.message());
    }
    return ExitCode.OK.status();
  }

  /** Says no (exit 1): under --json the result document carries the refusal, so the reporter adds none. */
  private int refuse(Verification v, Signature sig) throws FailureInDocument, Refusal {
    if (json) {
      io.out().println(result(v, sig, v.kind(), null).put("error", Reporter.refusal(v.message())));
      throw new FailureInDocument(new Refusal(v.message()));
    }
    throw new Refusal(v.message());
  }

  /**
   * The srro-signify/1 document. {@code result} is the verdict on everything checked (the signature, then with
   * -C every file), so it never says "verified" beside {@code "verified": false}; {@code signature} is the
   * signature's own verdict.
   */
  private Json.Obj result(Verification v, Signature sig, String result, List<Object> files) {
    return Json.document(SCHEMA)
        .put("operation", checkMode ? "check" : "verify")
        .put("signature_file", sigFile == null ? "-" : sigFile)
        .put("keynum", String.format("%016x", sig.keynum()))
        .put("signature", v.kind())
        .put("result", result)
        .put("verified", result.equals("verified"))
        .put("files", files)
        .put("error", null);
  }

  // ---- -C -------------------------------------------------------------------------------------------

  private int check() throws Exception {
    EmbeddedSignature.Result r = openEmbedded();
    if (!(r instanceof EmbeddedSignature.Opened ok)) {
      return refuse(r.verification(), r.signature());
    }
    Verification v = ok.verification();
    Signature sig = ok.signature();
    if (!quiet && !json) {
      io.out().println(v.message());
    }
    ChecksumList list = ChecksumList.parse(sigFile, ok.message());
    ChecksumList.Report report = list.check(sigFile, files, fs::digest);
    if (json) {
      List<Object> out = Json.array();
      report.ok().forEach(f -> out.add(Json.object().put("file", f).put("ok", true)));
      report.failed().forEach(f -> out.add(Json.object().put("file", f).put("ok", false)));
      Json.Obj doc = result(v, sig, report.passed() ? "verified" : "checksum_failed", out);
      if (!report.passed()) {
        doc.put("error", Reporter.refusal(sigFile + ": " + report.failed().size() + " of "
            + (report.ok().size() + report.failed().size()) + " files do not match their checksum"));
      }
      io.out().println(doc);
    } else {
      if (!quiet) {
        report.ok().forEach(f -> io.out().println(f + ": OK"));
      }
      report.failed().forEach(f -> io.err().println(f + ": FAIL"));
    }
    return report.passed() ? ExitCode.OK.status() : ExitCode.NO.status();
  }

  // ---- -z -------------------------------------------------------------------------------------------

  private int zverify() throws Exception {
    String sigName = sigFile == null ? "-" : sigFile;
    String outName = messageFile == null ? "-" : messageFile;
    try (InputStream in = fs.open(sigName)) {
      GzipSignature.Header h = GzipSignature.readHeader(sigName, in);
      Signature sig = GzipSignature.signature(sigName, h);
      PublicKey key = readPublicKey(sig);
      Verification v = GzipSignature.verify(key, sig, h);
      if (!v.verified()) {
        return refuse(v, sig);
      }
      GzipSignature.BlockList blocks = GzipSignature.blocks(sigName, sig, h);
      try (SignifyFiles.Output out = fs.create(outName, false, false)) {
        OutputStream os = out.stream();
        os.write(GzipSignature.verifiedHeader(h));
        Optional<String> failure = GzipSignature.copyBlocks(blocks, h, in, os);
        if (failure.isPresent()) {
          throw new Refusal(failure.get());
        }
        out.commit();
      }
      if (json) {
        io.out().println(result(v, sig, v.kind(), null));
      }
      return ExitCode.OK.status();
    }
  }

  private int zsign() throws Exception {
    if (messageFile == null || secretKeyFile == null || sigFile == null) {
      throw new UsageException("must specify message sigfile seckey");
    }
    if (fs.regularSize(messageFile) < 0) {
      throw new Refusal("Sorry can only sign regular files");
    }
    GzipSignature.Header h;
    byte[] text;
    try (InputStream in = Files.newInputStream(Path.of(messageFile))) {
      h = GzipSignature.readHeader(messageFile, in);
    }
    String date =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC)
            .format(noPassphrase ? Instant.EPOCH : Instant.now());
    try (InputStream in = Files.newInputStream(Path.of(messageFile))) {
      in.skipNBytes(h.length());
      text = GzipSignature.signedText(date, secretKeyFile, in);
    }
    byte[] signed = text;
    Signature sig = createSignature((key, c) -> key.sign(c, signed, 0, signed.length));
    try (SignifyFiles.Output out = fs.create(sigFile, false, false);
        InputStream in = Files.newInputStream(Path.of(messageFile))) {
      OutputStream os = out.stream();
      os.write(GzipSignature.signedHeader(h.extraFlags(), sig, text));
      in.skipNBytes(h.length());
      in.transferTo(os);
      out.commit();
    }
    return ExitCode.OK.status();
  }

}
