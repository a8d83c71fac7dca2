package io.facetrail.evaluation.detection;

import io.facetrail.faces.pipeline.DetectorKind;
import io.facetrail.runtime.cli.UserFacingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of {@code --detectors}: a detector ({@code SSD}), or an ensemble of several joined by
 * {@code +} ({@code SSD+BLAZEFACE_BACK}: the union of their detections, then NMS). A member may
 * carry its own floor ({@code BLAZEFACE_BACK@0.5}); without one it contributes from the report's
 * floor.
 *
 * @param members the detectors, each with its floor
 */
record DetectorSpec(List<Member> members) {
  /**
   * @param kind the detector
   * @param floor its detections from this score (null: the report's floor)
   */
  record Member(DetectorKind kind, Float floor) {
    String label() {
      String n = kind.name().toLowerCase(Locale.ROOT);
      return floor == null ? n : n + "@" + floor;
    }
  }

  DetectorSpec {
    members = List.copyOf(members);
  }

  /** The name in the report, e.g. {@code ssd+blazeface_back}. */
  String name() {
    return String.join("+", members.stream().map(Member::label).toList());
  }

  /**
   * @throws UserFacingException naming the part that is not a detector or a score
   */
  static DetectorSpec parse(String text) {
    List<Member> members = new ArrayList<>();
    for (String part : text.trim().split("\\+", -1)) {
      String[] kindAndFloor = part.trim().split("@", -1);
      DetectorKind kind;
      try {
        kind = DetectorKind.valueOf(kindAndFloor[0].trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UserFacingException(
            "--detectors: "
                + kindAndFloor[0]
                + " is not a detector (one of "
                + List.of(DetectorKind.values())
                + ", or several joined by +)");
      }
      Float floor = null;
      if (kindAndFloor.length == 2) {
        try {
          floor = Float.parseFloat(kindAndFloor[1]);
        } catch (NumberFormatException e) {
          throw new UserFacingException("--detectors: " + part + " has no score after @");
        }
        if (!(floor > 0 && floor < 1)) {
          throw new UserFacingException("--detectors: the floor of " + part + " must be in (0, 1)");
        }
      } else if (kindAndFloor.length > 2) {
        throw new UserFacingException("--detectors: " + part + " has more than one @");
      }
      members.add(new Member(kind, floor));
    }
    return new DetectorSpec(members);
  }
}
