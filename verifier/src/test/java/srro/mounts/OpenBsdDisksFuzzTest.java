package srro.mounts;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Any text: each OpenBSD disk parser returns a result or throws MountFormatException, nothing else. */
class OpenBsdDisksFuzzTest {
  private static String text(FuzzedDataProvider data) {
    return new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
  }

  @FuzzTest
  void disknamesParserOnlyThrowsMountFormatException(FuzzedDataProvider data) {
    String text = text(data);
    try {
      OpenBsdDisks.disknames("fuzz", text);
      OpenBsdDisks.duids("fuzz", text);
    } catch (MountFormatException expected) {
      // reported, not crashed
    }
  }

  @FuzzTest
  void bioctlParserOnlyThrowsMountFormatException(FuzzedDataProvider data) {
    try {
      OpenBsdDisks.bioctl("fuzz", text(data));
    } catch (MountFormatException expected) {
      // reported, not crashed
    }
  }

  @FuzzTest
  void dmesgParserOnlyThrowsMountFormatException(FuzzedDataProvider data) {
    try {
      OpenBsdDisks.attachReadOnly("fuzz", text(data));
    } catch (MountFormatException expected) {
      // reported, not crashed
    }
  }
}
