package srro.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import srro.scsi.transport.ReadOnlyFlag;

/**
 * Whether a device is write-protected, from every layer that has an opinion: the device's WP bit in the mode
 * parameter header, the software write protect bit (SWP) of its control mode page (SPC-4 §7.5.8), and the OS's
 * flags (BLKROGET, sysfs {@code ro}, a write open refused with a read-only errno). {@link State#DISAGREE} when
 * they contradict each other, {@link State#UNKNOWN} when none answered. SWP=1 makes the device refuse writes,
 * so it counts as read-only; SWP=0 only says this one mechanism is off (the medium may still be protected), so
 * it is evidence but no vote. {@code readOnlyLayers} and {@code writableLayers} say which layer said what.
 */
public record ProbeVerdict(
    State state, List<String> evidence, List<Layer> readOnlyLayers, List<Layer> writableLayers) {

  public enum State {
    YES,
    NO,
    DISAGREE,
    UNKNOWN
  }

  /** A layer that can protect a device from writes. */
  public enum Layer {
    WP_BIT("the WP bit"),
    SWP("the control page's SWP bit"),
    OS("the OS");

    private final String text;

    Layer(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public ProbeVerdict {
    evidence = List.copyOf(evidence);
    readOnlyLayers = List.copyOf(readOnlyLayers);
    writableLayers = List.copyOf(writableLayers);
  }

  /** {@link #of(Optional, String, Optional, String, List)} without a control page. */
  public static ProbeVerdict of(Optional<Boolean> writeProtected, String wpSource, List<ReadOnlyFlag> flags) {
    return of(writeProtected, wpSource, Optional.empty(), "", flags);
  }

  /**
   * Judges {@code writeProtected} (the WP bit, empty when the device type does not define one or no MODE
   * SENSE answered) as reported by {@code wpSource} ("MODE SENSE(6)"), {@code softwareWriteProtect} (SWP, empty
   * when the control page was not returned) from {@code swpSource}, and the OS's {@code flags}.
   */
  public static ProbeVerdict of(
      Optional<Boolean> writeProtected, String wpSource, Optional<Boolean> softwareWriteProtect, String swpSource,
      List<ReadOnlyFlag> flags) {
    List<String> evidence = new ArrayList<>();
    List<Layer> readOnly = new ArrayList<>();
    List<Layer> readWrite = new ArrayList<>();
    if (writeProtected.isPresent()) {
      evidence.add(wpSource + " WP=" + (writeProtected.get() ? 1 : 0));
      (writeProtected.get() ? readOnly : readWrite).add(Layer.WP_BIT);
    }
    if (softwareWriteProtect.isPresent()) {
      evidence.add(swpSource + " SWP=" + (softwareWriteProtect.get() ? 1 : 0));
      if (softwareWriteProtect.get()) {
        readOnly.add(Layer.SWP);
      }
    }
    for (ReadOnlyFlag f : flags) {
      switch (f.reading()) {
        case READ_ONLY -> add(readOnly, Layer.OS);
        case READ_WRITE -> add(readWrite, Layer.OS);
        case UNAVAILABLE -> {
          continue;
        }
      }
      evidence.add(f.describe());
    }
    State state;
    if (!readOnly.isEmpty() && !readWrite.isEmpty()) {
      state = State.DISAGREE;
    } else if (!readOnly.isEmpty()) {
      state = State.YES;
    } else if (!readWrite.isEmpty()) {
      state = State.NO;
    } else {
      state = State.UNKNOWN;
    }
    return new ProbeVerdict(state, evidence, readOnly, readWrite);
  }

  private static void add(List<Layer> layers, Layer l) {
    if (!layers.contains(l)) {
      layers.add(l);
    }
  }

  /**
   * "write-protected: yes, by the WP bit and the OS (MODE SENSE(6) WP=1, ..., BLKROGET=1)"; for a
   * disagreement, which layers said read-only and which writable.
   */
  public String line() {
    String word =
        switch (state) {
          case YES -> "yes, by " + and(readOnlyLayers);
          case NO -> "no";
          case DISAGREE -> "layers disagree: read-only by " + and(readOnlyLayers) + ", writable by "
              + and(writableLayers);
          case UNKNOWN -> "unknown";
        };
    String why = evidence.isEmpty() ? "no layer reported a write-protect state" : String.join(", ", evidence);
    return "write-protected: " + word + " (" + why + ")";
  }

  private static String and(List<Layer> layers) {
    List<String> t = layers.stream().map(Layer::text).toList();
    return t.size() <= 1 ? String.join("", t)
        : String.join(", ", t.subList(0, t.size() - 1)) + " and " + t.get(t.size() - 1);
  }

  /** Whether the layers settled it (yes or no); probe exits 1 when they disagree or none said anything. */
  public boolean known() {
    return state == State.YES || state == State.NO;
  }
}
