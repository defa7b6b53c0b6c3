package srro.scsi.transport;

import java.io.IOException;

/**
 * Something that carries SCSI commands to a device and reports what every layer said: Linux SG_IO and
 * OpenBSD SCIOCCOMMAND (srro.os, in the tool), and scripted targets in tests. A transport does not judge: an
 * ioctl that returned -1 is a {@link Reply} with that errno, not an exception; {@link Outcome#of} judges.
 * IOException is only for failures outside the command (the device went away, the descriptor is closed).
 */
public interface Transport {
  Reply execute(Command command) throws IOException;
}
