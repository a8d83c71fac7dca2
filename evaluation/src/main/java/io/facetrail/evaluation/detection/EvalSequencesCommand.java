package io.facetrail.evaluation.detection;

import static io.facetrail.evaluation.detection.JsonLines.line;

import io.facetrail.faces.cli.ModelRunOptions;
import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.faces.sweep.FrameKey;
import io.facetrail.faces.sweep.TileSweeps;
import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code facetrail eval detection-sequences}: what spreading the tiles over a stream's frames costs
 * in detection, against scanning every tile on every frame, on the same frames.
 */
@Command(
    name = "detection-sequences",
    mixinStandardHelpOptions = true,
    description = {
      "Detection over sequences of frames, as the embedder sees a stream: LFW faces of known yaw"
          + " composited at 30-120 px into a still view of real video (--clip), half of them"
          + " held still and half walking, half there from the first frame and half stepping"
          + " into view later.",
      "Each frame goes through the embedder's scan with every tile on every frame and with the"
          + " tiles spread over the frames (--tiles-per-frame, windows on the small faces found)."
          + " Prints JSON lines per scheme and group (size bucket, still, walking, all): the"
          + " fraction of frames in which a face was detected, frames from its appearance to its"
          + " first detection, the fraction detected after that; false positives and detection"
          + " ms per frame."
    })
public final class EvalSequencesCommand implements Callable<Integer> {
  @Option(names = "--lfw-dir", required = true, description = "LFW folder (lfw-deepfunneled/).")
  Path lfwDir;

  @Option(names = "--clip", description = "Real video whose frames become backgrounds (repeat).")
  List<Path> clips = new ArrayList<>();

  @Option(
      names = "--sequences",
      defaultValue = "12",
      description = "Sequences (default: ${DEFAULT-VALUE}).")
  int sequences;

  @Option(
      names = "--frames",
      defaultValue = "10",
      description = "Frames per sequence (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(
      names = "--faces",
      defaultValue = "8",
      description = "Faces per sequence (default: ${DEFAULT-VALUE}).")
  int faceCount;

  @Option(
      names = "--frame-size",
      defaultValue = "1920x1080",
      description = "Frame width x height (default: ${DEFAULT-VALUE}).")
  String frameSize;

  @Option(
      names = "--tiles-per-frame",
      description = "Tiles per frame of the sweep (default: the embedder's, ${DEFAULT-VALUE}).")
  int tilesPerFrame = FacePipelineSettings.DEFAULT_TILES_PER_FRAME;

