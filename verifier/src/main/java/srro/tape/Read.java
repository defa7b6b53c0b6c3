package srro.tape;

import java.util.List;
import java.util.Objects;

/** The result of reading one security protocol page: the parsed page, or the failure that prevented it. */
public sealed interface Read<T> {
  /** The page, with the transport's warnings (worth showing, not failures). */
  record Ok<T>(T page, List<String> warnings) implements Read<T> {
    public Ok {
      Objects.requireNonNull(page, "page");
      warnings = List.copyOf(warnings);
    }
  }

  record Failed<T>(TapeFailure failure) implements Read<T> {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
