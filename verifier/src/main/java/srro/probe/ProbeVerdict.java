package srro.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import srro.scsi.transport.ReadOnlyFlag;

/**
 * Whether a device is write-protected, from every layer that has an opinion: the device's own WP bit in the
 * mode parameter header and the OS's flags (BLKROGET, sysfs {@code ro}, a write open refused with a read-only
 * errno). {@link State#DISAGREE} when they contradict each other, {@link State#UNKNOWN} when none answered.
 */
public record ProbeVerdict(State state, List<String> evidence) {

  public enum State {
    YES,
    NO,
    DISAGREE,
    UNKNOWN
  }

  public ProbeVerdict {
    evidence = List.copyOf(evidence);
  }

  /**
   * Judges {@code writeProtected} (the WP bit, empty when the device type does not define one or no MODE
   * SENSE answered) as reported by {@code wpSource} ("MODE SENSE(6)") together with the OS's {@code flags}.
   */
  public static ProbeVerdict of(Optional<Boolean> writeProtected, String wpSource, List<ReadOnlyFlag> flags) {
    List<String> evidence = new ArrayList<>();
    int readOnly = 0;
    int readWrite = 0;
    if (writeProtected.isPresent()) {
      evidence.add(wpSource + " WP=" + (writeProtected.get() ? 1 : 0));
      if (writeProtected.get()) {
        readOnly++;
      } else {
        readWrite++;
      }
    }
    for (ReadOnlyFlag f : flags) {
      switch (f.reading()) {
        case READ_ONLY -> readOnly++;
        case READ_WRITE -> readWrite++;
        case UNAVAILABLE -> {
          continue;
        }
      }
      evidence.add(f.describe());
    }
    State state;
    if (readOnly > 0 && readWrite > 0) {
      state = State.DISAGREE;
    } else if (readOnly > 0) {
      state = State.YES;
    } else if (readWrite > 0) {
      state = State.NO;
    } else {
      state = State.UNKNOWN;
    }
    return new ProbeVerdict(state, evidence);
  }

  /** "write-protected: yes (MODE SENSE(6) WP=1, BLKROGET=1, open O_RDWR failed: EROFS)". */
  public String line() {
    String word =
        switch (state) {
          case YES -> "yes";
          case NO -> "no";
          case DISAGREE -> "layers disagree";
          case UNKNOWN -> "unknown";
        };
    String why = evidence.isEmpty() ? "no layer reported a write-protect state" : String.join(", ", evidence);
    return "write-protected: " + word + " (" + why + ")";
  }

  /** Whether the layers settled it (yes or no); probe exits 1 when they disagree or none said anything. */
  public boolean known() {
    return state == State.YES || state == State.NO;
  }
}
