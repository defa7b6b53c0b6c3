package srro.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import srro.kit.UnifiedDiffShape.FileDiff;
import srro.kit.UnifiedDiffShape.Hunk;
import srro.testing.Peer;
import srro.testing.ReferenceTrees.KitTree;
import srro.testing.ReferenceTrees;

/**
 * Every kit in patches/ as data: every diff has the errata shape, a header and style(9) added lines; ORIGINALS
 * lists exactly the files the diffs touch, with the hashes of the release's reference tree; GNU patch applies the
 * whole kit with -F0 and no offset to a copy of that tree, and exactly, and in reverse, on originals rebuilt from
 * the diffs' own pre-images; and every kit makes the same changes, line for line, as the 7.7 kit.
 */
class KitDiffsTest {
  private static final Pattern NAME = Pattern.compile("(\\d{3})_[a-z0-9_]+\\.diff");
  private static final Pattern C_INDENT = Pattern.compile("\\t* {0,4}(\\S.*)?");

  /** The kit's diffs, read. */
  private record Diffs(Path kit, List<UnifiedDiffShape> diffs) {}

  private static Diffs read(KitTree k) throws IOException {
    Path kit = ReferenceTrees.kit(k);
    List<UnifiedDiffShape> diffs = new ArrayList<>();
    for (Path p : diffFiles(kit)) {
      diffs.add(UnifiedDiffShape.parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.ISO_8859_1)));
    }
    return new Diffs(kit, diffs);
  }

  /** How the kit names its release in the diff headers: "7.7", or "-current". */
  static String label(KitTree k) {
    return k.kit().substring("openbsd-".length()).replace("current", "-current");
  }

  /** The kit directory, found from the module directory Maven runs the tests in. */
  static Path locateKit() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path k = d.resolve("patches/openbsd-7.7");
      if (Files.isDirectory(k)) {
        return k;
      }
    }
    throw new IllegalStateException("patches/openbsd-7.7 not found above " + Path.of("").toAbsolutePath());
  }

  private static List<Path> diffFiles(Path kit) throws IOException {
    try (Stream<Path> s = Files.list(kit)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".diff")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void kitHoldsNumberedDiffsOriginalsAndReadmeOnly(KitTree k) throws IOException {
    Path kit = ReferenceTrees.kit(k);
    List<String> names;
    try (Stream<Path> s = Files.list(kit)) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<String> diffNames = names.stream().filter(n -> n.endsWith(".diff")).toList();
    assertFalse(diffNames.isEmpty());
    for (int i = 0; i < diffNames.size(); i++) {
      var m = NAME.matcher(diffNames.get(i));
      assertTrue(m.matches(), diffNames.get(i) + ": expected NNN_name.diff");
      assertEquals(i + 1, Integer.parseInt(m.group(1)), diffNames.get(i) + ": numbers must run 001, 002, ...");
    }
    Set<String> others = new LinkedHashSet<>(names);
    diffNames.forEach(others::remove);
    assertEquals(Set.of("ORIGINALS", "README.md"), others);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void everyDiffHasAnErrataHeaderSayingWhichItIsAndHowToRebuild(KitTree k) throws IOException {
    List<UnifiedDiffShape> diffs = read(k).diffs();
    for (UnifiedDiffShape d : diffs) {
      String number = d.name().substring(0, 3);
      List<String> h = d.header();
      assertTrue(h.size() >= 5, d.name() + ": header too short");
      assertTrue(h.get(0).startsWith("srro softraid read-only kit for OpenBSD " + label(k) + ", diff " + number + " of "
          + String.format("%03d", diffs.size()) + ":"), d.name() + ": first line names the kit and the diff");
      assertTrue(h.stream().anyMatch(l -> l.contains("make install")), d.name() + ": no rebuild step");
      assertTrue(h.stream().anyMatch(l -> l.contains("srro kit apply") || l.contains("as described in 001")),
          d.name() + ": no apply step");
      assertEquals("", h.get(h.size() - 1), d.name() + ": a blank line ends the header");
      for (String l : h) {
        assertTrue(columns(l) <= 72, d.name() + ": header line over 72 columns: " + l);
        assertFalse(l.endsWith(" ") || l.endsWith("\t"), d.name() + ": trailing whitespace in header: " + l);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void everyDiffParsesWithSrrosOwnParserAsTheShapeReaderSees(KitTree k) throws Exception {
    Diffs r = read(k);
    Path kit = r.kit();
    for (UnifiedDiffShape d : r.diffs()) {
      srro.patch.Patchset p = srro.patch.Patchset.parse(d.name(), Files.readAllBytes(kit.resolve(d.name())));
      assertEquals(d.files().stream().map(FileDiff::path).toList(),
          p.files().stream().map(srro.patch.FilePatch::newName).toList(), d.name());
      assertEquals(d.files().stream().mapToInt(f -> f.hunks().size()).sum(), p.hunkCount(), d.name());
      assertTrue(p.description().startsWith("srro softraid read-only kit for OpenBSD " + label(k) + ","), d.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void pathsAreRelativeToUsrSrcAndNeverLeaveIt(KitTree k) throws IOException {
    for (UnifiedDiffShape d : read(k).diffs()) {
      for (FileDiff f : d.files()) {
        assertFalse(f.path().startsWith("/") || f.path().startsWith("usr/src") || f.path().startsWith("a/"),
            d.name() + ": " + f.path() + " is not -p0 from /usr/src");
        assertFalse(("/" + f.path() + "/").contains("/../") || f.path().contains("//"), d.name() + ": " + f.path());
        new Original(f.path(), "0".repeat(64), "1.1"); // the path rules ORIGINALS enforces
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void addedLinesFollowStyle9(KitTree k) throws IOException {
    for (UnifiedDiffShape d : read(k).diffs()) {
      for (FileDiff f : d.files()) {
        boolean c = f.path().endsWith(".c") || f.path().endsWith(".h");
        for (Hunk h : f.hunks()) {
          for (String l : h.lines()) {
            String where = d.name() + ": " + f.path() + ": \"" + l + "\"";
            if (l.charAt(0) != ' ') {
              assertFalse(l.contains("$OpenBSD"), where + ": the $OpenBSD$ line must stay untouched");
            }
            if (l.charAt(0) != '+') {
              continue;
            }
            String text = l.substring(1);
            assertFalse(text.endsWith(" ") || text.endsWith("\t"), where + ": trailing whitespace");
            assertTrue(columns(text) <= 80, where + ": over 80 columns");
            if (c) {
              assertTrue(C_INDENT.matcher(text).matches(), where + ": indent with tabs, then at most 4 spaces");
            }
            if (c && f.path().startsWith("sys/")) {
              assertFalse(text.matches(".*\\breturn [^(;].*;"), where + ": softraid writes return (x);");
            }
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void noDiffOnlyChangesWhitespace(KitTree k) throws IOException {
    for (UnifiedDiffShape d : read(k).diffs()) {
      for (FileDiff f : d.files()) {
        for (Hunk h : f.hunks()) {
          List<String> removed = new ArrayList<>();
          List<String> added = new ArrayList<>();
          for (String l : h.lines()) {
            if (l.charAt(0) == '-') {
              removed.add(l.substring(1).replaceAll("\\s+", ""));
            } else if (l.charAt(0) == '+') {
              added.add(l.substring(1).replaceAll("\\s+", ""));
            }
          }
          assertFalse(!removed.isEmpty() && removed.equals(added),
              d.name() + ": " + f.path() + " hunk at " + h.oldStart() + " only changes whitespace");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void originalsListsExactlyTheFilesTheDiffsTouchInOrder(KitTree k) throws Exception {
    Diffs r = read(k);
    Path p = r.kit().resolve("ORIGINALS");
    Originals o = Originals.parse(p.toString(), Files.readAllBytes(p));
    Set<String> touched = new LinkedHashSet<>();
    r.diffs().forEach(d -> d.files().forEach(f -> touched.add(f.path())));
    assertEquals(List.copyOf(touched), o.entries().stream().map(Original::path).toList());
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void originalsHasTheHashAndRevisionOfEveryFileInTheReleasesTree(KitTree k) throws Exception {
    Path p = ReferenceTrees.kit(k).resolve("ORIGINALS");
    Path tree = ReferenceTrees.tree(k);
    for (Original o : Originals.parse(p.toString(), Files.readAllBytes(p)).entries()) {
      byte[] real = Files.readAllBytes(tree.resolve(o.path()));
      assertEquals(KitStatus.sha256(real), o.sha256(), k + ": " + o.path());
      assertEquals(KitStatus.revision(real), java.util.Optional.of(o.revision()), k + ": " + o.path());
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void gnuPatchAppliesTheKitWithF0AndNoOffsetToACopyOfTheReleasesTree(KitTree k, @TempDir Path dir)
      throws Exception {
    Path patch = Peer.require("patch", "patch");
    Path tree = ReferenceTrees.tree(k);
    Path kit = ReferenceTrees.kit(k);
    Path p = kit.resolve("ORIGINALS");
    for (Original o : Originals.parse(p.toString(), Files.readAllBytes(p)).entries()) {
      Files.createDirectories(dir.resolve(o.path()).getParent());
      Files.copy(tree.resolve(o.path()), dir.resolve(o.path()));
    }
    for (Path d : diffFiles(kit)) {
      runPatch(patch, dir, d, "-F0");
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void everyKitMakesTheSameChangesAsThe77Kit(KitTree k) throws IOException {
    List<UnifiedDiffShape> mine = read(k).diffs();
    List<UnifiedDiffShape> base = read(ReferenceTrees.KITS.get(0)).diffs();
    assertEquals(base.stream().map(UnifiedDiffShape::name).toList(), mine.stream().map(UnifiedDiffShape::name).toList());
    for (int i = 0; i < base.size(); i++) {
      assertEquals(changes(base.get(i)), changes(mine.get(i)), k + ": " + mine.get(i).name());
      List<String> h = new ArrayList<>(mine.get(i).header());
      List<String> b = new ArrayList<>(base.get(i).header());
      assertEquals(b.subList(1, b.size()).stream().map(l -> l.replace("_7.7.", "_" + label(k).replace("-", "") + "."))
          .toList(), h.subList(1, h.size()), k + ": " + mine.get(i).name() + " header");
    }
  }

  /** The added and removed lines of a diff, per file, without context or line numbers. */
  private static List<String> changes(UnifiedDiffShape d) {
    List<String> out = new ArrayList<>();
    for (FileDiff f : d.files()) {
      out.add("file " + f.path());
      for (Hunk h : f.hunks()) {
        h.lines().stream().filter(l -> l.charAt(0) != ' ').forEach(out::add);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("srro.testing.ReferenceTrees#KITS")
  void gnuPatchAppliesTheKitExactlyAndReversesItOnItsOwnPreImages(KitTree k, @TempDir Path tree) throws Exception {
    Path patch = Peer.require("patch", "patch");
    Diffs r = read(k);
    List<String> files = new PreImageTree(r.diffs()).writeTo(tree);
    Map<String, byte[]> before = new TreeMap<>();
    for (String f : files) {
      before.put(f, Files.readAllBytes(tree.resolve(f)));
    }
    List<Path> paths = diffFiles(r.kit());
    for (Path d : paths) {
      runPatch(patch, tree, d, "--dry-run");
      runPatch(patch, tree, d);
    }
    for (String f : files) {
      assertFalse(java.util.Arrays.equals(before.get(f), Files.readAllBytes(tree.resolve(f))), f + " unchanged");
    }
    for (int i = paths.size() - 1; i >= 0; i--) {
      runPatch(patch, tree, paths.get(i), "-R");
    }
    for (String f : files) {
      assertArrayEquals(before.get(f), Files.readAllBytes(tree.resolve(f)), f + " not restored by -R");
    }
  }

  private static void runPatch(Path patch, Path tree, Path diff, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(patch.toString(), "-p0", "-f", "-N", "--verbose",
        "--no-backup-if-mismatch", "-d", tree.toString(), "-i", diff.toString()));
    if (extra.length > 0 && extra[0].equals("-R")) {
      cmd.remove("-N");
    }
    cmd.addAll(List.of(extra));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("patch did not finish: " + cmd);
    }
    String what = diff.getFileName() + " " + String.join(" ", extra);
    assertEquals(0, p.exitValue(), what + ": GNU patch failed:\n" + out);
    assertFalse(out.contains("offset") || out.contains("fuzz"), what + ": not exact:\n" + out);
    assertTrue(out.contains("Hunk #1 succeeded"), what + ": no hunk reported:\n" + out);
  }

  /** Display width with tabs to multiples of 8. */
  private static int columns(String s) {
    int col = 0;
    for (int i = 0; i < s.length(); i++) {
      col = s.charAt(i) == '\t' ? (col / 8 + 1) * 8 : col + 1;
    }
    return col;
  }
}
