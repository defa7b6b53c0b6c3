package srro.mounts;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes and any record count: the statfs decoder returns a table or throws MountFormatException. */
class OpenBsdStatfsFuzzTest {
  @FuzzTest
  void statfsDecoderOnlyThrowsMountFormatException(FuzzedDataProvider data) {
    int count = data.consumeInt(-1, 8);
    byte[] records = data.consumeRemainingAsBytes();
    try {
      OpenBsdStatfs.table("fuzz", records, count).at("/");
    } catch (MountFormatException expected) {
      // reported, not crashed
    }
  }
}
