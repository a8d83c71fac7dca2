package io.facetrail.api.clusters;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.FaceQuality;
import io.facetrail.matcher.archive.LocalTrackArchive;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.cluster.ClusterSettings;
import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A track archive of unknown tracks made of LFW photos analysed by the real models, as {@code
 * ClustersCommandsIT} builds one: photos 1 to 6 of five people, photo i of everybody seen at once
 * by one of two cameras (so tracks of one photo number are never one person's), each photo its
 * track's face.
 */
public final class UnknownTracks {
  public static final List<String> PEOPLE =
      List.of(
          "Tony_Blair", "Colin_Powell", "Donald_Rumsfeld", "George_W_Bush", "Gerhard_Schroeder");
  public static final int PHOTOS = 6;

  private UnknownTracks() {}

  /**
   * Archives the tracks into the local archive at {@code archiveDir}.
   *
   * @param givenClusterId the cluster id each track was given when it joined one (person, photo
   *     number), or null
   * @return the person of each track id
   */
  public static Map<String, String> archive(
      Path lfw, Path archiveDir, BiFunction<String, Integer, String> givenClusterId)
      throws IOException {
    Map<String, String> personOf = new LinkedHashMap<>();
    Instant t0 = Instant.now().minusSeconds(3600);
    int n = 0;
    try (FaceAnalyzer analyzer = FaceAnalyzers.open();
        LocalTrackArchive archive = LocalTrackArchive.open(archiveDir)) {
      for (int i = 1; i <= PHOTOS; i++) {
        for (String person : PEOPLE) {
          Path photo = photo(lfw, person, i);
          DetectedFace face =
              analyzer.analyse(photo).stream()
                  .max(Comparator.comparingDouble(DetectedFace::boxArea))
                  .orElseThrow();
          if (!ClusterSettings.defaults().goodEnough(3 + i, FaceQuality.of(face.measures()))) {
            // Below the default face quality floors: clustering would leave the track out, and
            // the tests count the tracks it takes.
            continue;
          }
          String stream = i % 2 == 0 ? "entrance" : "lobby";
          String id = stream + "/t" + (n++);
          Instant archivedAt = t0.plusSeconds(60L * n);
          Moment first = new Moment(i * 100L, i * 4_000_000L, archivedAt.toEpochMilli() - 3_000);
          Moment last =
              new Moment(i * 100L + 50, i * 4_000_000L + 2_000_000L, archivedAt.toEpochMilli());
          archive.put(
              new ArchivedTrack(
                  id,
                  stream,
                  face.modelId(),
                  first,
                  last,
                  archivedAt,
                  3 + i,
                  face.code(),
                  List.of(),
                  Files.readAllBytes(photo),
                  Map.of(),
                  FaceQuality.of(face.measures())),
              new TrackDecision(
                  id,
                  null,
                  Double.NaN,
                  Double.NaN,
                  Double.NaN,
                  Double.NaN,
                  -1,
                  List.of(),
                  false,
                  archivedAt,
                  false,
                  0,
                  givenClusterId == null ? null : givenClusterId.apply(person, i)));
          personOf.put(id, person);
        }
      }
    }
    return personOf;
  }

  public static Path photo(Path lfw, String person, int i) {
    return lfw.resolve("lfw-deepfunneled")
        .resolve(person)
        .resolve(String.format("%s_%04d.jpg", person, i));
  }
}
