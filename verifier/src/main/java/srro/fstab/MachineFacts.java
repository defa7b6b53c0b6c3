package srro.fstab;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the machine an fstab is checked on says about the names the file uses, as {@code findmnt --verify} asks:
 * does the spec name a device, is the mount point an existing directory, does the kernel know the file system
 * type. Every answer may be empty: not asked (an offline lint, a copy of another machine's file) or not
 * answerable here (no udev links to resolve a {@code UUID=}). The rules stay silent on an empty answer.
 */
public interface MachineFacts {
  /** Nothing is asked: the rules that need the machine stay silent. */
  MachineFacts NONE = new MachineFacts() {};

  /** What {@code spec} (a path, a {@code UUID=}-style tag, an OpenBSD DUID) names here. */
  default Optional<Source> source(String spec) {
    return Optional.empty();
  }

  /** What is at {@code path} (an absolute mount point) here. */
  default Optional<Target> target(String path) {
    return Optional.empty();
  }

  /**
   * The file system types this machine can mount: Linux {@code /proc/filesystems} plus the modules under
   * {@code /lib/modules/RELEASE/kernel/fs}; OpenBSD the {@code /sbin/mount_TYPE} programs mount(8) runs.
   */
  default Optional<Set<String>> fileSystems() {
    return Optional.empty();
  }

  /** What a spec names. */
  sealed interface Source {
    /** The spec names {@code path}; {@code blockDevice} is false for a regular file, a character device... */
    record Found(String path, boolean blockDevice) implements Source {
      public Found {
        Objects.requireNonNull(path, "path");
      }
    }

    /** Nothing by that name; {@code looked} says where srro looked ("no /dev/disk/by-uuid/1234"). */
    record Missing(String looked) implements Source {
      public Missing {
        Objects.requireNonNull(looked, "looked");
      }
    }
  }

  /** What is at a mount point: nothing, or something whose real path (symlinks and dot-dots resolved) is given. */
  record Target(boolean exists, boolean directory, String realPath) {
    public Target {
      Objects.requireNonNull(realPath, "realPath");
      if (directory && !exists) {
        throw new IllegalArgumentException("a missing target is not a directory");
      }
    }

    /** Nothing at the path. */
    public static Target missing(String path) {
      return new Target(false, false, path);
    }
  }
}
