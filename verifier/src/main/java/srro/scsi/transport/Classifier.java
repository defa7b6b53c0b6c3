package srro.scsi.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import srro.scsi.ScsiFormatException;
import srro.scsi.Sense;
import srro.scsi.SenseKey;
import srro.scsi.transport.Outcome.Failed;
import srro.scsi.transport.Outcome.Layer;

/**
 * Turns raw transport status into an {@link Outcome}, checking every layer in order and naming the first that
 * failed. Linux sg_io_hdr: ioctl errno, host_status, driver_status, SCSI status and sense, then info &
 * SG_INFO_OK_MASK if nothing else explained it, then resid. OpenBSD scsireq: ioctl errno, retsts, status,
 * sense, then datalen_used. A zero from ioctl means nothing on its own: DID_ERROR with an empty sense buffer
 * is a failure.
 */
final class Classifier {
  private static final String SENSE_SOURCE = "sense data";

  private Classifier() {}

  static Outcome classify(Command command, Reply reply) {
    TransportStatus s = reply.status();
    if (s.ioctlErrno() != 0) {
      String name = s.errnoName().isEmpty() ? "ERRNO_" + s.ioctlErrno() : s.errnoName();
      return new Failed(
          Layer.IOCTL, name, "ioctl failed: " + name + " (errno " + s.ioctlErrno() + ") for " + command.name());
    }
    if (s instanceof TransportStatus.SgIo sg) {
      return linux(command, sg, reply.data());
    }
    return openBsd(command, (TransportStatus.Scsireq) s, reply.data());
  }

  private static Outcome linux(Command command, TransportStatus.SgIo s, byte[] data) {
    List<String> warnings = new ArrayList<>();
    boolean infoCheck = (s.info() & LinuxSgStatus.SG_INFO_OK_MASK) != 0;
    Optional<Sense> sense = decodable(s.sense());
    if (s.hostStatus() != 0) {
      String code = LinuxSgStatus.hostCode(s.hostStatus());
      return new Failed(
          Layer.HOST,
          code,
          String.format("host status %s (0x%02x)", code, s.hostStatus())
              + (infoCheck ? "" : ", although sg info said ok"),
          sense);
    }
    int driver = s.driverStatus() & 0x0f;
    if (driver == LinuxSgStatus.DRIVER_SENSE) {
      if (s.sense().length == 0) {
        return new Failed(
            Layer.DRIVER,
            "DRIVER_SENSE_WITHOUT_SENSE",
            "driver status DRIVER_SENSE (0x08) but no sense data was returned");
      }
    } else if (s.driverStatus() != 0) {
      String code = LinuxSgStatus.driverCode(s.driverStatus());
      String suggest = LinuxSgStatus.suggestion(s.driverStatus());
      return new Failed(
          Layer.DRIVER,
          code,
          String.format("driver status %s (0x%02x)", code, s.driverStatus())
              + (suggest.isEmpty() ? "" : ", " + suggest),
          sense);
    }
    Optional<Failed> status = scsiStatus(s.scsiStatus(), s.sense(), warnings);
    if (status.isPresent()) {
      return status.get();
    }
    if (infoCheck && (s.scsiStatus() & 0xff) == ScsiStatus.GOOD && s.driverStatus() == 0) {
      return new Failed(
          Layer.TRANSPORT,
          "SG_INFO_CHECK",
          String.format(
              "sg info 0x%x says the command failed, but host, driver and scsi status are all zero", s.info()),
          sense);
    }
    Optional<Failed> good = senseWithGood(s.scsiStatus(), s.sense(), warnings);
    if (good.isPresent()) {
      return good.get();
    }
    return linuxTransfer(command, s.resid(), data, warnings);
  }

  private static Outcome linuxTransfer(Command command, int resid, byte[] data, List<String> warnings) {
    int expected = command.transferLength();
    if (resid < 0 || resid > expected) {
      return new Failed(
          Layer.TRANSFER, "BAD_RESID", "resid " + resid + " is outside 0.." + expected + " for " + command.name());
    }
    int transferred = expected - resid;
    switch (command.direction()) {
      case TO_DEVICE -> {
        if (resid != 0) {
          return new Failed(
              Layer.TRANSFER,
              "SHORT_TRANSFER",
              "only " + transferred + " of " + expected + " bytes were sent (resid " + resid + ")");
        }
        return new Outcome.Good(new byte[0], warnings);
      }
      case FROM_DEVICE -> {
        return received(command, transferred, data, warnings);
      }
      default -> {
        return new Outcome.Good(new byte[0], warnings);
      }
    }
  }

