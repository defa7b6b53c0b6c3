package srro.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The LUKS2 part of QemuScsiIT's one boot (issue 16), the Linux twin of the softraid CRYPTO story: the disk images
 * are LUKS2-formatted on the host with cryptsetup (a throwaway key file made here, never a passphrase of anyone's),
 * the scsi_debug disk gets the same header written in the guest while its WP is off, and the guest opens them with
 * cryptsetup from the host's / (over 9p). The script first opens a mapping read-write on the scsi_debug disk and
 * then switches its write protection on (a protection that came after the mapping), then closes it and opens the
 * read-only disks with {@code --readonly} and the writable one read-write, running srro check and probe each time.
 */
final class GuestLuks {
  private GuestLuks() {}

  static final String KEY = "luks.key";

  /** Writes {@code work}/luks.key and the LUKS2 images ro.img, rw.img and debug.img (4 MiB each). */
  static void format(Path work) throws IOException, InterruptedException {
    Path key = work.resolve(KEY);
    Files.deleteIfExists(key);
    Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    Files.write(key, k);
    for (String name : List.of("ro.img", "rw.img", "debug.img")) {
      Path img = work.resolve(name);
      Files.deleteIfExists(img);
      try (var ch = Files.newByteChannel(img, java.nio.file.StandardOpenOption.CREATE_NEW,
          java.nio.file.StandardOpenOption.WRITE)) {
        ch.truncate(0);
        ch.position(4 * 1024 * 1024 - 1);
        ch.write(java.nio.ByteBuffer.wrap(new byte[1]));
      }
      // A small header (the default is 16 MiB) and pbkdf2 with few iterations: TCG is slow, the key is random.
      run("cryptsetup", "luksFormat", "-q", "--type", "luks2", "--luks2-metadata-size", "16k",
          "--luks2-keyslots-size", "512k", "--cipher", "aes-xts-plain64", "--key-size", "256", "--pbkdf",
          "pbkdf2", "--pbkdf-force-iterations", "1000", "--key-file", key.toString(), img.toString());
    }
  }

  private static void run(String... argv) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", argv) + " failed: " + out);
    }
  }

  /**
   * The guest's steps; {@code srro} runs srro (the jar in the chroot), {@code work} and {@code fstab} are host
   * paths. Sections: luks_late (check with the late protection), luks_late_probe, luks_open (what cryptsetup
   * did), luks_check (JSON), luks_probe (text).
   */
  static String job(String srro, Path cryptsetup, Path work, Path fstab) {
    String cs = "chroot /host env DM_DISABLE_UDEV=1 " + cryptsetup + " --disable-locks --disable-keyring --key-file "
        + work.resolve(KEY);
    return String.join("\n",
        "CS=\"" + cs + "\"",
        // The module parameter is writable by root (the driver attribute of the same name is not, in 6.1).
        "WPF=/sys/module/scsi_debug/parameters/wp",
        "rescan() { echo 1 > /sys/block/${1#/dev/}/device/rescan; }",
        "echo 0 > $WPF; rescan $DBG",
        "dd if=/host" + work.resolve("debug.img") + " of=$DBG bs=65536 conv=notrunc,fsync 2>/dev/null"
            + " || echo 'SRRO-LUKS dd failed'",
        "$CS open $DBG srro-late 2>&1; echo \"SRRO-LUKS open-late status=$?\"",
        "echo 1 > $WPF; rescan $DBG",
        "echo \"SRRO-LUKS late chunk-ro=$(cat /sys/block/${DBG#/dev/}/ro) holders=$(ls /sys/block/${DBG#/dev/}/holders)\"",
        "echo \"SRRO-INIT luks $(cut -d' ' -f1 /proc/uptime)\"",
        "echo SRRO-BEGIN luks_late",
        srro + " check --json --fstab " + fstab + " 2>&1",
        "echo \"SRRO-END luks_late status=$?\"",
        "echo SRRO-BEGIN luks_late_probe",
        srro + " probe --json /dev/mapper/srro-late 2>&1",
        "echo \"SRRO-END luks_late_probe status=$?\"",
        "$CS close srro-late 2>&1",
        "echo SRRO-BEGIN luks_open",
        "$CS open $RO srro-try 2>&1; s=$?",
        "echo \"SRRO-LUKS open-rw-on-wp status=$s ro=$(cat /sys/block/dm-*/ro 2>/dev/null | tr '\\n' ' ')\"",
        "$CS close srro-try 2>/dev/null",
        "$CS open --readonly $RO srro-ro 2>&1; echo \"SRRO-LUKS open-ro status=$?\"",
        "$CS open --readonly $DBG srro-debug 2>&1; echo \"SRRO-LUKS open-debug status=$?\"",
        "$CS open $RW srro-rw 2>&1; echo \"SRRO-LUKS open-rw status=$?\"",
        "for d in /sys/block/dm-*; do echo \"SRRO-LUKS dm /dev/${d##*/} name=$(cat $d/dm/name) ro=$(cat $d/ro)"
            + " slaves=$(ls $d/slaves)\"; done",
        "echo \"SRRO-END luks_open status=0\"",
        "echo SRRO-BEGIN luks_check",
        srro + " check --json --fstab " + fstab + " 2>&1",
        "echo \"SRRO-END luks_check status=$?\"",
        "echo SRRO-BEGIN luks_probe",
        srro + " probe /dev/mapper/srro-ro /dev/mapper/srro-debug /dev/mapper/srro-rw 2>&1",
        "echo \"SRRO-END luks_probe status=$?\"",
        "");
  }
}
