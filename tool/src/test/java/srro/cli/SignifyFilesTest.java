package srro.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import srro.patch.CannotWriteException;

class SignifyFilesTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final SignifyFiles fs =
      new SignifyFiles(
          new Io(new ByteArrayInputStream("in".getBytes()), new PrintStream(stdout, true), System.err, Map.of()));

  @Test
  void readsKeyFilesOnlyUpTo2047BytesLikeSignify() throws Exception {
    Path f = dir.resolve("big.pub");
    Files.write(f, new byte[5000]);
    assertEquals(2047, fs.readKeyFile(f.toString()).length);
  }

  @Test
  void holdsARegularFileAndReadsItTwiceFromItsStart() throws Exception {
    Path f = dir.resolve("m");
    Files.write(f, "twice".getBytes());
    try (SignifyFiles.HeldFile h = fs.hold(f.toString()).orElseThrow()) {
      for (int pass = 0; pass < 2; pass++) {
        try (java.io.InputStream in = h.open()) {
          assertArrayEquals("twice".getBytes(), in.readAllBytes());
        }
      }
      h.checkUnchanged();
      assertEquals(f.toString(), h.name());
    }
    assertTrue(fs.hold("-").isEmpty());
  }

  @Test
  void refusesAHeldFileThatChangedBetweenThePasses() throws Exception {
    Path f = dir.resolve("m");
    Files.write(f, "before".getBytes());
    try (SignifyFiles.HeldFile h = fs.hold(f.toString()).orElseThrow()) {
      h.open().readAllBytes();
      Files.write(f, "after!".getBytes()); // same size: only the time tells
      Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(0));
      srro.signify.MessageChangedException e =
          assertThrows(srro.signify.MessageChangedException.class, h::open);
      assertEquals(f + ": changed while it was being signed; no signature was made", e.getMessage());
    }
    try (SignifyFiles.HeldFile h = fs.hold(f.toString()).orElseThrow()) {
      Files.write(f, "longer than before".getBytes());
      assertThrows(srro.signify.MessageChangedException.class, h::checkUnchanged);
      // a pass never reads past the size the file had when it was held
      assertThrows(srro.signify.MessageChangedException.class, h::open);
    }
  }

  @Test
  void dashIsStandardInputAndOutput() throws Exception {
    assertArrayEquals("in".getBytes(), fs.readMessage("-"));
    try (SignifyFiles.Output o = fs.create("-", false, false)) {
      o.stream().write("out".getBytes());
      o.commit();
    }
    assertEquals("out", stdout.toString());
  }

  @Test
  void writesNothingUnlessCommitted() throws Exception {
    String target = dir.resolve("sig").toString();
    try (SignifyFiles.Output o = fs.create(target, false, false)) {
      o.stream().write("partial".getBytes());
    }
    assertFalse(Files.exists(Path.of(target)));
    try (var s = Files.list(dir)) {
      assertEquals(0, s.count(), "temporary file left behind");
    }
  }

  @Test
  void replacesOrRefusesAnExistingFile() throws Exception {
    Path target = dir.resolve("f");
    Files.writeString(target, "old");
    try (SignifyFiles.Output o = fs.create(target.toString(), false, false)) {
      o.stream().write("new".getBytes());
      o.commit();
    }
    assertEquals("new", Files.readString(target));
    CannotWriteException e = assertThrows(CannotWriteException.class, () -> fs.create(target.toString(), true, true));
    assertEquals("can't open " + target + " for writing: file exists", e.getMessage());
    assertEquals(ExitCode.IOERR, Reporter.classify(e), "an output is not an input that cannot be opened");
  }

  @Test
  void refusesAnOutputThatIsASymlinkOrNotARegularFileAsSignifyDoes() throws Exception {
    Path victim = Files.writeString(dir.resolve("victim"), "precious");
    Path link = dir.resolve("out.sig");
    Files.createSymbolicLink(link, victim);
    for (boolean exclusive : new boolean[] {false, true}) {
      CannotWriteException e = assertThrows(CannotWriteException.class, () -> fs.create(link.toString(), exclusive,
          false));
      assertTrue(e.getMessage().startsWith("can't open " + link + " for writing: "), e.getMessage());
    }
    assertEquals("precious", Files.readString(victim));
    assertTrue(Files.isSymbolicLink(link));
    CannotWriteException dev = assertThrows(CannotWriteException.class, () -> fs.create("/dev/null", false, false));
    assertEquals("can't open /dev/null for writing: not a regular file; not followed or replaced", dev.getMessage());
    CannotWriteException stdout = assertThrows(CannotWriteException.class,
        () -> fs.create("/dev/stdout", false, false));
    assertEquals("can't open /dev/stdout for writing: is a symbolic link; not followed or replaced",
        stdout.getMessage());
    assertTrue(Files.isSymbolicLink(Path.of("/dev/stdout")));
  }

  @Test
  void hashesFilesForChecksumListsAndFailsUnreadableOnes() throws Exception {
    Path f = dir.resolve("x");
    Files.writeString(f, "abc");
    assertEquals(32, fs.digest("SHA-256", f.toString()).orElseThrow().length);
    assertTrue(fs.digest("SHA-512", dir.resolve("missing").toString()).isEmpty());
    assertTrue(fs.digest("SHA-256", dir.toString()).isEmpty());
  }
}
