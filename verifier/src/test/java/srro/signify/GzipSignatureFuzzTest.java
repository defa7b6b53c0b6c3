package srro.signify;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/** Gzip headers and signed comments: every failure is a format error or a reported mismatch. */
class GzipSignatureFuzzTest {
  private static final PublicKey KEY = Keys.signingKey(98).publicKey("fuzz");

  @FuzzTest
  void headersAndBlockListsFailCleanly(byte[] data) throws Exception {
    ByteArrayInputStream in = new ByteArrayInputStream(data);
    try {
      GzipSignature.Header h = GzipSignature.readHeader("fuzz.gz", in);
      Signature sig = GzipSignature.signature("fuzz.gz", h);
      GzipSignature.verify(KEY, sig, h);
      GzipSignature.BlockList b = GzipSignature.blocks("fuzz.gz", sig, h);
      if (b.blockSize() <= 1 << 16) {
        GzipSignature.copyBlocks(b, h, in, new ByteArrayOutputStream());
      }
    } catch (SignifyFormatException expected) {
      // malformed: reported
    }
  }
}
