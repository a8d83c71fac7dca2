package io.facetrail.evaluation.clusters;

import io.facetrail.evaluation.tracking.TrackingEvaluation;
import io.facetrail.evaluation.tracking.detect.FrameFaceDetector;
import io.facetrail.evaluation.tracking.scene.FacePhoto;
import io.facetrail.evaluation.tracking.scene.LfwPhotos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Chooses the people of one half and their photos. A recurring person has a different photo for
 * each appearance, and one more photo that no video shows (the search query); a one-photo person
 * appears once, a distractor for the clustering. A photo is used only when the detector finds
 * exactly one confident face on it shown alone (as {@code eval tracking} casts): one it cannot find
 * defines no ground truth.
 *
 * @param recurring the recurring people: each one's appearance photos
 * @param queries the query photo of each recurring person, by label
 * @param singles the one-photo people's photos
 * @param rejected photos refused by the detector
 */
public record ClusterCast(
    List<List<FacePhoto>> recurring,
    Map<String, Path> queries,
    List<FacePhoto> singles,
    int rejected) {

  /** Every person's appearance photos, recurring people first. */
  public List<List<FacePhoto>> people() {
    List<List<FacePhoto>> out = new ArrayList<>(recurring);
    for (FacePhoto p : singles) {
      out.add(List.of(p));
    }
    return out;
  }

  /**
   * Casts one half.
   *
   * @param people recurring people wanted
   * @param appearances appearances of each recurring person (each needs that many usable photos
   *     plus the query)
   * @param singleCount one-photo people wanted
   */
  public static ClusterCast choose(
      LfwPhotos lfw,
      FrameFaceDetector detector,
      PeopleSplit split,
      long seed,
      int people,
      int appearances,
      int singleCount) {
    List<List<FacePhoto>> recurring = new ArrayList<>();
    Map<String, Path> queries = new LinkedHashMap<>();
    List<FacePhoto> singles = new ArrayList<>();
    int rejected = 0;
    for (int person : split.of(lfw.shuffled(seed))) {
      if (recurring.size() == people && singles.size() == singleCount) {
        break;
      }
      int count = lfw.photoCount(person);
      if (count == 1 && singles.size() < singleCount) {
        FacePhoto p = photo(lfw, detector, person, 0);
        if (p == null) {
          rejected++;
        } else {
          singles.add(p);
        }
      } else if (count > appearances && recurring.size() < people) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(seed * 1_000_003L + person));
        // The query is never shown, so it is taken first, before knowing which photos work.
        int query = order.get(0);
        List<FacePhoto> photos = new ArrayList<>();
        for (int i : order.subList(1, count)) {
          if (photos.size() == appearances) {
            break;
          }
          FacePhoto p = photo(lfw, detector, person, i);
          if (p == null) {
            rejected++;
          } else {
            photos.add(p);
          }
        }
        if (photos.size() == appearances) {
          recurring.add(photos);
          queries.put(CameraVideo.personLabel(person), lfw.photo(person, query));
        }
      }
    }
    if (recurring.size() < people || singles.size() < singleCount) {
      throw new IllegalStateException(
          "the "
              + split.label()
              + " half has only "
              + recurring.size()
              + " usable recurring and "
              + singles.size()
              + " one-photo people");
    }
    return new ClusterCast(recurring, queries, singles, rejected);
  }

  private static FacePhoto photo(LfwPhotos lfw, FrameFaceDetector detector, int person, int i) {
    var patch = lfw.patch(person, i);
    double[] reference = TrackingEvaluation.referenceBox(detector, patch);
    return reference == null ? null : new FacePhoto(person, patch, reference);
  }
}
