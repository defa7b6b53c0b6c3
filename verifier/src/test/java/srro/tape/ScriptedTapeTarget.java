package srro.tape;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import srro.scsi.transport.Command;
import srro.scsi.transport.Reply;
import srro.scsi.transport.Transport;
import srro.scsi.transport.TransportStatus;

/**
 * A tape drive in a test: answers SECURITY PROTOCOL IN with the supported protocols list, the in support page,
 * one AES-256-GCM algorithm (index 1, 32-byte key, U-KAD up to 32 bytes), the status page and the next block
 * page; takes SECURITY PROTOCOL OUT set data encryption pages and changes its status as a drive would (new
 * modes, algorithm, U-KAD, key instance counter + 1). Faults make it lie the ways real stacks have lied.
 *
 * <p>It keeps a reference to every data-out buffer it was sent (never a copy), so tests can check that the
 * key was wiped after sending.
 */
public final class ScriptedTapeTarget implements Transport {
  /** Linux sg host_status DID_ERROR (drivers/scsi/scsi.h). */
  public static final int DID_ERROR = 0x07;
  /** Linux sg driver_status DRIVER_SENSE. */
  public static final int DRIVER_SENSE = 0x08;
  public static final int CHECK_CONDITION = 0x02;

  private int encryptionMode;
  private int decryptionMode;
  private int algorithmIndex = 1;
  private long keyInstanceCounter = 7;
  private byte[] ukad = new byte[0];
  private final List<byte[]> sentData = new ArrayList<>();
  private final List<Command> commands = new ArrayList<>();
  private final Map<String, Fault> faults = new HashMap<>();
  private boolean ignoresSpout;
  private boolean supportsEncryption = true;
  private Integer wrongPage;
  private final Map<Integer, byte[]> replaced = new HashMap<>();
  private boolean throwsOnSpout;
  private int lastFlags = -1;
  private int rdmcC = 2;
  private boolean rdmd;
  private boolean ignoresRdmc;
  private int ceem;

  /** What a fault does to a command. */
  public sealed interface Fault {}

  /** ioctl 0, SCSI status GOOD, no sense, host_status DID_ERROR: the seed story. Nothing is done. */
  public record DidError() implements Fault {}

  /** CHECK CONDITION with descriptor-format sense (0x72) carrying this key, ASC and ASCQ. */
  public record CheckCondition(int senseKey, int asc, int ascq) implements Fault {}

  /** CHECK CONDITION with fixed-format sense (0x70), as QEMU's scsi-hd sends for an unknown opcode. */
  public record FixedSense(int senseKey, int asc, int ascq) implements Fault {}

  /** The ioctl itself fails with this errno. */
  public record IoctlError(int errno, String name) implements Fault {}

  /** The drive swallows SECURITY PROTOCOL OUT: GOOD at every layer, status unchanged. */
  public ScriptedTapeTarget ignoringSpout() {
    ignoresSpout = true;
    return this;
  }

  /** Answers every status page request with page {@code code} (the capabilities page, say). */
  public ScriptedTapeTarget answeringStatusWithPage(int code) {
    wrongPage = code;
    return this;
  }

  /** Answers protocol 0x20 page {@code page} with {@code reply} as it is (a malformed page, say). */
  public ScriptedTapeTarget replacing(int page, byte[] reply) {
    replaced.put(page, reply.clone());
    return this;
  }

  /** Throws IOException for SECURITY PROTOCOL OUT, as a transport whose descriptor went away. */
  public ScriptedTapeTarget throwingOnSpout() {
    throwsOnSpout = true;
    return this;
  }

  /**
   * Reports {@code value} as RDMC_C of its algorithm (default 2, reserved: no raw decryption control); 4 and 5
   * make it honour the RDMC field as an LTO drive does, marking blocks by default disabled (4) or enabled (5).
   */
  public ScriptedTapeTarget withRdmcC(int value) {
    rdmcC = value;
    rdmd = value == 4 || value == 6;
    return this;
  }

  /** Takes set data encryption pages but keeps its raw decryption marking (RDMD) whatever RDMC says. */
  public ScriptedTapeTarget ignoringRdmc() {
    ignoresRdmc = true;
    return this;
  }

  /** Lists only protocol 0x00 in the supported protocols list (a drive without encryption). */
  public ScriptedTapeTarget withoutEncryption() {
    supportsEncryption = false;
    return this;
  }

