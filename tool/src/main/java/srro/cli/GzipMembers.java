package srro.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The decompressed bytes of a gzip file (RFC 1952) of one or more members, as {@code gzip -dc} reads it, with
 * the JDK's {@link Inflater} (the system's zlib) in large steps: 256 KiB of compressed input and of output at a
 * time, where Commons Compress's stream inflated into its caller's 512-byte tar records and 8 KiB skips. The
 * checks and their messages are Commons Compress 1.28's (which this replaces for {@code status --archive}):
 * the magic, method 8, no reserved flags, the extra field's subfield lengths, each member's CRC-32 and size;
 * anything after the last member but another member is malformed. A format error is a {@link Malformed};
 * input that ends early is an {@link EOFException}. {@link #offset()} is the compressed offset reached.
 */
final class GzipMembers extends InputStream {
  private static final int STEP = 1 << 18;

  /** The input is not a well-formed gzip file; the message says why. */
  static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final InputStream in;
  private final byte[] input = new byte[STEP];
  private int inPos;
  private int inLen;
  /** The archive offset of input[0]. */
  private long inBase;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] out = new byte[STEP];
  private int outPos;
  private int outLen;
  private boolean started;
  /** Inside a member's deflate data: the inflater holds input[inLen - remaining, inLen). */
  private boolean inMember;
  private boolean end;

  GzipMembers(InputStream in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /** How many bytes of the compressed input have been decoded. */
  long offset() {
    return inBase + inPos - (inMember ? inflater.getRemaining() : 0);
  }

  @Override
  public int read() throws IOException {
    while (outPos == outLen) {
      if (!inflate()) {
        return -1;
      }
    }
    return out[outPos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    while (outPos == outLen) {
      if (!inflate()) {
        return -1;
      }
    }
    int n = Math.min(len, outLen - outPos);
    System.arraycopy(out, outPos, b, off, n);
    outPos += n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      if (outPos == outLen && !inflate()) {
        break;
      }
      int k = (int) Math.min(left, outLen - outPos);
      outPos += k;
      left -= k;
    }
    return n - left;
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    in.close();
  }

  /** Refills {@link #out}; false at the end of the last member. */
  private boolean inflate() throws IOException {
    if (!started) {
      started = true;
      header(true);
    }
    outPos = 0;
    outLen = 0;
    while (!end) {
      if (inflater.needsInput()) {
        if (inPos == inLen && !fill()) {
          throw new EOFException();
        }
        inflater.setInput(input, inPos, inLen - inPos);
        inPos = inLen;
      }
      int n;
      try {
        n = inflater.inflate(out, 0, out.length);
      } catch (DataFormatException e) {
        throw new Malformed("Gzip-compressed data is corrupt.", e);
      }
      crc.update(out, 0, n);
      outLen = n;
      if (inflater.finished()) {
        inPos = inLen - inflater.getRemaining();
        inMember = false;
        trailer();
        if (!header(false)) {
          end = true;
        }
      } else if (n == 0 && !inflater.needsInput()) {
        throw new Malformed("Gzip-compressed data is corrupt.", null); // a preset dictionary, or no progress
      }
      if (outLen > 0) {
        return true;
      }
    }
    return false;
  }

  /** Reads a member's header; false (for a later member only) when the input ends instead. */
  private boolean header(boolean first) throws IOException {
    int b = next();
    if (b < 0 && !first) {
      return false;
    }
    if (b != 31 || next() != 139) {
      throw new Malformed(first ? "Input is not in the .gz format." : "Unexpected data after a valid .gz stream.",
          null);
    }
    int method = need();
    if (method != 8) {
      throw new Malformed("Unsupported compression method " + method + " in the .gz header", null);
    }
    int flags = need();
    if ((flags & 0xe0) != 0) {
      throw new Malformed("Reserved flags are set in the .gz header.", null);
    }
    for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system
      need();
    }
    if ((flags & 4) != 0) {
      int length = need();
      length |= need() << 8;
      byte[] extra = new byte[length];
      for (int i = 0; i < length; i++) {
        extra[i] = (byte) need();
      }
      int i = 0;
      while (i <= length - 4) { // subfields: two id bytes and a little-endian length
        int sub = (extra[i + 2] & 0xff) | (extra[i + 3] & 0xff) << 8;
        i += 4;
        if (sub > length - i) {
          throw new Malformed("Extra subfield lenght exceeds remaining bytes in extra: " + sub + " > "
              + (length - i), null);
        }
        i += sub;
      }
    }
    if ((flags & 8) != 0) { // file name
      while (need() != 0) {
        continue;
      }
    }
    if ((flags & 16) != 0) { // comment
      while (need() != 0) {
        continue;
      }
    }
    if ((flags & 2) != 0) { // header CRC, not checked (nor by Commons Compress)
      need();
      need();
    }
    inflater.reset();
    crc.reset();
    inMember = true;
    return true;
  }

  private void trailer() throws IOException {
    if (le32() != crc.getValue()) {
      throw new Malformed("Gzip-compressed data is corrupt (CRC32 error).", null);
    }
    if (le32() != (inflater.getBytesWritten() & 0xffffffffL)) {
      throw new Malformed("Gzip-compressed data is corrupt (uncompressed size mismatch).", null);
    }
  }

  private long le32() throws IOException {
    long v = need();
    v |= (long) need() << 8;
    v |= (long) need() << 16;
    v |= (long) need() << 24;
    return v;
  }

  /** The next input byte outside the deflate data, or -1 at the end. */
  private int next() throws IOException {
    if (inPos == inLen && !fill()) {
      return -1;
    }
    return input[inPos++] & 0xff;
  }

  private int need() throws IOException {
    int b = next();
    if (b < 0) {
      throw new EOFException();
    }
    return b;
  }

  private boolean fill() throws IOException {
    inBase += inLen;
    inPos = 0;
    inLen = 0;
    int n = in.read(input, 0, input.length);
    if (n <= 0) {
      return false;
    }
    inLen = n;
    return true;
  }
}
