package io.facetrail.evaluation.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.evaluation.tracking.detect.DetectedFace;
import io.facetrail.faces.embed.FaceEmbedder;
import io.facetrail.faces.quality.FaceMeasures;
import io.facetrail.matcher.aggregate.EmbeddingMean;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.tracker.box.BoundingBox;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrackFolderTest {
  private static final String MODEL = FaceEmbedder.V1_MODEL_ID;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** Measures the shipped gate passes, and a face too dark for it (brightness under 8). */
  private static final FaceMeasures GOOD = new FaceMeasures(100, 0.02, 120, 5);

  private static final FaceMeasures DARK = new FaceMeasures(100, 0.02, 5, 5);

  private static byte[] code(Random random) {
    float[] v = new float[FaceCode.DIMENSIONS];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return FaceCode.quantise(FaceCode.normalise(v));
  }

  private static VideoTrack.Sighting face(int frame, float quality, byte[] code, FaceMeasures m) {
    return new VideoTrack.Sighting(
        frame,
        frame * 100_000L,
        new DetectedFace(new BoundingBox(10, 10, 80, 100), 0.9f, quality, code, m));
  }

  @Test
  void foldsTheGatedFacesAsTheMatcherDoes() {
    Random random = new Random(5);
    byte[][] codes = {code(random), code(random), code(random), code(random)};
    VideoTrack track =
        new VideoTrack(
            "cam2/t7",
            "cam2",
            "p9",
            List.of(
                face(3, 0.9f, codes[0], GOOD),
                face(4, 0.5f, codes[1], GOOD),
                face(5, 0.95f, codes[2], DARK),
                face(6, 0.7f, codes[3], GOOD)));
    TrackFolder folder = new TrackFolder(DecisionSettings.defaults(), MODEL, START);

    FoldedTrack folded = folder.fold(track).orElseThrow();

    ArchivedTrack a = folded.archived();
    assertThat(folded.truth()).isEqualTo("p9");
    assertThat(a.trackId()).isEqualTo("cam2/t7");
    assertThat(a.streamId()).isEqualTo("cam2");
    assertThat(a.modelId()).isEqualTo(MODEL);
    assertThat(a.goodFrames()).as("the dark face does not count").isEqualTo(3);
    EmbeddingMean mean = new EmbeddingMean();
    mean.add(unit(codes[0]), 0.9);
    mean.add(unit(codes[1]), 0.5);
    mean.add(unit(codes[3]), 0.7);
    assertThat(a.aggregate()).isEqualTo(mean.code());
    assertThat(a.bestFrames()).hasSize(3);
    assertThat(a.bestFrames().get(0)).as("best quality first").isEqualTo(codes[0]);
    assertThat(a.firstSeen().sequence()).isEqualTo(3);
    assertThat(a.lastSeen().sequence()).isEqualTo(6);
    assertThat(a.archivedAt()).isEqualTo(START.plusMillis(600));
    assertThat(a.faceQuality().heightPx())
        .as("mean of the good frames")
        .isCloseTo(100, within(1e-6));
    assertThat(a.faceQuality().sharpness()).isCloseTo(0.02, within(1e-6));
  }

  @Test
  void aTrackWithoutAGoodFaceIsNotArchived() {
    VideoTrack dark =
        new VideoTrack("cam0/t1", "cam0", "p1", List.of(face(0, 0.9f, code(new Random(1)), DARK)));
    assertThat(new TrackFolder(DecisionSettings.defaults(), MODEL, START).fold(dark)).isEmpty();
  }

  private static float[] unit(byte[] code) {
    return FaceCode.normalise(FaceCode.dequantise(code));
  }
}
