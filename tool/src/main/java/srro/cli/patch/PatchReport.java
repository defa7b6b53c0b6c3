package srro.cli.patch;

import java.util.List;
import srro.cli.Io;
import srro.cli.Json;
import srro.patch.FileResult;
import srro.patch.HunkResult;
import srro.patch.Plan;

/** Renders a {@link Plan} as patch(1) does ("Hunk #2 succeeded at 120 (offset 3 lines).") or as JSON. */
public final class PatchReport {
  static final String SCHEMA = "srro-patch/1";

  private final Io io;
  private final boolean json;
  private final String command;

  /** {@code command} is "apply" or "status", for the document. */
  public PatchReport(Io io, boolean json, String command) {
    this.io = io;
    this.json = json;
    this.command = command;
  }

  public void plan(Plan plan, String verb, List<String> written) {
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
    String verdict = !written.isEmpty() ? "applied"
        : plan.applies() ? "applies" : plan.alreadyApplied() ? "already_applied" : "conflict";
    if (json) {
      Json.Obj o = Json.document(SCHEMA);
      o.put("operation", command);
      o.put("source", plan.patchset().source());
      o.put("description", plan.patchset().description());
      o.put("strip", plan.strip());
      o.put("result", verdict);
      o.put("written", written);
      List<Object> files = Json.array();
      for (Plan.FilePlan f : plan.files()) {
        files.add(file(f));
      }
      o.put("files", files);
      io.out().println(o);
      return;
    }
    for (Plan.FilePlan f : plan.files()) {
      text(f, verb);
    }
    int nfiles = plan.files().size();
    String of = hunks + " hunk" + (hunks == 1 ? "" : "s") + " of " + nfiles + " file" + (nfiles == 1 ? "" : "s");
    if (!written.isEmpty()) {
      io.out().println("applied " + of + "; .orig backups kept, undo with 'srro patch rollback'");
    } else if (plan.applies()) {
      io.out().println("all " + of + " apply; nothing written");
    } else if (plan.alreadyApplied()) {
      io.out().println("patchset already applied (" + of + "); nothing written");
    } else {
      io.out().println(failed + " of " + of + " do not apply; nothing written");
    }
  }

  private void text(Plan.FilePlan f, String verb) {
    String path = f.path().orElse(f.patch().newName());
    FileResult r = f.result();
    if (r.status() == FileResult.Status.ALREADY_APPLIED) {
      io.out().println(path + ": already applied (the reversed patch applies)");
      return;
    }
    io.out().println(verb + " file " + path);
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
          io.out().println(sb.append('.'));
        }
      } else if (h instanceof HunkResult.AlreadyApplied) {
        failed++;
        io.out().println("Hunk #" + n + " already applied.");
      } else if (h instanceof HunkResult.Rejected rej) {
        failed++;
        io.out().println("Hunk #" + n + " FAILED: " + rej.reason() + ".");
      }
    }
    if (failed > 0) {
      int total = r.hunks().size();
      io.out().println(failed + " out of " + total + " hunk" + (total == 1 ? "" : "s") + " FAILED");
    }
  }

  private static Json.Obj file(Plan.FilePlan f) {
    Json.Obj o = Json.object();
    o.put("path", f.path().orElse(null));
    o.put("kind", f.patch().kind());
    o.put("status", f.result().status());
    List<Object> hunks = Json.array();
    int n = 0;
    for (HunkResult h : f.result().hunks()) {
      Json.Obj j = Json.object().put("hunk", ++n).put("result", null).put("line", null).put("offset", null)
          .put("fuzz", null).put("reason", null);
      if (h instanceof HunkResult.Applied a) {
        j.put("result", "applied").put("line", a.line()).put("offset", a.offset()).put("fuzz", a.fuzz());
      } else if (h instanceof HunkResult.AlreadyApplied) {
        j.put("result", "already_applied");
      } else if (h instanceof HunkResult.Rejected r) {
        j.put("result", "rejected").put("reason", r.reason());
      }
      hunks.add(j);
    }
    return o.put("hunks", hunks);
  }
}
