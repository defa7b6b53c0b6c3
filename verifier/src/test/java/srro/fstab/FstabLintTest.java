package srro.fstab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import srro.findings.Finding;
import srro.findings.Severity;

/**
 * Golden files: every {@code NAME.fstab} under {@code srro/fstab} has a {@code NAME.expected} (header lines
 * {@code dialect:}, {@code readonly-volume: SPEC}, {@code finding: LINE ID SEVERITY}; an unknown key fails) and,
 * when a fix applies, {@code NAME.fixed} with the exact bytes after {@code --fix}.
 */
class FstabLintTest {
  static final Path DIR = Path.of("src/test/resources/srro/fstab");

  static Stream<String> goldens() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".fstab"))
          .map(n -> n.substring(0, n.length() - 6))
          .sorted()
          .collect(Collectors.toList())
          .stream();
    }
  }

  record Golden(Dialect dialect, Set<String> readOnly, List<String> findings) {}

  static Golden expected(String name) throws IOException {
    Dialect dialect = null;
    Set<String> ro = new HashSet<>();
    List<String> findings = new ArrayList<>();
    for (String l : Files.readAllLines(DIR.resolve(name + ".expected"))) {
      int colon = l.indexOf(": ");
      String key = l.substring(0, colon);
      String value = l.substring(colon + 2);
      switch (key) {
        case "dialect" -> dialect = Dialect.valueOf(value.toUpperCase(Locale.ROOT));
        case "readonly-volume" -> ro.add(value);
        case "finding" -> findings.add(value);
        default -> fail(name + ".expected: unknown key " + key);
      }
    }
    return new Golden(dialect, ro, findings);
  }

  static List<Finding> lint(Fstab f, Golden g) {
    return FstabLint.lint(f, e -> g.readOnly().contains(e.spec()) ? Optional.of(true) : Optional.of(false));
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void findsExactlyTheExpectedFindings(String name) throws Exception {
    Golden g = expected(name);
    byte[] bytes = Files.readAllBytes(DIR.resolve(name + ".fstab"));
    Fstab f = Fstab.parse(name, bytes, null, Dialect.LINUX);
    assertEquals(g.dialect(), f.dialect(), "detected dialect");
    List<String> got =
        lint(f, g).stream()
            .map(x -> x.line() + " " + x.id() + " " + x.severity().name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toList());
    assertEquals(g.findings(), got);
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void fixGivesTheGoldenBytesAndChangesOnlyPassnoFields(String name) throws Exception {
    Golden g = expected(name);
    byte[] bytes = Files.readAllBytes(DIR.resolve(name + ".fstab"));
    Fstab f = Fstab.parse(name, bytes, null, Dialect.LINUX);
    List<FstabFix.Edit> edits = FstabFix.plan(f, lint(f, g));
    Path fixed = DIR.resolve(name + ".fixed");
    if (!Files.exists(fixed)) {
      assertEquals(List.of(), edits, name + " has no .fixed file, so no edit may apply");
      return;
    }
    byte[] after = FstabFix.apply(f, edits);
    assertArrayEquals(Files.readAllBytes(fixed), after);
    Fstab again = Fstab.parse(name, after, f.dialect(), Dialect.LINUX);
    for (Finding x : lint(again, g)) {
      assertTrue(!x.fixable(), "still there after the fix: " + x);
    }
    assertEquals(List.of(), FstabFix.plan(again, lint(again, g)), "a second fix changes nothing");
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void parseThenEncodeIsTheIdentity(String name) throws Exception {
    byte[] bytes = Files.readAllBytes(DIR.resolve(name + ".fstab"));
    assertArrayEquals(bytes, Fstab.parse(name, bytes, null, Dialect.LINUX).encode());
  }

  @Test
  void goldenFilesCoverEveryFstabRuleAndBothSeveritiesOfEachDialect() throws Exception {
    Set<String> ids = new HashSet<>();
    for (String name : goldens().collect(Collectors.toList())) {
      for (String f : expected(name).findings()) {
        ids.add(f.split(" ")[1]);
      }
    }
    Set<String> all =
        Set.of(
            "short-entry", "extra-fields", "bad-freq", "bad-passno", "ro-passno", "ro-volume-passno",
            "rw-on-ro-volume", "nofsck-passno", "root-passno", "relative-mount-point", "duplicate-mount-point",
            "unknown-option", "duid-no-partition");
    assertEquals(all, ids);
  }

  @Test
  void volumeFactsUnknownKeepVolumeRulesSilent() throws Exception {
    Fstab f = Fstab.parse("t", "/dev/sd1a /a ffs rw 1 2\n".getBytes(), Dialect.OPENBSD, Dialect.LINUX);
    assertEquals(List.of(), FstabLint.lint(f, VolumeFacts.NONE));
  }

  @Test
  void linuxRootWithPassnoZeroIsAcceptedButOpenbsdRootIsNot() throws Exception {
    String line = "/dev/sda1 / ext4 rw 0 0\n";
    assertEquals(List.of(), FstabLint.lint(Fstab.parse("t", line.getBytes(), Dialect.LINUX, null), VolumeFacts.NONE));
    List<Finding> bsd = FstabLint.lint(Fstab.parse("t", line.getBytes(), Dialect.OPENBSD, null), VolumeFacts.NONE);
    assertEquals(1, bsd.size());
    assertEquals("root-passno", bsd.get(0).id());
    assertEquals(Severity.WARNING, bsd.get(0).severity());
  }

  @Test
  void findingsQuoteAtMostFortyCharactersOfAFieldNeverTheLine() throws Exception {
    String secret = "S".repeat(100);
    Fstab f = Fstab.parse("t", ("/dev/a /a ext4 rw " + secret + " 0\n").getBytes(), Dialect.LINUX, null);
    Finding bad = FstabLint.lint(f, VolumeFacts.NONE).get(0);
    assertEquals("fs_freq is '" + "S".repeat(40) + "...', expected a decimal number", bad.message());
  }

  @Test
  void messagesNameTheFieldAndWhatWasExpected() throws Exception {
    Fstab f = Fstab.parse("t", "/dev/sda1 /x ext4 rw 0 two\n".getBytes(), Dialect.LINUX, null);
    assertEquals("fs_passno is 'two', expected a decimal number", FstabLint.lint(f, VolumeFacts.NONE).get(0).message());
    Fstab d = Fstab.parse("t", "0123456789abcdef /x ffs rw 1 2\n".getBytes(), Dialect.OPENBSD, null);
    assertEquals(
        "DUID spec '0123456789abcdef' has no '.' and partition letter",
        FstabLint.lint(d, VolumeFacts.NONE).get(0).message());
  }

  @Test
  void theFsckMessageNamesTheEntrysOwnFileSystemAndOs() throws Exception {
    Fstab linux = Fstab.parse("fstab", "/dev/sdb1 /data ext4 ro 0 2\n".getBytes(), Dialect.LINUX, null);
    String m = FstabLint.lint(linux, VolumeFacts.NONE).get(0).message();
    assertEquals("read-only entry has fs_passno 2: fsck.ext4 opens it for writing, fails with 'Read-only file"
        + " system' on a read-only device, and the boot stops in emergency mode", m);
    Fstab bsd = Fstab.parse("fstab", "/dev/sd1a /data ffs ro 1 2\n".getBytes(), Dialect.OPENBSD, null);
    assertEquals("read-only entry has fs_passno 2: fsck_ffs opens it for writing, stops with NO WRITE ACCESS on a"
        + " read-only device, and the boot stops in single-user mode",
        FstabLint.lint(bsd, VolumeFacts.NONE).get(0).message());
    Fstab msdos = Fstab.parse("fstab", "/dev/sd1i /data msdos ro 0 2\n".getBytes(), Dialect.OPENBSD, null);
    assertTrue(FstabLint.lint(msdos, VolumeFacts.NONE).get(0).message().contains("fsck_msdos"));
    Fstab auto = Fstab.parse("fstab", "/dev/sdb1 /data auto ro 0 2\n".getBytes(), Dialect.LINUX, null);
    assertTrue(FstabLint.lint(auto, VolumeFacts.NONE).get(0).message().contains(": fsck opens"));
  }
}
