package srro.cli.kit;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import srro.cli.BoundedInput;
import srro.cli.ExitCode;
import srro.cli.Io;
import srro.cli.Refusal;
import srro.cli.SignifyFiles;
import srro.cli.patch.PatchCommand;
import srro.patch.Patchset;
import srro.patch.Plan;
import srro.patch.Transaction;
import srro.patch.Tree;
import srro.signify.EmbeddedSignature;
import srro.signify.PublicKey;

/**
 * {@code srro kit apply}: picks the kit for the tree (or checks the one named), verifies the signed patchset
 * with the public key, refuses a patchset that is another release's kit, then plans and applies it all or
 * nothing with srro.patch, as {@code srro patch apply -k} does.
 */
@Command(
    name = "apply",
    description = "Check the tree's release, verify the signed kit, and apply it all or nothing.")
final class KitApplyCommand implements Callable<Integer> {
  /** A signed kit is the patchset (a few tens of KiB) and two signature lines. */
  static final int MAX_SIGNED_BYTES = srro.kit.Kit.MAX_DIFF_BYTES * 4 + 4096;

  private final Io io;

  @Mixin KitChoice choice;

  @Option(names = {"-p", "--pubkey"}, paramLabel = "PUBKEY", required = true, description = "signify public key.")
  Path pubkey;

  @Option(names = "--dry-run", description = "Verify and check, write nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print one JSON document instead of text.")
  boolean json;

  @Parameters(paramLabel = "KIT.sig", description = "The signed patchset from 'srro kit build'.")
  Path signed;

  KitApplyCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    KitChoice.Chosen chosen;
    try {
      chosen = choice.choose();
    } catch (KitChoice.Refused e) {
      throw new Refusal(e.getMessage() + "; nothing was applied", e);
    }
    KitChoice.say(io, chosen);
    byte[] file = BoundedInput.read(signed, MAX_SIGNED_BYTES, "a signed kit");
    PublicKey key = PublicKey.parse(pubkey.toString(), new SignifyFiles(io).readKeyFile(pubkey.toString()));
    EmbeddedSignature.Result r = EmbeddedSignature.parse(signed.toString(), file).verify(key);
    if (!(r instanceof EmbeddedSignature.Opened opened)) {
      throw new Refusal(signed + ": " + r.verification().message() + "; nothing was applied");
    }
    byte[] message = opened.message().toByteArray();
    Patchset patchset = Patchset.parse(signed.toString(), message);
    String wanted = "srro softraid read-only kit for OpenBSD " + chosen.id().label() + ",";
    if (!patchset.description().startsWith(wanted)) {
      throw new Refusal(signed + " is not the kit for " + chosen.id().label()
          + " (its first line: " + firstLine(patchset.description()) + "); build it with 'srro kit build"
          + " --release " + chosen.id().release() + "'");
    }
    Tree tree = Tree.open(choice.dir);
    Transaction.requireNonePending(tree);
    Plan plan = Plan.of(patchset, 0, tree);
    List<String> written = List.of();
    if (plan.applies() && !dryRun) {
      var changes = plan.changes(tree);
      Transaction.apply(tree, changes, Transaction.Checkpoint.NONE);
      written = changes.stream().map(c -> c.path()).toList();
    }
    PatchCommand.report(io, json, "apply", plan, dryRun ? "checking" : "patching", written);
    return plan.applies() ? ExitCode.OK.status() : ExitCode.NO.status();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
