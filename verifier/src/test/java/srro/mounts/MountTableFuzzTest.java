package srro.mounts;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes: each mount table parser returns a table or throws MountFormatException, nothing else. */
class MountTableFuzzTest {
  @FuzzTest
  void mountinfoParserOnlyThrowsMountFormatException(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      MountTable.parseMountinfo("fuzz", bytes).at("/");
    } catch (MountFormatException expected) {
      // reported, not crashed
    }
  }

  @FuzzTest
  void mountOutputParserOnlyThrowsMountFormatException(FuzzedDataProvider data) {
    boolean auto = data.consumeBoolean();
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      (auto ? MountTable.parse("fuzz", bytes) : MountTable.parseMountOutput("fuzz", bytes)).at("/");
    } catch (MountFormatException expected) {
      // reported, not crashed
    }
  }
}
