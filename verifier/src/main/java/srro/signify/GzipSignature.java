package srro.signify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * signify's gzip-embedded signatures ({@code -z}, zsig.c): the gzip header's comment holds a signature and the
 * signed text {@code date=…\nkey=…\nalgorithm=SHA512/256\nblocksize=65536\n\n} followed by one SHA-512/256
 * hex line per block of the compressed data. Verification checks the signature, then each block before it is
 * passed on.
 */
public final class GzipSignature {
  /** zsig.c MYBUFSIZE. */
  public static final int BLOCK_BYTES = 65536;
  /** A gzip header (name and comment) longer than this is refused; a 1 GiB file's comment is about 1 MiB. */
  public static final int MAX_HEADER_BYTES = 1 << 26;
  /** The largest blocksize= accepted from a signed header. */
  public static final int MAX_BLOCK_BYTES = 1 << 26;

  private static final int HEADER_BYTES = 10;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int DIGEST_LINE = 65;

  private GzipSignature() {}

  /**
   * The start of a gzip file as zsig.c {@code readgz_header} reads it.
   *
   * @param flags FLG; only FNAME and FCOMMENT may be set
   * @param extraFlags XFL, copied into the signed file's header
   * @param length the header's length in bytes, name and comment included
   * @param comment the comment without its NUL, or null when FCOMMENT is not set
   * @param rest bytes read past the header (the start of the compressed data)
   */
  public record Header(int flags, int extraFlags, int length, byte[] comment, byte[] rest) {
    public boolean signed() {
      return (flags & FCOMMENT) != 0;
    }
  }

  /** The verified contents of the signed comment: the block size and the expected digests. */
  public record BlockList(int blockSize, byte[] digests) {}

  /** Reads the gzip header from {@code in}. */
  public static Header readHeader(String source, InputStream in) throws IOException, SignifyFormatException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int pos = -1;
    int nameEnd = -1;
    while (true) {
      int n = in.read(chunk);
      if (n < 0) {
        throw new SignifyFormatException(source, buf.size(), "gzheader truncated");
      }
      buf.write(chunk, 0, n);
      if (buf.size() > MAX_HEADER_BYTES) {
        throw new SignifyFormatException(source, -1, "gzip header longer than " + MAX_HEADER_BYTES + " bytes");
      }
      byte[] b = buf.toByteArray();
      if (b.length < HEADER_BYTES) {
        continue;
      }
      if ((b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b || b[2] != 8) {
        throw new SignifyFormatException(source, 0, "invalid magic in gzheader");
      }
      int flags = b[3] & 0xff;
      if ((flags & ~(FCOMMENT | FNAME)) != 0) {
        throw new SignifyFormatException(source, 3, "invalid flags in gzheader");
      }
      pos = HEADER_BYTES;
      if ((flags & FNAME) != 0) {
        nameEnd = indexOfNul(b, pos);
        if (nameEnd < 0) {
          continue;
        }
        pos = nameEnd + 1;
      }
      byte[] comment = null;
      if ((flags & FCOMMENT) != 0) {
        int end = indexOfNul(b, pos);
        if (end < 0) {
          continue;
        }
        comment = Arrays.copyOfRange(b, pos, end);
        pos = end + 1;
      }
      return new Header(flags, b[8] & 0xff, pos, comment, Arrays.copyOfRange(b, pos, b.length));
    }
  }