  @Option(
      names = "--per-yaw",
      defaultValue = "30",
      description = "Source photos per yaw bucket (default: ${DEFAULT-VALUE}).")
  int perYaw;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the photos, backgrounds and motion (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin ModelRunOptions models;

  @Override
  public Integer call() {
    if (tilesPerFrame < 1) {
      throw new UserFacingException("--tiles-per-frame is " + tilesPerFrame + ", must be >= 1");
    }
    int[] size = EvalDetectionCommand.parseSize(frameSize);
    int w = size[0];
    int h = size[1];
    Random rng = new Random(seed);
    FacePipelineSettings settings =
        FacePipelineSettings.defaults()
            .withDevice(models.device())
            .withModelsDir(models.modelsDir())
            .withBatches(1, 64, models.threads());
    // The embedder's scan of video frames: its score floor, no border.
    ScanSettings scan =
        new ScanSettings(EvalDetectionCommand.FLOOR, settings.minFaceSize(), 0f, true);
    ScanSettings probe =
        new ScanSettings(
            EvalDetectionCommand.BACKGROUND_FLOOR,
            EvalDetectionCommand.BACKGROUND_MIN_FACE,
            0f,
            true);
    Map<String, TileSweeps> schemes = new LinkedHashMap<>();
    schemes.put("every-tile", new TileSweeps(0, System::nanoTime));
    schemes.put("sweep-" + tilesPerFrame, new TileSweeps(tilesPerFrame, System::nanoTime));
    try (FacePipeline faces = FacePipeline.create(settings)) {
      Map<YawBucket, List<FaceSample>> pool =
          FaceSamples.load(faces, lfwDir, perYaw, seed, () -> {});
      pool.forEach(
          (b, l) -> {
            if (l.isEmpty()) {
              throw new UserFacingException("no LFW face with yaw " + b.label + " found");
            }
          });
      line(
          "{\"config\":{\"sequences\":%d,\"frames\":%d,\"faces\":%d,\"frame_size\":\"%s\","
              + "\"tiles_per_frame\":%d,\"seed\":%d,\"clips\":%d,\"min_score\":%s,"
              + "\"min_face_size\":%d,\"max_speed_px_per_frame\":%s}}",
          sequences,
          frames,
          faceCount,
          frameSize,
          tilesPerFrame,
          seed,
          clips.size(),
          scan.minScore(),
          scan.minFaceSize(),
          SequenceComposer.MAX_SPEED);
      List<RgbImage> backgrounds = Backgrounds.make(clips, sequences, w, h, rng);
      SequenceTally tally = new SequenceTally();
      for (int n = 0; n < sequences; n++) {
        RgbImage background = backgrounds.get(n);
        List<SequenceFace> planned = SequenceComposer.plan(pool, faceCount, frames, w, h, rng);
        List<FaceBox> ignore =
            faces.detector().detect(List.of(background), probe).get(0).stream()
                .map(Detection::box)
                .toList();
        runSequence(faces, "seq-" + n, background, planned, ignore, scan, schemes, tally);
        System.err.printf("eval detection-sequences: sequence %d of %d done%n", n + 1, sequences);
      }
      tally.print();
    }
    return 0;
  }

  private void runSequence(
      FacePipeline faces,
      String stream,
      RgbImage background,
      List<SequenceFace> planned,
      List<FaceBox> ignore,
      ScanSettings scan,
      Map<String, TileSweeps> schemes,
      SequenceTally tally) {
    Map<String, Boolean[][]> found = new LinkedHashMap<>();
    schemes.keySet().forEach(s -> found.put(s, new Boolean[planned.size()][frames]));
    List<String> order = new ArrayList<>(schemes.keySet());
    for (int t = 0; t < frames; t++) {
      List<FaceBox> truth = new ArrayList<>();
      RgbImage frame =
          Pixels.compressed(SequenceComposer.render(background, planned, t, truth), 95);
      // A face another covers in part is no one's to find in that frame: ignored, not scored.
      List<FaceBox> scored = new ArrayList<>();
      List<Integer> scoredFace = new ArrayList<>();
      List<FaceBox> ignored = new ArrayList<>(ignore);
      for (int i = 0; i < truth.size(); i++) {
        FaceBox b = truth.get(i);
        if (b == null) {
          continue;
        }
        if (overlapsAnother(truth, i)) {
          ignored.add(b);
        } else {
          scored.add(b);
          scoredFace.add(i);
        }
      }
      // Alternate which scheme runs first: the machine's load shifts over a run.
      List<String> now = new ArrayList<>(order);
      if (t % 2 == 1) {
        java.util.Collections.reverse(now);
      }
      for (String scheme : now) {
        long t0 = System.nanoTime();
        List<Detection> dets =
            schemes
                .get(scheme)
                .detect(faces.detector(), scan, List.of(frame), List.of(new FrameKey(stream, t, 0)))
                .get(0);
        long nanos = System.nanoTime() - t0;
        DetectionScoring.Outcome o = DetectionScoring.score(dets, scored, ignored);
        tally.frame(scheme, o.falsePositives(), nanos);
        for (int k = 0; k < scored.size(); k++) {
          found.get(scheme)[scoredFace.get(k)][t] = o.found()[k];
        }
      }
    }
    found.forEach(
        (scheme, perFace) -> {
          for (int i = 0; i < planned.size(); i++) {
            SequenceFace f = planned.get(i);
            Boolean[] fromAppearance = new Boolean[frames - f.appearsAt()];
            System.arraycopy(perFace[i], f.appearsAt(), fromAppearance, 0, fromAppearance.length);
            tally.face(scheme, f, fromAppearance);
          }
        });
  }

  private static boolean overlapsAnother(List<FaceBox> truth, int i) {
    FaceBox a = truth.get(i);
    for (int j = 0; j < truth.size(); j++) {
      FaceBox b = truth.get(j);
      if (j != i
          && b != null
          && a.x() < b.right()
          && b.x() < a.right()
          && a.y() < b.bottom()
          && b.y() < a.bottom()) {
        return true;
      }
    }
    return false;
  }
}
