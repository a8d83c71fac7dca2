package io.facetrail.app.run;

import io.facetrail.contracts.identity.FrameUse;
import io.facetrail.contracts.identity.IdentityEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of the printed unknown line that says how many frames were usable and why the others
 * were not, e.g. {@code 0 of 18 frames usable: 12 too small, 6 turned away}.
 */
final class FrameUseText {
  private FrameUseText() {}

  static String of(IdentityEvent e) {
    FrameUse u = e.frameUse();
    if (u == null) {
      // A matcher from before the quality gate: framesUsed is all it says.
      return String.format(Locale.ROOT, "%d frames good enough to match", e.framesUsed());
    }
    List<String> why = new ArrayList<>();
    add(why, u.tooSmall(), "too small");
    add(why, u.tooDark(), "too dark");
    add(why, u.turnedAway(), "turned away");
    add(why, u.tooBlurred(), "too blurred");
    add(why, u.lowQuality(), "low quality");
    // framesUsed counts the frames in the aggregate; frames after it was full were usable too.
    long notUsed = u.tooSmall() + u.tooDark() + u.turnedAway() + u.tooBlurred() + u.lowQuality();
    long usable = Math.max(e.framesUsed(), u.seen() - notUsed);
    String head = String.format(Locale.ROOT, "%d of %d frames usable", usable, u.seen());
    return why.isEmpty() ? head : head + ": " + String.join(", ", why);
  }

  private static void add(List<String> why, long n, String reason) {
    if (n > 0) {
      why.add(n + " " + reason);
    }
  }
}
