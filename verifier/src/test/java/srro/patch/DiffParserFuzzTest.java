package srro.patch;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes either parse into a patchset or raise PatchFormatException; a parsed patchset applied to any
 * content gives a result value (never an exception), and a patch that applies, reversed, applies to its output.
 * The names read from the header lines alone (what an archive is read for while the diff parses) hold every
 * name the parsed patchset can ask for.
 */
class DiffParserFuzzTest {
  @FuzzTest
  void parserAndApplierNeverThrowUnexpectedly(FuzzedDataProvider data) {
    byte[] content = data.consumeBytes(data.consumeInt(0, 2048));
    byte[] diff = data.consumeRemainingAsBytes();
    Patchset p;
    try {
      p = Patchset.parse("fuzz", diff);
    } catch (PatchFormatException expected) {
      return;
    }
    for (int strip = 0; strip <= 2; strip++) {
      if (!Plan.candidates(diff, strip).containsAll(Plan.candidates(p, strip))) {
        throw new AssertionError("header-line names miss some of the patchset's with -p" + strip);
      }
    }
    for (FilePatch f : p.files()) {
      FileResult r = Applier.apply(f, content);
      if (r.status() == FileResult.Status.APPLIES && r.newContent() != null) {
        Applier.apply(f.reversed(), r.newContent());
      }
      Applier.apply(f, null);
    }
  }
}
