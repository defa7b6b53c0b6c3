package srro.os;

import java.util.Optional;
import srro.scsi.Cdbs;
import srro.scsi.DeviceType;
import srro.scsi.Hex;
import srro.scsi.ModeParameters;
import srro.scsi.PageControl;
import srro.scsi.ReturnedPage;
import srro.scsi.transport.Command;
import srro.scsi.transport.DataDirection;
import srro.scsi.transport.Outcome;
import srro.scsi.transport.Reply;
import srro.scsi.transport.ScsiDevice;
import srro.scsi.transport.TransportStatus;

/**
 * Runs inside the QEMU guest of QemuScsiIT (not a test itself): sends MODE SENSE(6) and (10), an unsupported
 * page, the control page (0x0a, for its SWP bit) and a WRITE(10) through srro's own transport, one {@code
 * SRRO-CMD} line per command for the host to parse. Arguments: pairs of LABEL DEVICE; a label starting with
 * "ro" also gets the WRITE(10).
 */
public final class GuestCommands {
  private GuestCommands() {}

  public static void main(String[] args) throws Exception {
    Host platform = Host.current();
    for (int i = 0; i + 1 < args.length; i += 2) {
      String label = args[i];
      String path = args[i + 1];
      try (ScsiDevice d = platform.openScsi(path, Platform.Access.PREFER_READ_WRITE)) {
        System.out.println("SRRO-CMD " + label + " open mode=" + d.mode().describe().replace(' ', '_'));
        Command inquiry = Cdbs.inquiry(96);
        dump(label, inquiry, d.execute(inquiry));
        mode(label, d, Cdbs.modeSense6(0x3f, 0, PageControl.CURRENT, false, 0xff), ModeParameters.Format.SIX,
            0x3f);
        mode(label, d, Cdbs.modeSense10(0x3f, 0, PageControl.CURRENT, false, false, 0x1000),
            ModeParameters.Format.TEN, 0x3f);
        mode(label, d, Cdbs.modeSense6(0x00, 0, PageControl.CURRENT, false, 0xff), ModeParameters.Format.SIX,
            0x00);
        mode(label, d, Cdbs.modeSense6(0x0a, 0, PageControl.CURRENT, false, 0xff), ModeParameters.Format.SIX,
            0x0a);
        mode(label, d, Cdbs.modeSense10(0x0a, 0, PageControl.CURRENT, false, false, 0x1000),
            ModeParameters.Format.TEN, 0x0a);
        mode(label, d, Cdbs.modeSense10(0x00, 0, PageControl.CURRENT, false, false, 0x1000),
            ModeParameters.Format.TEN, 0x00);
        if (label.startsWith("ro")) {
          // WRITE(10) of one 512-byte block at LBA 0: the device must refuse it.
          byte[] cdb = {0x2a, 0, 0, 0, 0, 0, 0, 0, 1, 0};
          Command write = new Command("WRITE(10)", cdb, DataDirection.TO_DEVICE, new byte[512], 0, 10_000);
          Reply reply = d.execute(write);
          dump(label, write, reply);
          print(label, write, Outcome.of(write, reply), "");
        }
      }
    }
    System.out.flush();
  }

  private static void mode(String label, ScsiDevice d, Command c, ModeParameters.Format f, int page)
      throws Exception {
    Reply reply = d.execute(c);
    dump(label, c, reply);
    Outcome o = ReturnedPage.checkMode(Outcome.of(c, reply), f, Optional.of(DeviceType.DISK), page, 0);
    String wp = "";
    if (o instanceof Outcome.Good g) {
      ModeParameters m = ModeParameters.parse("reply", g.data(), f, Optional.of(DeviceType.DISK));
      wp = " wp=" + (m.writeProtected().orElseThrow() ? 1 : 0) + " mdl=" + m.modeDataLength();
    }
    print(label, c, o, wp);
  }

  /** The raw reply, for fixtures: status fields, sense and the bytes the transport says it moved. */
  private static void dump(String label, Command c, Reply r) {
    TransportStatus.SgIo s = (TransportStatus.SgIo) r.status();
    int moved = Math.max(0, Math.min(r.data().length, r.data().length - s.resid()));
    System.out.println("SRRO-HEX " + label + " " + c.name().replace(' ', '_') + " errno=" + s.ioctlErrno()
        + " info=" + s.info() + " host=" + s.hostStatus() + " driver=" + s.driverStatus() + " scsi="
        + s.scsiStatus() + " resid=" + s.resid() + " sense=" + Hex.of(s.sense()) + " data="
        + Hex.of(java.util.Arrays.copyOf(r.data(), moved)));
  }

  private static void print(String label, Command c, Outcome o, String extra) {
    String name = c.name().replace(' ', '_');
    if (o instanceof Outcome.Failed f) {
      String key = f.sense().map(s -> s.senseKey().name()).orElse("-");
      String asc = f.sense().flatMap(s -> s.additionalSense())
          .map(a -> String.format("0x%02x/0x%02x", a.asc(), a.ascq())).orElse("-");
      System.out.println("SRRO-CMD " + label + " " + name + " failed layer=" + f.layer() + " code=" + f.code()
          + " key=" + key + " asc=" + asc);
    } else {
      System.out.println("SRRO-CMD " + label + " " + name + " good" + extra);
    }
  }
}
