package srro.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tarball reader: gzip members as gzip -dc reads them, damaged data malformed with an offset. */
class ArchiveSourceTest {
  @TempDir Path tmp;

  private static byte[] tar(String... namesAndContents) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(raw)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        byte[] data = namesAndContents[i + 1].getBytes(StandardCharsets.ISO_8859_1);
        TarArchiveEntry e = new TarArchiveEntry(namesAndContents[i]);
        e.setSize(data.length);
        t.putArchiveEntry(e);
        t.write(data);
        t.closeArchiveEntry();
      }
    }
    return raw.toByteArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private Path file(String name, byte[] bytes) throws IOException {
    return Files.write(tmp.resolve(name), bytes);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  void keepsOnlyTheWantedEntriesOfALargeArchive() throws Exception {
    byte[] noise = new byte[3 << 20]; // several inflate steps of 256 KiB before and after the wanted entry
    new Random(1).nextBytes(noise);
    String blob = new String(noise, StandardCharsets.ISO_8859_1);
    String big = "x\n".repeat(400_000);
    Path tgz = file("a.tgz", gzip(tar("./src/blob", blob, "./src/big.c", big, "src/other", blob)));
    ArchiveSource s = read(tgz, Set.of("src/big.c", "src/none"), null);
    assertArrayEquals(big.getBytes(StandardCharsets.ISO_8859_1), s.read("src/big.c").orElseThrow());
    assertEquals(Optional.empty(), s.read("src/none"));
    assertEquals(Optional.empty(), s.read("src/blob"));
  }

  @Test
  void withNoThreadForThePassTheEntriesAreAnIoFailureNotAHang() throws Exception {
    Path tgz = file("a.tgz", gzip(tar("a.c", "a\n")));
    ArchiveSource.Reading r;
    srro.Threads.refuse = true;
    try {
      r = ArchiveSource.start(tgz, () -> Set.of("a.c"), null);
    } finally {
      srro.Threads.refuse = false;
    }
    IOException e = assertThrows(IOException.class, () -> r.await(Set.of("a.c")));
    assertEquals(tgz + ": not read: no thread could be started for the pass over it (this process is at its"
        + " thread or process limit)", e.getMessage());
  }

  @Test
  void readsConcatenatedMembersAsOneStream() throws Exception {
    byte[] t = tar("a.c", "a\n".repeat(1000), "b.c", "b\n");
    int cut = 700; // inside the first entry's data
    Path tgz = file("two.tgz", concat(gzip(Arrays.copyOf(t, cut)), gzip(Arrays.copyOfRange(t, cut, t.length))));
    ArchiveSource s = read(tgz, Set.of("a.c", "b.c"), null);
    assertEquals("b\n", new String(s.read("b.c").orElseThrow(), StandardCharsets.ISO_8859_1));
    assertEquals(2000, s.read("a.c").orElseThrow().length);
  }

  @Test
  void aSupersetOfNamesIsNarrowedToTheOnesAwaited() throws Exception {
    Path tgz = file("s.tgz", gzip(tar("a.c", "a\n", "b.c", "b\n")));
    ArchiveSource s = ArchiveSource.start(tgz, () -> Set.of("a.c", "b.c"), null).await(Set.of("a.c"));
    assertTrue(s.read("a.c").isPresent());
    assertEquals(Optional.empty(), s.read("b.c"));
  }

  @Test
  void aPlanMadeEarlyIsOnlyKeptIfTheWholeArchiveGivesTheSameAnswers() throws Exception {
    byte[] noise = new byte[2 << 20]; // decompressing this takes a while after the first a.c arrived
    new Random(2).nextBytes(noise);
    String blob = new String(noise, StandardCharsets.ISO_8859_1);
    Path again = file("again.tgz", gzip(tar("a.c", "old\n", "blob", blob, "a.c", "new\n")));
    Path same = file("same.tgz", gzip(tar("a.c", "only\n", "blob", blob)));
    java.util.List<Set<String>> groups = java.util.List.of(Set.of("a.c"));
    for (int i = 0; i < 3; i++) {
      String later = ArchiveSource.start(again, () -> Set.of("a.c"), null).plan(Set.of("a.c"), groups,
          s -> new String(s.read("a.c").orElseThrow(), StandardCharsets.ISO_8859_1));
      assertEquals("new\n", later, "a later entry of the same name is the one planned");
      String only = ArchiveSource.start(same, () -> Set.of("a.c"), null).plan(Set.of("a.c"), groups,
          s -> new String(s.read("a.c").orElseThrow(), StandardCharsets.ISO_8859_1));
      assertEquals("only\n", only);
    }
    byte[] cut = gzip(tar("a.c", "old\n", "blob", blob));
    Path broken = file("broken.tgz", Arrays.copyOf(cut, cut.length - 100));
    assertThrows(ArchiveFormatException.class, () -> ArchiveSource.start(broken, () -> Set.of("a.c"), null)
        .plan(Set.of("a.c"), groups, s -> s.read("a.c")), "the archive's failure wins over an early plan");
  }

  /** The whole archive read for {@code wanted}, as status --archive reads it when its names are known. */
  private static ArchiveSource read(Path tgz, Set<String> wanted, java.io.PrintStream progress)
      throws IOException, ArchiveFormatException {
    return ArchiveSource.start(tgz, () -> wanted, progress).await(wanted);
  }

  private static ArchiveFormatException malformed(Path tgz) {
    return assertThrows(ArchiveFormatException.class, () -> read(tgz, Set.of("a.c"), null));
  }

  @Test
  void damagedGzipDataIsMalformedWithTheOffsetReached() throws Exception {
    byte[] good = gzip(tar("a.c", "a\n"));

    byte[] crc = good.clone();
    crc[crc.length - 8] ^= 1;
    ArchiveFormatException e = malformed(file("crc.tgz", crc));
    assertTrue(e.getMessage().contains("not a well-formed .tar.gz: gzip-compressed data is corrupt (crc32 error)"),
        e.getMessage());
    assertEquals(crc.length - 4, e.offset());

    byte[] size = good.clone();
    size[size.length - 1] ^= 1;
    assertTrue(malformed(file("size.tgz", size)).getMessage().contains("(uncompressed size mismatch)"));

    ArchiveFormatException after = malformed(file("after.tgz", concat(good, "junk".getBytes(StandardCharsets.UTF_8))));
    assertTrue(after.getMessage().contains("unexpected data after a valid .gz stream"), after.getMessage());
    assertEquals(good.length + 1, after.offset());

    byte[] method = good.clone();
    method[2] = 7;
    assertTrue(malformed(file("method.tgz", method)).getMessage().contains("unsupported compression method 7"));

    byte[] flags = good.clone();
    flags[3] = (byte) 0x80;
    assertTrue(malformed(file("flags.tgz", flags)).getMessage().contains("reserved flags are set"));

    byte[] deflate = good.clone();
    deflate[10] = (byte) 0xff; // an invalid deflate block type
    assertTrue(malformed(file("deflate.tgz", deflate)).getMessage().contains("gzip-compressed data is corrupt"));

    assertTrue(malformed(file("empty.tgz", new byte[0])).getMessage().contains("not in the .gz format"));
  }

  @Test
  void anArchiveCutShortIsTruncated() throws Exception {
    byte[] good = gzip(tar("a.c", "a\n".repeat(5000)));
    for (int cut : new int[] {5, good.length / 2, good.length - 3}) {
      ArchiveFormatException e = malformed(file("cut" + cut + ".tgz", Arrays.copyOf(good, cut)));
      assertTrue(e.getMessage().contains("truncated: the archive ends in the middle"), e.getMessage());
      assertTrue(e.offset() <= cut, e.offset() + " > " + cut);
    }
  }
}
