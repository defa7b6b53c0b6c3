package srro.cli.patch;

import java.io.PrintStream;
import java.util.List;
import srro.patch.FileResult;
import srro.patch.HunkResult;
import srro.patch.Plan;

/** A {@link Plan} in patch(1)'s words ("Hunk #2 succeeded at 120 (offset 3 lines)."), then a summary line. */
final class PatchText {
  private PatchText() {}

  /** Prints every file's lines, each starting with {@code verb} ("checking", "patching"), then the summary. */
  static void print(PrintStream out, Plan plan, String verb, List<String> written) {
    int hunks = 0;
    int failed = 0;
    for (Plan.FilePlan f : plan.files()) {
      for (HunkResult h : f.result().hunks()) {
        hunks++;
        if (!(h instanceof HunkResult.Applied)) {
          failed++;
        }
      }
    }
    for (Plan.FilePlan f : plan.files()) {
      file(out, f, verb);
    }
    int nfiles = plan.files().size();
    String of = hunks + " hunk" + (hunks == 1 ? "" : "s") + " of " + nfiles + " file" + (nfiles == 1 ? "" : "s");
    if (!written.isEmpty()) {
      out.println("applied " + of + "; .orig backups kept, undo with 'srro patch rollback'");
    } else if (plan.applies()) {
      out.println("all " + of + " apply; nothing written");
    } else if (plan.alreadyApplied()) {
      out.println("patchset already applied (" + of + "); nothing written");
    } else {
      out.println(failed + " of " + of + " do not apply; nothing written");
    }
  }

  private static void file(PrintStream out, Plan.FilePlan f, String verb) {
    String path = f.path().orElse(f.patch().newName());
    FileResult r = f.result();
    if (r.status() == FileResult.Status.ALREADY_APPLIED) {
      out.println(path + ": already applied (the reversed patch applies)");
      return;
    }
    out.println(verb + " file " + path);
    int failed = 0;
    for (int i = 0; i < r.hunks().size(); i++) {
      HunkResult h = r.hunks().get(i);
      int n = i + 1;
      if (h instanceof HunkResult.Applied a) {
        if (a.fuzz() != 0 || a.offset() != 0) {
          StringBuilder sb = new StringBuilder("Hunk #" + n + " succeeded at " + a.line());
          if (a.fuzz() != 0) {
            sb.append(" with fuzz ").append(a.fuzz());
          }
          if (a.offset() != 0) {
            sb.append(" (offset ").append(a.offset()).append(Math.abs(a.offset()) == 1 ? " line)" : " lines)");
          }
          out.println(sb.append('.'));
        }
      } else if (h instanceof HunkResult.AlreadyApplied) {
        failed++;
        out.println("Hunk #" + n + " already applied.");
      } else if (h instanceof HunkResult.Rejected rej) {
        failed++;
        out.println("Hunk #" + n + " FAILED: " + rej.reason() + ".");
      }
    }
    if (failed > 0) {
      int total = r.hunks().size();
      out.println(failed + " out of " + total + " hunk" + (total == 1 ? "" : "s") + " FAILED");
    }
  }
}
