package srro.patch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a patchset that changes one file: the preamble lines before {@code ---} (Index:, RCS file:,
 * diff --git, ...), the names from the {@code ---}/{@code +++} headers (without timestamps, not yet stripped),
 * the name from an {@code Index:} line if any, whether the file is created or deleted, and its hunks.
 * {@code line} is the 1-based line of the {@code ---} header in the diff.
 */
public record FilePatch(
    List<String> preamble,
    String oldName,
    String newName,
    Optional<String> indexName,
    Kind kind,
    List<Hunk> hunks,
    long line) {

  /** What the patch does to the file as a whole. */
  public enum Kind {
    MODIFY,
    CREATE,
    DELETE
  }

  public FilePatch {
    preamble = List.copyOf(preamble);
    Objects.requireNonNull(oldName, "oldName");
    Objects.requireNonNull(newName, "newName");
    Objects.requireNonNull(indexName, "indexName");
    Objects.requireNonNull(kind, "kind");
    hunks = List.copyOf(hunks);
    if (hunks.isEmpty()) {
      throw new IllegalArgumentException("a file patch has at least one hunk");
    }
  }

  /** The same patch undone: old and new swapped in every hunk, create and delete exchanged. */
  FilePatch reversed() {
    Kind k =
        switch (kind) {
          case CREATE -> Kind.DELETE;
          case DELETE -> Kind.CREATE;
          case MODIFY -> Kind.MODIFY;
        };
    return new FilePatch(
        preamble, newName, oldName, indexName, k, hunks.stream().map(Hunk::reversed).toList(), line);
  }
}
