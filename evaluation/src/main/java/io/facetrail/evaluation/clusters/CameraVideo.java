package io.facetrail.evaluation.clusters;

import io.facetrail.evaluation.tracking.scene.Actor;
import io.facetrail.evaluation.tracking.scene.FacePhoto;
import io.facetrail.evaluation.tracking.scene.Scenario;
import java.util.List;

/**
 * One generated camera: its scenario (people walking through it) and the photos its actors show,
 * indexed as the actors' {@code photo}: each actor is one appearance of one person.
 */
public record CameraVideo(Scenario scenario, List<FacePhoto> photos) {
  public CameraVideo {
    photos = List.copyOf(photos);
  }

  /** The stream id of this camera's tracks. */
  public String streamId() {
    return scenario.name();
  }

  /** The true label of a ground-truth actor: the LFW person it shows. */
  public String labelOf(int actorId) {
    for (Actor a : scenario.actors()) {
      if (a.id() == actorId) {
        return personLabel(photos.get(a.photo()).person());
      }
    }
    throw new IllegalArgumentException("no actor " + actorId + " in " + scenario.name());
  }

  /** The label of an LFW person (an index: names are face data and stay out of reports). */
  public static String personLabel(int person) {
    return "p" + person;
  }
}
