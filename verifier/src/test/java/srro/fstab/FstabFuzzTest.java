package srro.fstab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Optional;
import srro.findings.Finding;

/** Any bytes: parse either refuses with FstabFormatException or gives back the input byte for byte. */
class FstabFuzzTest {
  @FuzzTest
  void parseThenEncodeIsTheIdentityAndLintAndFixNeverThrow(FuzzedDataProvider data) {
    Dialect forced = data.pickValue(new Dialect[] {Dialect.LINUX, Dialect.OPENBSD});
    boolean detect = data.consumeBoolean();
    boolean ro = data.consumeBoolean();
    byte[] bytes = data.consumeRemainingAsBytes();
    Fstab f;
    try {
      f = Fstab.parse("fuzz", bytes, detect ? null : forced, forced);
    } catch (FstabFormatException expected) {
      return;
    }
    assertArrayEquals(bytes, f.encode());
    List<Finding> findings = FstabLint.lint(f, e -> Optional.of(ro));
    byte[] fixed = FstabFix.apply(f, FstabFix.plan(f, findings));
    try {
      Fstab again = Fstab.parse("fuzz", fixed, f.dialect(), forced);
      assertArrayEquals(fixed, again.encode());
    } catch (FstabFormatException e) {
      throw new AssertionError("a fix made the file unreadable", e);
    }
  }
}
