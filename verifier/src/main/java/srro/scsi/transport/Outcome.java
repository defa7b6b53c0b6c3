package srro.scsi.transport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import srro.scsi.Sense;

/**
 * The judgement of one command: {@link Good} only when every layer agrees (ioctl, transport info, host,
 * driver, SCSI status, sense, transfer length), otherwise {@link Failed} naming the first layer that did not.
 * A zero from ioctl means nothing on its own.
 */
public sealed interface Outcome {

  /** The layers in the order they are checked. */
  enum Layer {
    IOCTL,
    TRANSPORT,
    HOST,
    DRIVER,
    SCSI_STATUS,
    SENSE,
    TRANSFER,
    PAGE
  }

  /** Every layer said yes. {@code data} is the bytes actually transferred; warnings are worth showing. */
  record Good(byte[] data, List<String> warnings) implements Outcome {
    public Good {
      Objects.requireNonNull(data, "data");
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * {@code layer} said no. {@code code} is a stable short name for scripts ({@code DID_ERROR},
   * {@code CHECK_CONDITION}, {@code EROFS}, {@code SHORT_TRANSFER}); {@code message} a lowercase line for people;
   * {@code sense} the decoded sense data when the device sent some that could be decoded.
   */
  record Failed(Layer layer, String code, String message, Optional<Sense> sense) implements Outcome {
    public Failed {
      Objects.requireNonNull(layer, "layer");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(sense, "sense");
    }

    public Failed(Layer layer, String code, String message) {
      this(layer, code, message, Optional.empty());
    }
  }

  /** Judges {@code reply} to {@code command}. */
  static Outcome of(Command command, Reply reply) {
    return Classifier.classify(command, reply);
  }
}
