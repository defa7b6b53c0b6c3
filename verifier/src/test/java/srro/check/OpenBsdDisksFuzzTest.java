package srro.check;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any text: each OpenBSD disk parser returns its result or throws MountFormatException, nothing else. */
class OpenBsdDisksFuzzTest {
  @FuzzTest
  void disknamesOnlyThrowsMountFormatException(FuzzedDataProvider data) {
    try {
      OpenBsdDisks.disknames("fuzz", data.consumeRemainingAsString());
    } catch (MountFormatException expected) {
      // reported, not crashed
    }
  }

  @FuzzTest
  void bioctlOnlyThrowsMountFormatException(FuzzedDataProvider data) {
    try {
      OpenBsdDisks.bioctl("fuzz", data.consumeRemainingAsString());
    } catch (MountFormatException expected) {
      // reported, not crashed
    }
  }

  @FuzzTest
  void attachReadOnlyOnlyThrowsMountFormatException(FuzzedDataProvider data) {
    try {
      OpenBsdDisks.attachReadOnly("fuzz", data.consumeRemainingAsString());
    } catch (MountFormatException expected) {
      // reported, not crashed
    }
  }
}
