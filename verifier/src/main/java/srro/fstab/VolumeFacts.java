package srro.fstab;

import java.util.Optional;

/**
 * What the caller knows about the volume under an entry: {@code Optional.of(true)} when the device reports
 * read-only, {@code Optional.of(false)} when it reports read-write, empty when the spec could not be resolved
 * or nobody asked the device (an offline check).
 */
@FunctionalInterface
public interface VolumeFacts {
  /** No volume is known: rules about read-only volumes stay silent. */
  VolumeFacts NONE = e -> Optional.empty();

  Optional<Boolean> readOnly(Entry entry);
}
