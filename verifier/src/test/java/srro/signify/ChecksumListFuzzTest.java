package srro.signify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Optional;

/** Checksum lists: parse or a format error; checking what parsed throws only format errors. */
class ChecksumListFuzzTest {
  @FuzzTest
  void parsesOrRejectsAndChecksWithoutSurprises(byte[] data) throws Exception {
    ChecksumList l;
    try {
      l = ChecksumList.parse("fuzz", data, 0, data.length);
    } catch (SignifyFormatException expected) {
      return;
    }
    for (ChecksumList.Line line : l.lines()) {
      assertTrue(line.algorithm().length() <= ChecksumList.ALGORITHM_MAX);
      assertTrue(line.hash().length() <= ChecksumList.HASH_MAX);
    }
    try {
      l.check("fuzz", List.of(), (algorithm, file) -> Optional.of(new byte[algorithm.equals("SHA-256") ? 32 : 64]));
    } catch (SignifyFormatException expected) {
      // unknown algorithm or bad base64: reported
    }
  }
}
