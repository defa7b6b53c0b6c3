package srro.mounts;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes: the blkid export reader returns a map or throws MountFormatException, nothing else. */
class BlkidExportFuzzTest {
  @FuzzTest
  void blkidExportReaderOnlyThrowsMountFormatException(FuzzedDataProvider data) {
    try {
      BlkidExport.parse("fuzz", data.consumeRemainingAsBytes()).size();
    } catch (MountFormatException expected) {
      // reported, not crashed
    }
  }
}
