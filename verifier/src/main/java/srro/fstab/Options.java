package srro.fstab;

import java.util.List;
import java.util.Set;

/**
 * Known mount options per dialect, for the {@code unknown-option} rule.
 *
 * <p>OpenBSD: mount(8)'s list is short and closed, so any other word is reported; {@code -x=value} options pass
 * flags to mount_mfs/mount_nfs/... and are accepted, as are the NFS and msdos options of mount_nfs(8) and
 * mount_msdos(8).
 *
 * <p>Linux: every file system has its own options (ext4 alone has dozens), so an unknown word is not evidence of
 * a mistake. srro reports only what is almost certainly wrong: a word one edit away from a generic mount(8)
 * option (a typo such as {@code noatme} or {@code defualts}), and OpenBSD-only options ({@code sw}, {@code xx},
 * {@code softdep}) that Linux does not know.
 */
final class Options {
  private Options() {}

  static final Set<String> OPENBSD =
      Set.copyOf(
          List.of(
          "rw", "ro", "sw", "xx", "noauto", "nodev", "noexec", "nosuid", "softdep", "async", "sync", "noatime",
          "wxallowed", "nosync", "update", "force", "local", "noperm", "userquota", "groupquota", "tcp", "udp",
          "soft", "intr", "rdirplus", "resvport", "noconn", "conn", "nfsv2", "nfsv3", "longnames", "shortnames",
          "nowin95", "rrip", "norrip", "gens", "extatt", "bg", "retrycnt", "timeo", "retrans", "rsize", "wsize",
          "readahead", "maxgrouplist", "acregmin", "acregmax", "acdirmin", "acdirmax", "port", "mntudp"));

  static final Set<String> LINUX_GENERIC =
      Set.copyOf(
          List.of(
          "defaults", "ro", "rw", "auto", "noauto", "user", "nouser", "users", "owner", "group", "exec", "noexec",
          "suid", "nosuid", "dev", "nodev", "sync", "async", "dirsync", "atime", "noatime", "diratime",
          "nodiratime", "relatime", "norelatime", "strictatime", "nostrictatime", "lazytime", "nolazytime",
          "nofail", "_netdev", "mand", "nomand", "iversion", "noiversion", "silent", "loud", "bind", "rbind",
          "loop", "remount", "nosymfollow", "discard", "nodiscard", "noacl", "acl", "errors", "comment",
          "context", "fscontext", "defcontext", "rootcontext", "offset", "sizelimit", "encryption", "pri",
          "uid", "gid", "mode", "size", "umask", "fmask", "dmask", "noload", "nobarrier", "barrier", "data",
          "compress", "subvol", "subvolid", "ssd", "vers", "nfsvers", "soft", "hard", "intr", "nointr", "sec",
          "x-systemd", "commit", "journal", "user_xattr", "nouser_xattr", "quota", "noquota", "usrquota",
          "grpquota", "inode64", "logbufs", "allocsize", "utf8", "iocharset", "codepage", "shortname",
          "credentials", "username", "password", "domain", "vers", "timeo", "retrans", "rsize", "wsize", "proto",
          "port", "hidepid", "gid", "newinstance", "ptmxinst", "nr_inodes", "huge", "mpol", "trans", "cache",
          "version", "msize", "nr_blocks", "debug", "noauto_da_alloc", "auto_da_alloc", "stripe", "resgid",
          "resuid", "sb", "grpid", "nogrpid", "bsdgroups", "sysvgroups", "delalloc", "nodelalloc", "dax"));

  static final Set<String> OPENBSD_ONLY = Set.of("sw", "xx", "softdep", "wxallowed");

  /** The option's name: the part before {@code =}. */
  static String key(String option) {
    int eq = option.indexOf('=');
    return eq < 0 ? option : option.substring(0, eq);
  }

  /**
   * Why {@code option} is suspicious in {@code dialect}, or null when it is fine or unknown-but-plausible.
   */
  static String problem(Dialect dialect, String option) {
    if (option.isEmpty()) {
      return "an empty option (two commas in a row, or a trailing comma)";
    }
    String key = key(option);
    if (dialect == Dialect.OPENBSD) {
      if (option.startsWith("-") || OPENBSD.contains(key)) {
        return null;
      }
      String near = nearest(OPENBSD, key);
      return near == null
          ? "not an OpenBSD mount option"
          : "not an OpenBSD mount option (did you mean '" + near + "'?)";
    }
    if (OPENBSD_ONLY.contains(key)) {
      return "an OpenBSD option that Linux does not know";
    }
    if (LINUX_GENERIC.contains(key) || key.startsWith("x-") || key.startsWith("X-")) {
      return null;
    }
    String near = nearest(LINUX_GENERIC, key);
    return near == null ? null : "not a mount option (did you mean '" + near + "'?)";
  }

  /** A known option within one edit (insert, delete, substitute, swap of neighbours) of {@code word}. */
  private static String nearest(Set<String> known, String word) {
    if (word.length() < 4) {
      return null;
    }
    String best = null;
    for (String k : known) {
      if (k.length() >= 4 && distanceAtMostOne(k, word) && (best == null || k.compareTo(best) < 0)) {
        best = k;
      }
    }
    return best;
  }

  static boolean distanceAtMostOne(String a, String b) {
    if (a.equals(b)) {
      return false;
    }
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (la == lb) {
      if (a.substring(i + 1).equals(b.substring(i + 1))) {
        return true;
      }
      return i + 1 < la
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.substring(i + 2).equals(b.substring(i + 2));
    }
    return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
  }
}
