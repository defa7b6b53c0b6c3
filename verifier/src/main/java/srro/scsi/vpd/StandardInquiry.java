package srro.scsi.vpd;

import static srro.scsi.vpd.VpdLayout.f;

import java.util.ArrayList;
import java.util.List;
import srro.scsi.Cursor;
import srro.scsi.Field;
import srro.scsi.FieldValue;
import srro.scsi.Inquiry;
import srro.scsi.ScsiFormatException;

/**
 * Every flag of standard INQUIRY data (SPC-4 §6.6.2 table 140, SPC-6 for HOT_PLUGGABLE; the parallel SCSI
 * byte 56 from SPI-5) and its version descriptors, beside the identification {@link Inquiry} holds. Flag
 * acronyms are sg_inq's ("HiSUP", "CmdQue"); obsolete ones, which sg_inq prints in brackets, say so in their
 * description. A flag or descriptor past the additional length or past the reply is absent.
 */
public record StandardInquiry(Inquiry inquiry, List<FieldValue> flags, List<VersionDescriptor> versionDescriptors) {

  /** The flags, in sg_inq's order. */
  static final List<Field> FIELDS = List.of(
      f("PQual", 0, 7, 3, "Peripheral qualifier"),
      f("PDT", 0, 4, 5, "Peripheral device type"),
      f("RMB", 1, 7, 1, "Removable medium"),
      f("LU_CONG", 1, 6, 1, "Logical unit conglomerate"),
      f("hot_pluggable", 1, 5, 2, "Hot pluggable"),
      f("version", 2, 7, 8, "Version"),
      f("AERC", 3, 7, 1, "Asynchronous event reporting capability (obsolete)"),
      f("TrmTsk", 3, 6, 1, "Terminate task (obsolete)"),
      f("NormACA", 3, 5, 1, "Normal ACA supported"),
      f("HiSUP", 3, 4, 1, "Hierarchical support"),
      f("Resp_data_format", 3, 3, 4, "Response data format"),
      f("SCCS", 5, 7, 1, "SCC supported"),
      f("ACC", 5, 6, 1, "Access controls coordinator"),
      f("TPGS", 5, 5, 2, "Target port group support"),
      f("3PC", 5, 3, 1, "Third-party copy"),
      f("Protect", 5, 0, 1, "Protection information supported"),
      f("BQue", 6, 7, 1, "Basic queuing (obsolete)"),
      f("EncServ", 6, 6, 1, "Enclosure services"),
      f("VS6", 6, 5, 1, "Vendor specific [byte 6, bit 5]"),
      f("MultiP", 6, 4, 1, "Multiple SCSI ports"),
      f("MChngr", 6, 3, 1, "Medium changer (obsolete)"),
      f("ACKREQQ", 6, 2, 1, "ACK/REQ Q (obsolete)"),
      f("Addr16", 6, 0, 1, "Wide SCSI address 16 (SPI)"),
      f("RelAdr", 7, 7, 1, "Relative addressing (obsolete)"),
      f("WBus16", 7, 5, 1, "Wide bus 16 (SPI)"),
      f("Sync", 7, 4, 1, "Synchronous transfer (SPI)"),
      f("Linked", 7, 3, 1, "Linked commands (obsolete)"),
      f("TranDis", 7, 2, 1, "Transfer disable (obsolete)"),
      f("CmdQue", 7, 1, 1, "Command queuing"),
      f("VS7", 7, 0, 1, "Vendor specific [byte 7, bit 0]"),
      f("Clocking", 56, 3, 2, "Clocking (SPI)"),
      f("QAS", 56, 1, 1, "Quick arbitration and selection (SPI)"),
      f("IUS", 56, 0, 1, "Information units supported (SPI)"));

  private static final int FIRST_DESCRIPTOR = 58;
  private static final int DESCRIPTORS = 8;

  public StandardInquiry {
    flags = List.copyOf(flags);
    versionDescriptors = List.copyOf(versionDescriptors);
  }

  /** A version descriptor (SPC-4 §6.6.2, table 144) and where it was. */
  public record VersionDescriptor(int offset, int code) {
    /** "SPC-4 (no version claimed)", "SBC-3 (0x04c5)" or "0x1234 (not a standard srro knows)". */
    public String text() {
      return VersionDescriptors.describe(code);
    }
  }

  public static StandardInquiry parse(String source, byte[] bytes) throws ScsiFormatException {
    return parse(Cursor.of(source, bytes));
  }

  /** Decodes standard INQUIRY data; only a reply shorter than its 5-byte header is an error. */
  public static StandardInquiry parse(Cursor c) throws ScsiFormatException {
    Inquiry inquiry = Inquiry.parse(c);
    int declared = inquiry.declaredLength();
    List<FieldValue> flags = FieldValue.readAll(FIELDS, declared, c);
    List<VersionDescriptor> descriptors = new ArrayList<>();
    int end = Math.min(declared, c.length());
    for (int i = 0; i < DESCRIPTORS; i++) {
      int at = FIRST_DESCRIPTOR + 2 * i;
      if (at + 2 > end) {
        break;
      }
      int code = c.be16(at);
      if (code != 0) {
        descriptors.add(new VersionDescriptor(at, code));
      }
    }
    return new StandardInquiry(inquiry, flags, descriptors);
  }
}
