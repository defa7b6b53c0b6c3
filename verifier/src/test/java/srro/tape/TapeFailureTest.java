package srro.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import srro.scsi.transport.Outcome;

class TapeFailureTest {
  private static TapeFailure at(Outcome.Layer layer) {
    return new TapeFailure("SECURITY PROTOCOL IN", new Outcome.Failed(layer, "X", "it failed"), 0);
  }

  @Test
  void describesCommandAndMessage() {
    assertEquals("SECURITY PROTOCOL IN: it failed", at(Outcome.Layer.HOST).describe());
  }

  @Test
  void onlyTheIoctlLayerIsAnOsCallFailure() {
    for (Outcome.Layer layer : Outcome.Layer.values()) {
      assertEquals(layer == Outcome.Layer.IOCTL, at(layer).osCallFailed(), layer.name());
    }
  }

  @Test
  void onlyStatusAndSenseMeanTheDriveRefused() {
    assertTrue(at(Outcome.Layer.SCSI_STATUS).driveRefused());
    assertTrue(at(Outcome.Layer.SENSE).driveRefused());
    assertFalse(at(Outcome.Layer.HOST).driveRefused());
    assertFalse(at(Outcome.Layer.DRIVER).driveRefused());
    assertFalse(at(Outcome.Layer.PAGE).driveRefused());
  }
}