  /**
   * Applies {@code fault} to commands whose name starts with {@code prefix} ("SECURITY PROTOCOL OUT",
   * "SECURITY PROTOCOL IN protocol 0x20 specific 0x0020", "SECURITY PROTOCOL" for all).
   */
  public ScriptedTapeTarget fault(String prefix, Fault fault) {
    faults.put(prefix, fault);
    return this;
  }

  /** Encryption on with this algorithm and U-KAD, as a drive left by an earlier run. */
  public ScriptedTapeTarget encrypting(int mode, int decrypt, String kad) {
    encryptionMode = mode;
    decryptionMode = decrypt;
    ukad = kad.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return this;
  }

  public List<byte[]> sentData() {
    return sentData;
  }

  public List<Command> commands() {
    return commands;
  }

  /** Byte 5 (CEEM, RDMC, SDK, CKOD, CKORP, CKORL) of the last set data encryption page taken, or -1. */
  public int lastFlags() {
    return lastFlags;
  }

  public long keyInstanceCounter() {
    return keyInstanceCounter;
  }

  @Override
  public Reply execute(Command command) throws IOException {
    commands.add(command);
    if (command.cdb()[0] == (byte) 0xb5) {
      sentData.add(command.dataOut());
      if (throwsOnSpout) {
        throw new IOException("descriptor closed");
      }
    }
    for (Map.Entry<String, Fault> e : faults.entrySet()) {
      if (command.name().startsWith(e.getKey())) {
        return faulted(command, e.getValue());
      }
    }
    int opcode = command.cdb()[0] & 0xff;
    int protocol = command.cdb()[1] & 0xff;
    int page = ((command.cdb()[2] & 0xff) << 8) | (command.cdb()[3] & 0xff);
    if (opcode == 0xa2) {
      byte[] reply = spin(protocol, page);
      if (reply == null) {
        return sense(command, 0x72, 0x05, 0x24, 0x00);
      }
      byte[] buffer = new byte[command.allocationLength()];
      int n = Math.min(reply.length, buffer.length);
      System.arraycopy(reply, 0, buffer, 0, n);
      return good(buffer, buffer.length - n);
    }
    if (opcode == 0xb5 && protocol == 0x20 && page == 0x0010) {
      if (!ignoresSpout) {
        take(command.dataOut());
      }
      return good(new byte[0], 0);
    }
    return sense(command, 0x72, 0x05, 0x20, 0x00);
  }

  private void take(byte[] p) {
    lastFlags = p[5] & 0xff;
    encryptionMode = p[6] & 0xff;
    decryptionMode = p[7] & 0xff;
    algorithmIndex = p[8] & 0xff;
    int keyLength = ((p[18] & 0xff) << 8) | (p[19] & 0xff);
    int at = 20 + keyLength;
    ukad = new byte[0];
    if (at + 4 <= p.length && p[at] == 0) {
      int n = ((p[at + 2] & 0xff) << 8) | (p[at + 3] & 0xff);
      ukad = Arrays.copyOfRange(p, at + 4, at + 4 + n);
    }
    ceem = (p[5] >> 6) & 3;
    int rdmc = (p[5] >> 4) & 3;
    if (!ignoresRdmc) {
      rdmd = rdmc == 3 || (rdmc == 0 && (rdmcC == 4 || rdmcC == 6));
    }
    keyInstanceCounter++;
  }

