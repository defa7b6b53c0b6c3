package srro.kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import srro.patch.FileResult;
import srro.patch.Plan;
import srro.patch.Source;

/**
 * Where a source tree stands with respect to a kit, file by file: exactly the released file (ORIGINALS
 * hash), already patched (every diff touching it is already applied), or modified (errata or local changes:
 * the kit may still apply, the plan says whether).
 */
public record KitStatus(String release, List<FileState> files, boolean kitApplies) {

  /** One file's state. */
  public enum State {
    PRISTINE,
    PATCHED,
    MODIFIED,
    MISSING
  }

  /** {@code foundRevision} is the revision in the file's {@code $OpenBSD$} line, or empty. */
  public record FileState(String path, State state, String expectedRevision, Optional<String> foundRevision) {
    public FileState {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(expectedRevision, "expectedRevision");
      Objects.requireNonNull(foundRevision, "foundRevision");
    }
  }

  private static final Pattern RCSID = Pattern.compile("\\$OpenBSD: [^,$]+,v ([0-9.]+) ");

  public KitStatus {
    Objects.requireNonNull(release, "release");
    files = List.copyOf(files);
  }

  /** Compares {@code tree} with the kit's ORIGINALS and with {@code plan}, the kit planned against that tree. */
  public static KitStatus of(String release, Originals originals, Plan plan, Source tree)
      throws IOException, srro.patch.TargetRefusedException {
    List<FileState> out = new ArrayList<>();
    for (Original o : originals.entries()) {
      Optional<byte[]> content = tree.read(o.path());
      if (content.isEmpty()) {
        out.add(new FileState(o.path(), State.MISSING, o.revision(), Optional.empty()));
        continue;
      }
      byte[] bytes = content.get();
      State state;
      if (sha256(bytes).equals(o.sha256())) {
        state = State.PRISTINE;
      } else if (alreadyApplied(plan, o.path())) {
        state = State.PATCHED;
      } else {
        state = State.MODIFIED;
      }
      out.add(new FileState(o.path(), state, o.revision(), revision(bytes)));
    }
    return new KitStatus(release, out, plan.applies());
  }

  private static boolean alreadyApplied(Plan plan, String path) {
    boolean any = false;
    for (Plan.FilePlan f : plan.files()) {
      if (f.path().filter(path::equals).isPresent()) {
        any = true;
        if (f.result().status() != FileResult.Status.ALREADY_APPLIED) {
          return false;
        }
      }
    }
    return any;
  }

  static Optional<String> revision(byte[] bytes) {
    int n = Math.min(bytes.length, 4096);
    Matcher m = RCSID.matcher(new String(bytes, 0, n, StandardCharsets.ISO_8859_1));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The tree as a whole: "pristine 7.7", "already patched", or "modified (errata or local changes)". */
  public String summary() {
    if (files.stream().allMatch(f -> f.state() == State.PRISTINE)) {
      return "pristine " + release;
    }
    if (files.stream().allMatch(f -> f.state() == State.PATCHED)) {
      return "already patched";
    }
    if (files.stream().anyMatch(f -> f.state() == State.MISSING)) {
      return "incomplete (files missing)";
    }
    return "modified (errata or local changes)";
  }
}
