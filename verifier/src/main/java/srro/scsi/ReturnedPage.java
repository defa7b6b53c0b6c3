package srro.scsi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import srro.scsi.transport.Outcome;
import srro.scsi.transport.Outcome.Failed;
import srro.scsi.transport.Outcome.Layer;

/**
 * The last layer of {@link Outcome}: did the device return the page that was asked for, whole? Devices that
 * ignore the page code (or return a cached page of another kind) otherwise pass every status check.
 * Failures are {@link Layer#PAGE} with codes {@code WRONG_PAGE}, {@code PAGE_TRUNCATED}, {@code NO_PAGE} and
 * {@code MALFORMED_PAGE}; a {@link Failed} outcome passes through unchanged.
 */
public final class ReturnedPage {
  private ReturnedPage() {}

  /**
   * Checks a page the caller decoded (a security protocol page, a VPD page): {@code returnedCode} must be
   * {@code expectedCode} and the page's declared length must fit in the bytes received.
   */
  public static Outcome check(
      Outcome outcome, String what, int expectedCode, int returnedCode, int declaredLength, int availableLength) {
    if (!(outcome instanceof Outcome.Good good)) {
      return outcome;
    }
    if (returnedCode != expectedCode) {
      return new Failed(
          Layer.PAGE,
          "WRONG_PAGE",
          String.format("asked for %s 0x%02x, the device returned 0x%02x", what, expectedCode, returnedCode));
    }
    if (declaredLength > availableLength) {
      return new Failed(
          Layer.PAGE,
          "PAGE_TRUNCATED",
          String.format(
              "%s 0x%02x declares %d bytes, only %d received", what, expectedCode, declaredLength,
              availableLength));
    }
    return good;
  }

  /**
   * Checks the reply to a MODE SENSE for {@code pageCode}/{@code subpageCode}: for a single page (not 0x3f
   * all pages, not 0x00 header only) the first page must be the one asked for; for subpage 0xff every page must
   * have the page code; no page may be truncated. Header warnings are added to the good outcome's warnings.
   */
  public static Outcome checkMode(
      Outcome outcome, ModeParameters.Format format, Optional<DeviceType> type, int pageCode, int subpageCode) {
    if (!(outcome instanceof Outcome.Good good)) {
      return outcome;
    }
    ModeParameters mode;
    try {
      mode = ModeParameters.parse("mode sense reply", good.data(), format, type);
    } catch (ScsiFormatException e) {
      return new Failed(Layer.PAGE, "MALFORMED_PAGE", "mode sense reply: " + e.getMessage());
    }
    for (ModePage p : mode.pages()) {
      if (p.truncated()) {
        return new Failed(
            Layer.PAGE,
            "PAGE_TRUNCATED",
            p.name() + " declares " + p.declaredLength() + " bytes, only " + p.availableLength() + " received");
      }
    }
    if (pageCode != 0x3f && pageCode != 0x00) {
      if (mode.pages().isEmpty()) {
        return new Failed(
            Layer.PAGE, "NO_PAGE", String.format("asked for mode page 0x%02x, the reply has no page", pageCode));
      }
      for (ModePage p : subpageCode == 0xff ? mode.pages() : mode.pages().subList(0, 1)) {
        boolean subpageOk = subpageCode == 0xff || p.subpageCode() == subpageCode;
        if (p.pageCode() != pageCode || !subpageOk) {
          String asked =
              subpageCode == 0
                  ? String.format("page 0x%02x", pageCode)
                  : String.format("page 0x%02x subpage 0x%02x", pageCode, subpageCode);
          return new Failed(
              Layer.PAGE, "WRONG_PAGE", "asked for mode " + asked + ", the device returned " + p.name());
        }
      }
    }
    List<String> warnings = new ArrayList<>(good.warnings());
    warnings.addAll(mode.warnings());
    return new Outcome.Good(good.data(), warnings);
  }
}