  private static int indexOfNul(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The signature at the start of the comment (zsig.c {@code verifyzdata}). */
  public static Signature signature(String source, Header h) throws SignifyFormatException {
    if (!h.signed()) {
      throw new SignifyFormatException(source, 3, "unsigned gzip archive");
    }
    if (h.comment().length < Signature.LENGTH) {
      throw SignifyFormatException.inSignifyWords(source, HEADER_BYTES, "signature too short in " + source);
    }
    return Signature.parse(source, h.comment(), h.comment().length);
  }

  /** Checks the comment's signature: the signed text is what follows the signature lines. */
  public static Verification verify(PublicKey key, Signature sig, Header h) {
    byte[] c = h.comment();
    return key.verify(sig, c, sig.length(), c.length - sig.length());
  }

  /** Parses the verified signed text for the block size and digests (zsig.c {@code zverify}). */
  public static BlockList blocks(String source, Signature sig, Header h) throws SignifyFormatException {
    byte[] c = h.comment();
    int p = sig.length();
    int blockSize = BLOCK_BYTES;
    while (true) {
      String rest = new String(c, p, Math.min(c.length - p, 64), StandardCharsets.ISO_8859_1);
      if (rest.startsWith("blocksize=")) {
        int i = "blocksize=".length();
        long v = 0;
        int digits = 0;
        while (i < rest.length() && Character.isDigit(rest.charAt(i)) && v <= MAX_BLOCK_BYTES) {
          v = v * 10 + (rest.charAt(i++) - '0');
          digits++;
        }
        if (digits == 0) {
          break;
        }
        if (v == 0 || v > MAX_BLOCK_BYTES) {
          throw new SignifyFormatException(source, HEADER_BYTES + p, "invalid blocksize in signature");
        }
        blockSize = (int) v;
      } else if (!rest.startsWith("algorithm=SHA512/256") && !rest.startsWith("date=") && !rest.startsWith("key=")) {
        break;
      }
      while (p < c.length && c[p] != '\n') {
        p++;
      }
      p++;
      if (p >= c.length) {
        break;
      }
    }
    if (p >= c.length || c[p] != '\n') {
      throw new SignifyFormatException(source, HEADER_BYTES + Math.min(p, c.length), "invalid signature");
    }
    return new BlockList(blockSize, Arrays.copyOfRange(c, p + 1, c.length));
  }

  /** The gzip header signify writes in front of a signed file: FCOMMENT set, mtime 0, OS Unix. */
  static byte[] fakeHeader(int extraFlags) {
    return new byte[] {0x1f, (byte) 0x8b, 8, FCOMMENT, 0, 0, 0, 0, (byte) extraFlags, 3};
  }

  /**
   * What zsig.c {@code zsign} writes before the compressed data: the fake header, then as its comment the
   * signature lines and the signed text, then the comment's NUL.
   *
   * @param extraFlags XFL of the archive being signed
   * @param signedText {@link #signedText}'s result, which {@code sig} signs
   */
  public static byte[] signedHeader(int extraFlags, Signature sig, byte[] signedText) {
    return header(extraFlags, sig.encode(), signedText);
  }

  /**
   * What zsig.c {@code zverify} writes before the compressed data it passes on: the fake header and the
   * signed comment as read, so the output verifies again.
   */
  public static byte[] verifiedHeader(Header h) {
    return header(h.extraFlags(), h.comment());
  }

  private static byte[] header(int extraFlags, byte[]... comment) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(fakeHeader(extraFlags));
    for (byte[] part : comment) {
      out.writeBytes(part);
    }
    out.write(0);
    return out.toByteArray();
  }

  /**
   * Passes the compressed data (the header's {@link Header#rest()} then {@code in}) to {@code out} block by
   * block, each only after its digest matched. Returns signify's message when a block does not match
   * ("signature mismatch", "signature truncated", "file truncated").
   */
  public static Optional<String> copyBlocks(BlockList list, Header h, InputStream in, OutputStream out)
      throws IOException {
    InputStream data = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(h.rest()), in);
    byte[] block = new byte[list.blockSize()];
    byte[] digests = list.digests();
    int sha = 0;
    MessageDigest md = sha512256();
    while (true) {
      int n = data.readNBytes(block, 0, block.length);
      if (n == 0) {
        break;
      }
      md.update(block, 0, n);
      byte[] hex = HexFormat.of().formatHex(md.digest()).getBytes(StandardCharsets.US_ASCII);
      if (digests.length - sha < hex.length) {
        return Optional.of("signature truncated");
      }
      if (!Arrays.equals(hex, 0, hex.length, digests, sha, sha + hex.length)
          || sha + hex.length >= digests.length
          || digests[sha + hex.length] != '\n') {
        return Optional.of("signature mismatch");
      }
      sha += DIGEST_LINE;
      out.write(block, 0, n);
      if (n != block.length) {
        break;
      }
    }
    if (sha != digests.length) {
      return Optional.of("file truncated");
    }
    return Optional.empty();
  }

  /**
   * The text zsig.c {@code zsign} signs for the compressed data in {@code data}.
   *
   * @param date "1970-01-01T00:00:00Z" with -n, else the current time in that form
   * @param key the secret key file as named on the command line
   */
  public static byte[] signedText(String date, String key, InputStream data) throws IOException {
    ByteArrayOutputStream msg = new ByteArrayOutputStream();
    msg.writeBytes(
        ("date=" + date + "\nkey=" + key + "\nalgorithm=SHA512/256\nblocksize=" + BLOCK_BYTES + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
    byte[] block = new byte[BLOCK_BYTES];
    MessageDigest md = sha512256();
    for (int n; (n = data.readNBytes(block, 0, block.length)) > 0; ) {
      md.update(block, 0, n);
      msg.writeBytes(HexFormat.of().formatHex(md.digest()).getBytes(StandardCharsets.US_ASCII));
      msg.write('\n');
    }
    return msg.toByteArray();
  }

  private static MessageDigest sha512256() {
    try {
      return MessageDigest.getInstance("SHA-512/256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
