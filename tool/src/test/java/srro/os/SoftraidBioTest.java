package srro.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import org.junit.jupiter.api.Test;
import srro.mounts.OpenBsdDisks.SoftraidVolume;

class SoftraidBioTest {
  private static final FakeSoftraid.Chunk SD1A = new FakeSoftraid.Chunk("sd1a", 1L << 30, 0);

  @Test
  void listsVolumesWithTheirChunksAsBioctlDoes() throws Exception {
    FakeSoftraid kernel = new FakeSoftraid()
        .volume("sd2", 'C', 0, SD1A)
        .volume("sd4", 'C', 0, new FakeSoftraid.Chunk("sd3a", 1L << 30, 0), new FakeSoftraid.Chunk("sd5d", 0, 0))
        .volume("sd6", 1, 2, new FakeSoftraid.Chunk("wd0d", 1L << 30, 0), new FakeSoftraid.Chunk("wd1d", 1L << 30, 1))
        .volume("sd7a", -1, 0, new FakeSoftraid.Chunk("sd7a", 1L << 30, 4))
        .volume("sd8", 0x1C, 0, new FakeSoftraid.Chunk("sd9a", 1L << 30, 0));
    FakeSystemCalls sys = new FakeSystemCalls().kernel(kernel);
    List<SoftraidVolume> v = SoftraidBio.read(sys, "softraid0");
    assertEquals(List.of(
        new SoftraidVolume("sd2", "Online", "CRYPTO", List.of("sd1a"), Optional.empty()),
        new SoftraidVolume("sd4", "Online", "CRYPTO", List.of("sd3a"), Optional.of("sd5d")),
        new SoftraidVolume("sd6", "Degraded", "RAID1", List.of("wd0d", "wd1d"), Optional.empty()),
        new SoftraidVolume("sd8", "Online", "RAID1C", List.of("sd9a"), Optional.empty())), v);
    assertEquals("open /dev/bio O_RDONLY", sys.calls.get(0), "a check never asks for write access");
    assertEquals("close 3", sys.calls.get(sys.calls.size() - 1));
    assertEquals(1 + 1 + 1 + 5 + 6 + 1, sys.calls.size(),
        "open, locate, inq, 5 vol, 6 disk (none for the spare), close");
  }

  @Test
  void aRaid1cKeyDiskIsNotADataChunkThoughBioctlLabelsItOnlyForCrypto() throws Exception {
    FakeSoftraid kernel = new FakeSoftraid().volume("sd8", 0x1C, 0,
        new FakeSoftraid.Chunk("sd9a", 1L << 30, 0), new FakeSoftraid.Chunk("sd10a", 1L << 30, 0),
        new FakeSoftraid.Chunk("sd3d", 0, 0));
    assertEquals(List.of(new SoftraidVolume("sd8", "Online", "RAID1C", List.of("sd9a", "sd10a"), Optional.of("sd3d"))),
        SoftraidBio.read(new FakeSystemCalls().kernel(kernel), "softraid0"));
  }

  @Test
  void noVolumesIsAnEmptyList() throws Exception {
    assertEquals(List.of(), SoftraidBio.read(new FakeSystemCalls().kernel(new FakeSoftraid()), "softraid0"));
  }

  @Test
  void anErrorInBioStatusIsAFailureThoughTheIoctlReturnedZero() {
    FakeSoftraid kernel = new FakeSoftraid().volume("sd2", 'C', 0, SD1A);
    kernel.failThroughStatus = Bio.BIOCVOL;
    FakeSystemCalls sys = new FakeSystemCalls().kernel(kernel);
    OsCallException e = assertThrows(OsCallException.class, () -> SoftraidBio.read(sys, "softraid0"));
    assertEquals(
        "ioctl BIOCVOL softraid0 volume 0 /dev/bio: softraid0: volume 0 not found (BIO_STATUS_ERROR)", e.getMessage());
    assertEquals("close 3", sys.calls.get(sys.calls.size() - 1), "the descriptor is closed on failure too");
  }

  @Test
  void anUnknownControllerIsEnoent() {
    FakeSystemCalls sys = new FakeSystemCalls().kernel(new FakeSoftraid());
    OsCallException e = assertThrows(OsCallException.class, () -> SoftraidBio.read(sys, "softraid1"));
    assertEquals("ENOENT", e.errnoName());
    assertTrue(e.getMessage().startsWith("ioctl BIOCLOCATE softraid1 /dev/bio: "), e.getMessage());
  }

  @Test
  void notRootCannotOpenBio() {
    FakeSystemCalls sys = new FakeSystemCalls().failOpen(OpenFlags.O_RDONLY.intValue(), Errno.EACCES);
    OsCallException e = assertThrows(OsCallException.class, () -> SoftraidBio.read(sys, "softraid0"));
    assertEquals("EACCES", e.errnoName());
  }

  @Test
  void anImpossibleVolumeCountIsRefused() {
    FakeSystemCalls sys = new FakeSystemCalls().kernel((k, request, arg) -> {
      arg.putLong(0, 1);
      if (request == Bio.BIOCINQ) {
        arg.putInt(712, -5);
      }
      return 0;
    });
    OsCallException e = assertThrows(OsCallException.class, () -> SoftraidBio.read(sys, "softraid0"));
    assertEquals("ioctl BIOCINQ softraid0 /dev/bio: bi_novol is -5, expected 0 to 1024 (EINVAL)", e.getMessage());
  }

  @Test
  void levelsAndStatusesAreNamedAsBioctlNamesThem() {
    assertEquals("CONCAT", SoftraidBio.level('c'));
    assertEquals("RAID1E", SoftraidBio.level(0x1E));
    assertEquals("RAID5", SoftraidBio.level(5));
    assertEquals("Rebuild", SoftraidBio.status(5));
    assertEquals("Invalid", SoftraidBio.status(0xff));
  }
}
