package srro.mounts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The array of {@code struct statfs} that OpenBSD's getfsstat(2) fills, as a {@link MountTable}: the layout of
 * 7.7's sys/mount.h on amd64 (568 bytes a record, little-endian; OpenBsdStatfsTest pins every offset used here
 * to gcc's layout of the real header). Only what {@code srro check} needs is read: the flags, the file system
 * type, where it is mounted and what is mounted there. Options are named as mount(8) prints them, so a table
 * read natively equals the one parsed from mount(8)'s output.
 */
public final class OpenBsdStatfs {
  private OpenBsdStatfs() {}

  /** {@code sizeof(struct statfs)} on OpenBSD 7.7 amd64. */
  public static final int RECORD_BYTES = 568;

  /** Most records decoded: as many as fit in {@link MountTable#MAX_BYTES}. */
  public static final int MAX_RECORDS = MountTable.MAX_BYTES / RECORD_BYTES;

  static final int F_FLAGS = 0;
  static final int F_FSTYPENAME = 120;
  static final int F_MNTONNAME = 136;
  static final int F_MNTFROMNAME = 226;
  static final int F_MNTFROMSPEC = 316;
  static final int MFSNAMELEN = 16;
  static final int MNAMELEN = 90;

  static final int MNT_RDONLY = 0x00000001;
  /** The flags getfsstat reports ({@code MNT_VISFLAGMASK}). */
  static final int MNT_VISFLAGMASK = 0x0400ffff;

  /** mount.c's optnames, in its order: flag, whether mount(8) prints it, and the name it prints. */
  private static final Object[][] OPTNAMES = {
    {0x00000040, true, "asynchronous"},
    {0x00000200, false, "exported to the world"},
    {0x00000100, true, "NFS exported"},
    {0x00000400, false, "anon uid mapping"},
    {0x00000080, false, "exported read-only"},
    {0x00001000, true, "local"},
    {0x00008000, true, "noatime"},
    {0x00000010, true, "nodev"},
    {0x00000004, true, "noexec"},
    {0x00000008, true, "nosuid"},
    {0x00000020, true, "noperm"},
    {0x00000800, true, "wxallowed"},
    {0x00002000, true, "with quotas"},
    {MNT_RDONLY, true, "read-only"},
    {0x00004000, false, "root file system"},
    {0x00000002, true, "synchronous"},
    {0x04000000, true, "softdep"},
  };

  /**
   * Decodes the first {@code count} records of {@code records} (what getfsstat returned). Every string must end
   * with a NUL inside its field, and the device and the mount point must not be empty.
   */
  public static MountTable table(String source, byte[] records, int count) throws MountFormatException {
    if (count < 0 || count > MAX_RECORDS) {
      throw MountFormatException.atByte(
          source, -1, "getfsstat returned " + count + " records, expected 0 to " + MAX_RECORDS);
    }
    if ((long) count * RECORD_BYTES > records.length) {
      throw MountFormatException.atByte(
          source, -1, count + " records need " + (long) count * RECORD_BYTES + " bytes, only " + records.length
              + " present");
    }
    ByteBuffer b = ByteBuffer.wrap(records).order(ByteOrder.LITTLE_ENDIAN);
    List<Mount> mounts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int base = i * RECORD_BYTES;
      int flags = b.getInt(base + F_FLAGS);
      String type = string(source, records, base, F_FSTYPENAME, MFSNAMELEN, "f_fstypename");
      String on = string(source, records, base, F_MNTONNAME, MNAMELEN, "f_mntonname");
      String from = string(source, records, base, F_MNTFROMNAME, MNAMELEN, "f_mntfromname");
      for (String[] f : new String[][] {{"f_mntonname", on}, {"f_mntfromname", from}}) {
        if (f[1].isEmpty()) {
          throw MountFormatException.atByte(source, base, "record " + i + ": empty " + f[0]);
        }
      }
      mounts.add(new Mount(from, on, type, options(flags), (flags & MNT_RDONLY) != 0, i + 1));
    }
    return new MountTable(source, MountTable.Format.GETFSSTAT, mounts);
  }

  /**
   * The option names mount(8) prints for {@code flags}, in its order. Every bit of {@code MNT_VISFLAGMASK} has a
   * name in 7.7, so bits outside it (which the kernel never reports) are ignored.
   */
  public static List<String> options(int flags) {
    List<String> out = new ArrayList<>();
    int left = flags & MNT_VISFLAGMASK;
    for (Object[] o : OPTNAMES) {
      int bit = (Integer) o[0];
      if ((left & bit) != 0) {
        if ((Boolean) o[1]) {
          out.add((String) o[2]);
        }
        left &= ~bit;
      }
    }
    return out;
  }

  private static String string(String source, byte[] r, int base, int field, int size, String name)
      throws MountFormatException {
    int start = base + field;
    for (int i = 0; i < size; i++) {
      if (r[start + i] == 0) {
        return new String(r, start, i, StandardCharsets.ISO_8859_1);
      }
    }
    throw MountFormatException.atByte(
        source, start, "record " + base / RECORD_BYTES + ": " + name + " has no NUL within its " + size + " bytes");
  }
}
