package srro.fstab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void linuxReportsOnlyTyposOfGenericOptionsAndOpenbsdOnlyOptions() {
    assertEquals("not a mount option (did you mean 'noatime'?)", Options.problem(Dialect.LINUX, "noatme"));
    assertEquals("not a mount option (did you mean 'defaults'?)", Options.problem(Dialect.LINUX, "defualts"));
    assertEquals("an OpenBSD option that Linux does not know", Options.problem(Dialect.LINUX, "softdep"));
    assertNull(Options.problem(Dialect.LINUX, "data=ordered"));
    assertNull(Options.problem(Dialect.LINUX, "space_cache=v2"));
    assertNull(Options.problem(Dialect.LINUX, "x-systemd.automount"));
  }

  @Test
  void openbsdReportsEveryUnknownOptionButPassesDashFlags() {
    assertEquals("not an OpenBSD mount option (did you mean 'softdep'?)", Options.problem(Dialect.OPENBSD, "softdeps"));
    assertEquals("not an OpenBSD mount option", Options.problem(Dialect.OPENBSD, "defaults"));
    assertNull(Options.problem(Dialect.OPENBSD, "-s=300m"));
    assertNull(Options.problem(Dialect.OPENBSD, "rsize=8192"));
  }

  @Test
  void anEmptyOptionIsReported() {
    assertEquals("an empty option (two commas in a row, or a trailing comma)", Options.problem(Dialect.LINUX, ""));
  }

  @Test
  void distanceOneMeansOneInsertDeleteSubstituteOrSwap() {
    assertTrue(Options.distanceAtMostOne("noatime", "noatme"));
    assertTrue(Options.distanceAtMostOne("noatime", "noatimes"));
    assertTrue(Options.distanceAtMostOne("noatime", "noatine"));
    assertTrue(Options.distanceAtMostOne("noatime", "noaitme"));
    assertFalse(Options.distanceAtMostOne("noatime", "noatime"));
    assertFalse(Options.distanceAtMostOne("noatime", "nodiratime"));
  }
}
