package srro.cli.patch;

import java.util.List;
import srro.cli.Json;
import srro.patch.HunkResult;
import srro.patch.Plan;

/** The --json shape of {@code srro patch apply} and {@code status} (docs/schema/srro-patch.json). */
final class PatchJson {
  static final String SCHEMA = "srro-patch/1";

  private PatchJson() {}

  /** {@code operation} is "apply" or "status"; {@code written} the paths written (empty for a check). */
  static Json.Obj document(Plan plan, String operation, List<String> written) {
    Json.Obj o = Json.document(SCHEMA);
    o.put("operation", operation);
    o.put("source", plan.patchset().source());
    o.put("description", plan.patchset().description());
    o.put("strip", plan.strip());
    o.put("result", verdict(plan, written));
    o.put("written", written);
    List<Object> files = Json.array();
    for (Plan.FilePlan f : plan.files()) {
      files.add(file(f));
    }
    return o.put("files", files);
  }

  private static String verdict(Plan plan, List<String> written) {
    return !written.isEmpty() ? "applied"
        : plan.applies() ? "applies" : plan.alreadyApplied() ? "already_applied" : "conflict";
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
