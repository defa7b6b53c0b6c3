package srro.scsi;

/** Turns raw transport status into an {@link Outcome}. (Issue 5 fills in every layer.) */
final class Classifier {
  private Classifier() {}

  static Outcome classify(Command command, Reply reply) {
    throw new UnsupportedOperationException("not yet: " + command.name());
  }
}