  private static Outcome openBsd(Command command, TransportStatus.Scsireq s, byte[] data) {
    List<String> warnings = new ArrayList<>();
    Optional<Sense> sense = decodable(s.sense());
    switch (s.retsts()) {
      case 0, 3 -> {
        // SCCMD_OK, SCCMD_SENSE: the status byte and sense say more
      }
      case 1 -> {
        return new Failed(Layer.TRANSPORT, "SCCMD_TIMEOUT", "the command timed out (retsts SCCMD_TIMEOUT)", sense);
      }
      case 2 -> {
        return new Failed(Layer.TRANSPORT, "SCCMD_BUSY", "the device was busy (retsts SCCMD_BUSY)", sense);
      }
      case 4 -> {
        return new Failed(
            Layer.TRANSPORT,
            "SCCMD_UNKNOWN",
            "the adapter or driver failed the command (retsts SCCMD_UNKNOWN)",
            sense);
      }
      default -> {
        return new Failed(
            Layer.TRANSPORT,
            String.format("SCCMD_0x%02x", s.retsts()),
            String.format("unknown retsts 0x%02x", s.retsts()),
            sense);
      }
    }
    Optional<Failed> status = scsiStatus(s.status(), s.sense(), warnings);
    if (status.isPresent()) {
      return status.get();
    }
    if (s.retsts() == 3) {
      return new Failed(
          Layer.SENSE,
          "SCCMD_SENSE",
          "retsts SCCMD_SENSE with scsi status good: "
              + sense.map(Sense::summary).orElse("no decodable sense data"),
          sense);
    }
    Optional<Failed> good = senseWithGood(s.status(), s.sense(), warnings);
    if (good.isPresent()) {
      return good.get();
    }
    long used = s.datalenUsed();
    int expected = command.transferLength();
    if (used < 0 || used > expected) {
      return new Failed(
          Layer.TRANSFER,
          "BAD_DATALEN_USED",
          "datalen_used " + used + " is outside 0.." + expected + " for " + command.name());
    }
    switch (command.direction()) {
      case TO_DEVICE -> {
        if (used != expected) {
          return new Failed(
              Layer.TRANSFER,
              "SHORT_TRANSFER",
              "only " + used + " of " + expected + " bytes were sent (datalen_used)");
        }
        return new Outcome.Good(new byte[0], warnings);
      }
      case FROM_DEVICE -> {
        if (used == expected) {
          warnings.add(
              "datalen_used equals the allocation length (" + expected
                  + "); OpenBSD reports that even for shorter replies, so trust the reply's own length");
        }
        return received(command, (int) used, data, warnings);
      }
      default -> {
        return new Outcome.Good(new byte[0], warnings);
      }
    }
  }

  private static Outcome received(Command command, int transferred, byte[] data, List<String> warnings) {
    if (transferred == 0) {
      return new Failed(Layer.TRANSFER, "NO_DATA", "no data was transferred for " + command.name());
    }
    if (data.length < transferred) {
      warnings.add("the transport kept " + data.length + " bytes of the " + transferred + " reported");
    }
    return new Outcome.Good(Arrays.copyOf(data, Math.min(transferred, data.length)), warnings);
  }

  /** The status byte: GOOD passes; CHECK CONDITION is judged with its sense; anything else fails. */
  private static Optional<Failed> scsiStatus(int status, byte[] senseBytes, List<String> warnings) {
    int st = status & 0xff;
    if (st == ScsiStatus.GOOD) {
      return Optional.empty();
    }
    if (st != ScsiStatus.CHECK_CONDITION) {
      return Optional.of(
          new Failed(
              Layer.SCSI_STATUS,
              ScsiStatus.code(st),
              String.format("scsi status %s (0x%02x)", ScsiStatus.words(st), st),
              decodable(senseBytes)));
    }
    if (senseBytes.length == 0) {
      return Optional.of(
          new Failed(
              Layer.SCSI_STATUS,
              "CHECK_CONDITION_WITHOUT_SENSE",
              "scsi status check condition (0x02) without sense data"));
    }
    Parsed parsed = Parsed.of(senseBytes);
    if (parsed.sense().isEmpty()) {
      return Optional.of(
          new Failed(
              Layer.SENSE, "UNREADABLE_SENSE", "check condition with unreadable sense data: " + parsed.problem()));
    }
    Sense sense = parsed.sense().get();
    if (sense.deferred()) {
      return Optional.of(
          new Failed(
              Layer.SCSI_STATUS,
              "DEFERRED_ERROR",
              "check condition, an earlier command failed: " + sense.summary(),
              Optional.of(sense)));
    }
    if (sense.senseKey() == SenseKey.RECOVERED_ERROR) {
      warnings.add("the device recovered from an error: " + sense.summary());
      return Optional.empty();
    }
    return Optional.of(
        new Failed(Layer.SCSI_STATUS, "CHECK_CONDITION", "check condition: " + sense.summary(), Optional.of(sense)));
  }

  /** Sense data with status GOOD: harmless only when it says nothing (NO SENSE, 00h/00h). */
  private static Optional<Failed> senseWithGood(int status, byte[] senseBytes, List<String> warnings) {
    if (senseBytes.length == 0 || (status & 0xff) != ScsiStatus.GOOD) {
      return Optional.empty();
    }
    Parsed parsed = Parsed.of(senseBytes);
    if (parsed.sense().isEmpty()) {
      return Optional.of(
          new Failed(
              Layer.SENSE,
              "SENSE_WITH_GOOD",
              "scsi status good, but " + senseBytes.length + " bytes of unreadable sense data came back: "
                  + parsed.problem()));
    }
    Sense sense = parsed.sense().get();
    if (!sense.isEmpty() || sense.deferred()) {
      return Optional.of(
          new Failed(
              Layer.SENSE,
              "SENSE_WITH_GOOD",
              "scsi status good, but the sense data says: " + sense.summary(),
              Optional.of(sense)));
    }
    warnings.add("empty sense data (NO SENSE) came back with status good");
    return Optional.empty();
  }

  private static Optional<Sense> decodable(byte[] senseBytes) {
    return senseBytes.length == 0 ? Optional.empty() : Parsed.of(senseBytes).sense();
  }

  /** Sense bytes parsed, or why they cannot be ({@code problem}, the parser's message). */
  private record Parsed(Optional<Sense> sense, String problem) {
    static Parsed of(byte[] senseBytes) {
      try {
        return new Parsed(Optional.of(Sense.parse(SENSE_SOURCE, senseBytes)), "");
      } catch (ScsiFormatException e) {
        return new Parsed(Optional.empty(), e.getMessage());
      }
    }
  }
}
