package srro.cli.kit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.cli.PassphraseSource;
import srro.cli.Refusal;
import srro.cli.SignifyFiles;
import srro.cli.UsageException;
import srro.kit.Kit;
import srro.kit.KitId;
import srro.kit.KitResources;
import srro.patch.Patchset;
import srro.signify.IncorrectPassphraseException;
import srro.signify.KeyNameException;
import srro.signify.KeyNaming;
import srro.signify.SecretKey;
import srro.signify.Signature;
import srro.signify.SigningKey;

/**
 * {@code srro kit build}: the kit's diffs concatenated in order, signed as one signify {@code -e} file (the
 * signature lines, then the message), as {@code signify -S -e} writes it. Ed25519 signatures are
 * deterministic, so the same kit and key always give the same bytes.
 */
@Command(
    name = "build",
    description = "Sign a kit's diffs, in order, into one signify -e patchset.")
final class KitBuildCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = "--release", paramLabel = "R", description = "The kit to sign: 7.7, 7.8, 7.9 or current.")
  String release;

  @Option(names = "--kit", paramLabel = "KITDIR", description = "Sign the kit in KITDIR instead of srro's copy.")
  Path kitDir;

  @Option(names = {"-s", "--key"}, paramLabel = "SECKEY", required = true, description = "signify secret key.")
  String secretKey;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "The signed patchset, e.g. softraid_read_only_patchset_7.7.sig.")
  String output;

  @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the key's passphrase from FILE.")
  Path passphraseFile;

  KitBuildCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    if ((release == null) == (kitDir == null)) {
      throw new UsageException("give --release R (" + KitId.names() + ") or --kit KITDIR");
    }
    Kit kit = kitDir != null ? Kit.load(kitDir) : KitResources.load(KitChoice.named(release).orElseThrow());
    byte[] patchset = kit.patchset();
    Patchset.parse(kit.source(), patchset);
    SignifyFiles files = new SignifyFiles(io);
    Signature sig;
    byte[] text = files.readKeyFile(secretKey);
    try (SecretKey sec = SecretKey.parse(secretKey, text)) {
      Arrays.fill(text, (byte) 0);
      String comment = KeyNaming.signatureComment(secretKey, sec.comment());
      byte[] pass = new byte[0];
      if (sec.needsPassphrase()) {
        pass = new PassphraseSource(passphraseFile, null, io.in()).read(true, false);
      }
      try (SigningKey key = sec.unlock(secretKey, pass)) {
        sig = key.sign(comment, patchset, 0, patchset.length);
      } finally {
        Arrays.fill(pass, (byte) 0);
      }
    } catch (IncorrectPassphraseException | KeyNameException | PassphraseSource.Unavailable e) {
      throw new Refusal(e.getMessage(), e);
    }
    try (SignifyFiles.Output out = files.create(output, false, false)) {
      out.stream().write(sig.encode());
      out.stream().write(patchset);
      out.commit();
    }
    io.err().println("signed " + kit.diffs().size() + " diffs of " + kit.source() + " into " + output);
    return ExitCode.OK.status();
  }
}
