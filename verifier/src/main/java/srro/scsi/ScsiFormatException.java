package srro.scsi;

import srro.MalformedInputException;

/** SCSI data that contradicts its own structure beyond what can be reported as a warning (exit 65). */
public final class ScsiFormatException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  public ScsiFormatException(String source, long offset, String message) {
    super(source, offset, message);
  }
}
