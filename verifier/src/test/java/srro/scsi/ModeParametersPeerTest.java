package srro.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import srro.testing.Peer;

/**
 * Every mode golden file decoded by {@code sdparm --inhex=FILE [--six] --pdt=N --all -v} finds the same pages
 * (code, subpage, PS bit) as {@link ModeParameters}; the bytes go to sdparm as plain hex because sdparm 1.12
 * cannot read its own dump format (offsets plus ASCII column: "syntax error at line 1, pos 61"). sdparm
 * --inhex does not print the header (WP, DPOFUA) or block descriptors, so those are checked against the
 * golden files only.
 *
 * <p>Disagreements, all sdparm's: a bare header (mode6-header-only, what sd(4) reads for page 0) is "Couldn't
 * decode" to sdparm (exit 99); a reply shorter than its mode data length (mode6-truncated) is rejected outright
 * ("too short", exit 99) where srro decodes what is there and warns; and when the mode data length undercounts
 * (mode10-length-too-small) sdparm decodes the caching page from bytes past the declared length, which srro
 * reports as a truncated page instead. The claimed sdparm bug with MODE SENSE(10) short block descriptors does
 * not show in 1.12 --inhex: it finds the page after an 8-byte descriptor (mode10-disk-short-descriptor) and
 * after a 16-byte LONGLBA one (mode10-longlba) where srro does.
 */
class ModeParametersPeerTest {
  private static final Pattern PAGE = Pattern.compile("\\[(0x[0-9a-f]+(?:,0x[0-9a-f]+)?)\\] mode page \\[PS=([01])\\]");

  @TempDir Path tmp;

  static Stream<GoldenCase> modeCases() throws Exception {
    return GoldenCase.all().filter(c -> c.decode().equals("mode"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modeCases")
  void findsTheSamePagesAsSdparm(GoldenCase c) throws Exception {
    Path prog = Peer.require("sdparm", "sdparm");
    ModeParameters ours = ModeParameters.parse(c.name(), c.data(), c.format(), c.type());
    List<String> cmd = new ArrayList<>(List.of(prog.toString(), "--inhex=" + PeerProcess.plainHex(tmp, c.name(),
        c.data())));
    if (c.format() == ModeParameters.Format.SIX) {
      cmd.add("--six");
    }
    cmd.add("--pdt=" + c.type().orElseThrow().code());
    cmd.addAll(List.of("--all", "-v"));
    PeerProcess peer = PeerProcess.run(cmd);

    switch (c.name()) {
      case "mode6-header-only" -> {
        assertEquals(99, peer.status(), peer.output());
        assertTrue(peer.output().contains("Couldn't decode"), peer.output());
        assertTrue(ours.pages().isEmpty());
        assertEquals(Boolean.TRUE, ours.writeProtected().orElseThrow());
        return;
      }
      case "mode6-truncated" -> {
        assertEquals(99, peer.status(), peer.output());
        assertTrue(peer.output().contains("too short, given 20 bytes, expected 32"), peer.output());
        assertTrue(ours.pages().get(0).truncated());
        return;
      }
      case "mode10-length-too-small" -> assertTrue(ours.pages().get(0).truncated());
      default -> assertTrue(ours.pages().stream().noneMatch(ModePage::truncated));
    }
    assertEquals(0, peer.status(), peer.output());
    List<String> theirs = new ArrayList<>();
    Matcher m = PAGE.matcher(peer.output());
    while (m.find()) {
      theirs.add(m.group(1) + " PS=" + m.group(2));
    }
    List<String> mine = new ArrayList<>();
    for (ModePage p : ours.pages()) {
      mine.add(
          String.format("0x%x", p.pageCode())
              + (p.subpageFormat() ? String.format(",0x%x", p.subpageCode()) : "")
              + " PS=" + (p.parametersSaveable() ? 1 : 0));
    }
    assertEquals(mine, theirs, c.name() + "\n" + peer.output());
  }
}
