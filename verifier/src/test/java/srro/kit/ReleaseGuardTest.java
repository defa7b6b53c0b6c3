package srro.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import srro.kit.ReleaseGuard.Mismatch;
import srro.kit.ReleaseGuard.Unsupported;
import srro.kit.ReleaseGuard.Use;

class ReleaseGuardTest {
  private static ReleaseGuard.Verdict select(String osr, String status) {
    return ReleaseGuard.select(new Release(osr, status));
  }

  private static Use use(KitId k, String osr, String status) {
    return new Use(k, new Release(osr, status));
  }

  @Test
  void aReleaseItsStableBranchAndItsBetaTakeTheReleasesKit() {
    assertEquals(use(KitId.OPENBSD_7_7, "7.7", ""), select("7.7", ""));
    assertEquals(use(KitId.OPENBSD_7_8, "7.8", "-stable"), select("7.8", "-stable"));
    assertEquals(use(KitId.OPENBSD_7_9, "7.9", "-beta"), select("7.9", "-beta"));
  }

  @Test
  void currentFromTheNewestReleaseOnAndTheBetaOfALaterReleaseTakeTheCurrentKit() {
    assertEquals(use(KitId.CURRENT, "7.9", "-current"), select("7.9", "-current"));
    assertEquals(use(KitId.CURRENT, "8.0", "-beta"), select("8.0", "-beta"));
    assertEquals(use(KitId.CURRENT, "8.0", "-current"), select("8.0", "-current"));
  }

  @Test
  void olderReleasesOldCurrentAndUnknownStatusesHaveNoKit() {
    assertEquals(new Unsupported(new Release("7.6", "")), select("7.6", ""));
    assertEquals(new Unsupported(new Release("7.6", "-beta")), select("7.6", "-beta"));
    assertEquals(new Unsupported(new Release("7.8", "-current")), select("7.8", "-current"));
    assertEquals(new Unsupported(new Release("8.0", "")), select("8.0", ""));
    assertEquals(new Unsupported(new Release("7.7", "-foo")), select("7.7", "-foo"));
  }

  @Test
  void theSupportedListNamesEveryReleaseKitAndCurrent() {
    assertEquals("OpenBSD 7.7, 7.8, 7.9 (release, -stable or -beta), 7.9-current or later, and the -beta of a"
        + " later release", ReleaseGuard.supported());
  }

  @Test
  void aKitNamedForAnotherReleaseIsAMismatchNamingTheTreesOwnKit() {
    Release r = new Release("7.8", "");
    assertEquals(new Use(KitId.OPENBSD_7_8, r), ReleaseGuard.check(r, KitId.OPENBSD_7_8));
    assertEquals(new Mismatch(KitId.OPENBSD_7_7, r, Optional.of(KitId.OPENBSD_7_8)),
        ReleaseGuard.check(r, KitId.OPENBSD_7_7));
    Release old = new Release("7.5", "");
    assertEquals(new Mismatch(KitId.OPENBSD_7_7, old, Optional.empty()), ReleaseGuard.check(old, KitId.OPENBSD_7_7));
  }

  @Test
  void kitNamesMapToDirectoriesAndBack() {
    assertEquals(Optional.of(KitId.CURRENT), KitId.named("current"));
    assertEquals("openbsd-current", KitId.CURRENT.directory());
    assertEquals("-current", KitId.CURRENT.label());
    assertEquals("7.7", KitId.OPENBSD_7_7.label());
    assertEquals(Optional.empty(), KitId.named("7.6"));
    assertEquals("7.7, 7.8, 7.9, current", KitId.names());
  }
}