  private byte[] spin(int protocol, int page) {
    if (protocol == 0x00 && page == 0x0000) {
      return supportsEncryption
          ? new byte[] {0, 0, 0, 0, 0, 0, 0, 2, 0x00, 0x20}
          : new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 0x00};
    }
    if (protocol != 0x20 || !supportsEncryption) {
      return null;
    }
    if (page == 0x0020 && wrongPage != null) {
      page = wrongPage;
    }
    if (replaced.containsKey(page)) {
      return replaced.get(page).clone();
    }
    return switch (page) {
      case 0x0000 -> new byte[] {0, 0, 0, 12, 0, 0, 0, 1, 0, 0x10, 0, 0x11, 0, 0x20, 0, 0x21};
      case 0x0010 -> capabilities();
      case 0x0020 -> status();
      case 0x0021 -> nextBlock();
      default -> null;
    };
  }

  /** One algorithm descriptor: index 1, AES-256-GCM-128, 32-byte key, U-KAD 32, A-KAD 12. */
  private byte[] capabilities() {
    byte[] p = new byte[20 + 24];
    p[1] = 0x10;
    p[3] = (byte) (p.length - 4);
    p[4] = 0x09; // EXTDECC 2, CFG_P 1
    int a = 20;
    p[a] = 1;
    p[a + 3] = 20;
    p[a + 4] = (byte) 0x8a; // AVFMV, DECRYPT_C 2, ENCRYPT_C 2
    p[a + 5] = 0x08; // KADF_C
    p[a + 7] = 32;
    p[a + 9] = 12;
    p[a + 11] = 32;
    p[a + 12] = (byte) (rdmcC << 1); // RDMC_C, 2 unless set
    p[a + 20] = 0x00;
    p[a + 21] = 0x01;
    p[a + 22] = 0x00;
    p[a + 23] = 0x14;
    return p;
  }

  private byte[] status() {
    int kads = ukad.length > 0 ? 4 + ukad.length : 0;
    byte[] p = new byte[24 + kads];
    p[1] = 0x20;
    p[2] = (byte) ((p.length - 4) >> 8);
    p[3] = (byte) (p.length - 4);
    p[4] = 0x40; // I_T nexus scope 2 (all), key scope 0 (public)
    p[5] = (byte) encryptionMode;
    p[6] = (byte) decryptionMode;
    p[7] = (byte) algorithmIndex;
    p[8] = (byte) (keyInstanceCounter >> 24);
    p[9] = (byte) (keyInstanceCounter >> 16);
    p[10] = (byte) (keyInstanceCounter >> 8);
    p[11] = (byte) keyInstanceCounter;
    p[12] = (byte) ((ceem << 1) | (rdmd ? 1 : 0));
    p[13] = (byte) (ukad.length > 0 ? 2 : 0);
    if (kads > 0) {
      p[24] = 0; // U-KAD
      p[25] = 1; // authenticated 1: not authenticated
      p[27] = (byte) ukad.length;
      System.arraycopy(ukad, 0, p, 28, ukad.length);
    }
    return p;
  }

  private byte[] nextBlock() {
    byte[] p = new byte[16];
    p[1] = 0x21;
    p[3] = 12;
    p[11] = 42;
    p[12] = (byte) (encryptionMode == 2 ? 0x35 : 0x33); // compression 3, encryption 5 or 3
    p[13] = (byte) algorithmIndex;
    p[14] = (byte) (encryptionMode == 2 && rdmd ? 1 : 0); // RDMDS
    return p;
  }

  private Reply faulted(Command command, Fault fault) {
    if (fault instanceof DidError) {
      return new Reply(new TransportStatus.SgIo(0, "", 0, DID_ERROR, 0, 0, command.transferLength(),
          new byte[0], 1), new byte[command.allocationLength()]);
    } else if (fault instanceof CheckCondition c) {
      return sense(command, 0x72, c.senseKey(), c.asc(), c.ascq());
    } else if (fault instanceof FixedSense f) {
      return sense(command, 0x70, f.senseKey(), f.asc(), f.ascq());
    }
    IoctlError e = (IoctlError) fault;
    return new Reply(new TransportStatus.SgIo(e.errno(), e.name(), 0, 0, 0, 0, 0, new byte[0], 0),
        new byte[command.allocationLength()]);
  }

  private static Reply good(byte[] data, int resid) {
    return new Reply(new TransportStatus.SgIo(0, "", 0, 0, 0, 0, resid, new byte[0], 1), data);
  }

  /** CHECK CONDITION with sense in {@code format} 0x70 (fixed, 18 bytes) or 0x72 (descriptor, 8 bytes). */
  private static Reply sense(Command command, int format, int key, int asc, int ascq) {
    byte[] sense;
    if (format == 0x72) {
      sense = new byte[] {0x72, (byte) key, (byte) asc, (byte) ascq, 0, 0, 0, 0};
    } else {
      sense = new byte[18];
      sense[0] = 0x70;
      sense[2] = (byte) key;
      sense[7] = 10;
      sense[12] = (byte) asc;
      sense[13] = (byte) ascq;
    }
    return new Reply(new TransportStatus.SgIo(0, "", 1, 0, DRIVER_SENSE, CHECK_CONDITION,
        command.transferLength(), sense, 1), new byte[command.allocationLength()]);
  }
}
