package srro.tape;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import srro.scsi.ScsiFormatException;
import srro.scsi.transport.Command;
import srro.scsi.transport.Outcome;
import srro.scsi.transport.Reply;
import srro.scsi.transport.Transport;

/**
 * A tape drive spoken to over a {@link Transport} with SECURITY PROTOCOL IN / OUT. Every reply is judged by
 * {@link Outcome#of} at every layer, and every page is checked to be the page asked for, whole, before it is
 * parsed; what goes wrong comes back as a value ({@link Read.Failed}), never as "encryption off".
 */
public final class TapeDrive {
  /** The data encryption capabilities page code, for {@link #support}. */
  public static final int CAPABILITIES_PAGE = SecurityProtocol.CAPABILITIES_PAGE;
  /** The data encryption status page code, for {@link #support}. */
  public static final int STATUS_PAGE = SecurityProtocol.STATUS_PAGE;

  private final String device;
  private final Transport transport;
  private boolean offersNextBlock;
  private SupportedPages offered = new SupportedPages(List.of());

  public TapeDrive(String device, Transport transport) {
    this.device = Objects.requireNonNull(device, "device");
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  public String device() {
    return device;
  }

  /** The supported security protocols list (SPC-4 §7.7.1.3). */
  Read<SupportedProtocols> protocols() throws IOException {
    return read(SecurityProtocol.INFORMATION, SecurityProtocol.SUPPORTED_PROTOCOLS, SupportedProtocols::parse);
  }

  /** The tape data encryption in support page (SSC-4 §8.5.2.2). */
  Read<SupportedPages> pages() throws IOException {
    return read(SecurityProtocol.TAPE_DATA_ENCRYPTION, SecurityProtocol.IN_SUPPORT_PAGE, SupportedPages::parse);
  }

  /** The data encryption capabilities page (SSC-4 §8.5.2.4). */
  public Read<EncryptionCapabilities> capabilities() throws IOException {
    return read(SecurityProtocol.TAPE_DATA_ENCRYPTION, SecurityProtocol.CAPABILITIES_PAGE,
        EncryptionCapabilities::parse);
  }

  /** The data encryption status page (SSC-4 §8.5.2.7). */
  public Read<EncryptionStatus> status() throws IOException {
    return read(SecurityProtocol.TAPE_DATA_ENCRYPTION, SecurityProtocol.STATUS_PAGE, EncryptionStatus::parse);
  }

  /** The next block encryption status page (SSC-4 §8.5.2.8). */
  public Read<NextBlockStatus> nextBlock() throws IOException {
    return read(SecurityProtocol.TAPE_DATA_ENCRYPTION, SecurityProtocol.NEXT_BLOCK_PAGE,
        NextBlockStatus::parse);
  }

  /**
   * Whether the drive speaks tape data encryption and offers {@code page}: the supported protocols list must
   * name protocol 0x20 and the in support page must name every one of {@code wanted}. Empty when it does;
   * otherwise why not.
   */
  public Optional<Unsupported> support(int... wanted) throws IOException {
    Read<SupportedProtocols> protocols = protocols();
    if (protocols instanceof Read.Failed<SupportedProtocols> f) {
      return Optional.of(new Unsupported("reading the supported security protocols", Optional.of(f.failure())));
    }
    SupportedProtocols p = ((Read.Ok<SupportedProtocols>) protocols).page();
    if (!p.supports(SecurityProtocol.TAPE_DATA_ENCRYPTION)) {
      return Optional.of(new Unsupported(String.format(
          "the drive does not support tape data encryption: security protocol 0x20 is not among %s",
          hexList(p.protocols(), "%02x")), Optional.empty()));
    }
    Read<SupportedPages> pages = pages();
    if (pages instanceof Read.Failed<SupportedPages> f) {
      return Optional.of(new Unsupported("reading the supported encryption pages", Optional.of(f.failure())));
    }
    SupportedPages s = ((Read.Ok<SupportedPages>) pages).page();
    for (int page : wanted) {
      if (!s.supports(page)) {
        String what = String.format(
            "the drive does not offer page 0x%04x: its pages are %s", page, hexList(s.pageCodes(), "%04x"));
        return Optional.of(new Unsupported(what, Optional.empty()));
      }
    }
    this.offersNextBlock = s.supports(SecurityProtocol.NEXT_BLOCK_PAGE);
    this.offered = s;
    return Optional.empty();
  }

  /** Why a drive cannot answer: {@code what} says what was found or attempted; {@code failure} the command. */
  public record Unsupported(String what, Optional<TapeFailure> failure) {
    public Unsupported {
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(failure, "failure");
    }

    public String describe() {
      return failure.map(f -> what + ": " + f.describe()).orElse(what);
    }
  }

  /** Whether the in support page read by the last successful {@link #support} lists {@code page}. */
  public boolean offers(int page) {
    return offered.supports(page);
  }

  /** Whether the in support page read by the last successful {@link #support} lists page 0x0021. */
  public boolean offersNextBlock() {
    return offersNextBlock;
  }

  /**
   * Sends {@code command} (a SECURITY PROTOCOL OUT) and wipes its data the moment the transport returns,
   * whatever happened. Empty when every layer said good.
   */
  Optional<TapeFailure> send(Command command) throws IOException {
    Reply reply;
    try {
      reply = transport.execute(command);
    } finally {
      command.wipe();
    }
    Outcome outcome = Outcome.of(command, reply);
    if (outcome instanceof Outcome.Failed f) {
      return Optional.of(new TapeFailure(command.name(), f, reply.status().ioctlErrno()));
    }
    return Optional.empty();
  }

  interface Parser<T> {
    T parse(String source, byte[] data) throws ScsiFormatException;
  }

  private <T> Read<T> read(int protocol, int page, Parser<T> parser) throws IOException {
    Command command = SecurityProtocol.in(protocol, page);
    Reply reply = transport.execute(command);
    Outcome outcome = Outcome.of(command, reply);
    if (outcome instanceof Outcome.Failed f) {
      return new Read.Failed<>(new TapeFailure(command.name(), f, reply.status().ioctlErrno()));
    }
    Outcome.Good good = (Outcome.Good) outcome;
    byte[] data = good.data();
    if (protocol == SecurityProtocol.TAPE_DATA_ENCRYPTION) {
      Optional<Outcome.Failed> bad = Page.check(data, page);
      if (bad.isPresent()) {
        return new Read.Failed<>(new TapeFailure(command.name(), bad.get(), 0));
      }
    }
    String source = String.format("%s page 0x%02x/0x%04x", device, protocol, page);
    try {
      return new Read.Ok<>(parser.parse(source, data), good.warnings());
    } catch (ScsiFormatException e) {
      String where = e.offset() >= 0 ? " at offset " + e.offset() : "";
      return new Read.Failed<>(new TapeFailure(command.name(),
          new Outcome.Failed(Outcome.Layer.PAGE, "MALFORMED_PAGE", e.source() + where + ": " + e.getMessage()),
          0));
    }
  }

  private static String hexList(List<Integer> values, String format) {
    List<String> out = new ArrayList<>(values.size());
    for (int v : values) {
      out.add("0x" + String.format(format, v));
    }
    return out.isEmpty() ? "(none)" : String.join(" ", out);
  }
}
