package srro.signify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipSignatureTest {
  private final SigningKey key = Keys.signingKey(20);
  private final PublicKey pub = key.publicKey("p");

  private static byte[] gzip(int size) throws IOException {
    byte[] data = new byte[size];
    Keys.random(size).nextBytes(data);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(data);
    }
    return b.toByteArray();
  }

  /** What signify -Sz writes for {@code gz}. */
  private byte[] signed(byte[] gz) throws Exception {
    GzipSignature.Header h = GzipSignature.readHeader("in.gz", new ByteArrayInputStream(gz));
    byte[] rest = Arrays.copyOfRange(gz, h.length(), gz.length);
    byte[] text = GzipSignature.signedText("1970-01-01T00:00:00Z", "k.sec", new ByteArrayInputStream(rest));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(GzipSignature.signedHeader(h.extraFlags(), key.sign("verify with k.pub", text, 0, text.length), text));
    out.write(rest);
    return out.toByteArray();
  }

  private Optional<String> verify(byte[] file, ByteArrayOutputStream out) throws Exception {
    ByteArrayInputStream in = new ByteArrayInputStream(file);
    GzipSignature.Header h = GzipSignature.readHeader("x.gz", in);
    Signature sig = GzipSignature.signature("x.gz", h);
    assertTrue(GzipSignature.verify(pub, sig, h).verified());
    return GzipSignature.copyBlocks(GzipSignature.blocks("x.gz", sig, h), h, in, out);
  }

  @Test
  void roundTripsAFileOfSeveralBlocks() throws Exception {
    byte[] gz = gzip(200_000);
    byte[] s = signed(gz);
    assertEquals(0x10, s[3]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(Optional.empty(), verify(s, out));
    byte[] o = out.toByteArray();
    assertArrayEquals(Arrays.copyOfRange(gz, 10, gz.length), Arrays.copyOfRange(o, o.length - (gz.length - 10), o.length));
  }

  @Test
  void reportsADamagedBlock() throws Exception {
    byte[] s = signed(gzip(100_000));
    s[s.length - 10] ^= 1;
    assertEquals(Optional.of("signature mismatch"), verify(s, new ByteArrayOutputStream()));
  }

  @Test
  void reportsExtraAndMissingData() throws Exception {
    byte[] s = signed(gzip(70_000));
    byte[] longer = Arrays.copyOf(s, s.length + 70_000);
    assertEquals(Optional.of("signature mismatch"), verify(longer, new ByteArrayOutputStream()));
    byte[] shorter = Arrays.copyOf(s, s.length - 30_000);
    assertEquals(Optional.of("signature mismatch"), verify(shorter, new ByteArrayOutputStream()));
  }

  private static String headerError(byte[] b) {
    return assertThrows(
            SignifyFormatException.class, () -> GzipSignature.readHeader("x.gz", new ByteArrayInputStream(b)))
        .getMessage();
  }

  @Test
  void rejectsBadGzipHeaders() {
    assertEquals("gzheader truncated", headerError(new byte[] {0x1f, (byte) 0x8b, 8}));
    assertEquals("invalid magic in gzheader", headerError(new byte[12]));
    assertEquals("invalid flags in gzheader", headerError(new byte[] {0x1f, (byte) 0x8b, 8, 2, 0, 0, 0, 0, 0, 3, 0}));
    assertEquals("gzheader truncated", headerError(new byte[] {0x1f, (byte) 0x8b, 8, 16, 0, 0, 0, 0, 0, 3, 'x'}));
  }

  @Test
  void rejectsUnsignedAndShortSignatures() throws Exception {
    GzipSignature.Header plain = GzipSignature.readHeader("x.gz", new ByteArrayInputStream(gzip(10)));
    assertEquals(
        "unsigned gzip archive",
        assertThrows(SignifyFormatException.class, () -> GzipSignature.signature("x.gz", plain)).getMessage());
    byte[] shortComment = {0x1f, (byte) 0x8b, 8, 16, 0, 0, 0, 0, 0, 3, 'h', 'i', 0};
    GzipSignature.Header h = GzipSignature.readHeader("x.gz", new ByteArrayInputStream(shortComment));
    assertEquals(
        "signature too short in x.gz",
        assertThrows(SignifyFormatException.class, () -> GzipSignature.signature("x.gz", h)).getMessage());
  }

  private GzipSignature.Header withText(String text) throws Exception {
    byte[] t = Keys.ascii(text);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(GzipSignature.fakeHeader(0));
    out.write(key.sign("verify with k.pub", t, 0, t.length).encode());
    out.write(t);
    out.write(0);
    return GzipSignature.readHeader("x.gz", new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void rejectsASignedTextWithoutTheBlankLine() throws Exception {
    GzipSignature.Header h = withText("date=x\nsomething=else\n\n");
    Signature sig = GzipSignature.signature("x.gz", h);
    assertEquals(
        "invalid signature",
        assertThrows(SignifyFormatException.class, () -> GzipSignature.blocks("x.gz", sig, h)).getMessage());
  }

  @Test
  void readsTheBlockSizeAndBoundsIt() throws Exception {
    GzipSignature.Header h = withText("blocksize=1024\n\n");
    assertEquals(1024, GzipSignature.blocks("x.gz", GzipSignature.signature("x.gz", h), h).blockSize());
    GzipSignature.Header big = withText("blocksize=999999999999\n\n");
    assertEquals(
        "invalid blocksize in signature",
        assertThrows(
                SignifyFormatException.class,
                () -> GzipSignature.blocks("x.gz", GzipSignature.signature("x.gz", big), big))
            .getMessage());
  }

  @Test
  void reportsBlocksBeyondTheDigestsAsSignatureTruncated() throws Exception {
    String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512/256").digest(Keys.ascii("abcd")));
    GzipSignature.Header h = withText("blocksize=4\n\n" + digest + "\n");
    GzipSignature.BlockList b = GzipSignature.blocks("x.gz", GzipSignature.signature("x.gz", h), h);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(
        Optional.of("signature truncated"),
        GzipSignature.copyBlocks(b, h, new ByteArrayInputStream(Keys.ascii("abcdabcd")), out));
    assertEquals("abcd", Keys.text(out.toByteArray()));
  }

  @Test
  void reportsDigestsLeftOverAsFileTruncated() throws Exception {
    GzipSignature.Header h = withText("blocksize=4\n\n" + "0".repeat(64) + "\n");
    GzipSignature.BlockList b = GzipSignature.blocks("x.gz", GzipSignature.signature("x.gz", h), h);
    assertEquals(
        Optional.of("file truncated"),
        GzipSignature.copyBlocks(b, h, new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()));
  }
}
