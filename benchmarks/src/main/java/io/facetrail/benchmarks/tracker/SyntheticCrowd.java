package io.facetrail.benchmarks.tracker;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.code.FaceCode;
import io.facetrail.contracts.proto.Box;
import io.facetrail.contracts.proto.Face;
import io.facetrail.contracts.proto.FrameFaces;
import io.facetrail.tracker.box.BoundingBox;
import io.facetrail.tracker.track.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark input: faces bouncing around a 1920x1080 frame at 25 fps, crossing each other's paths,
 * with one in ten detections weak (score 0.3) so both matching stages run. Each person's face code
 * is a fixed random unit vector plus per-frame noise: the benchmark measures association cost,
 * which does not depend on what the codes mean.
 */
final class SyntheticCrowd {
  static final long FRAME_US = 40_000;
  private static final int WIDTH = 1920;
  private static final int HEIGHT = 1080;

  private final List<List<Detection>> detections;
  private final List<FrameFaces> frames;

  SyntheticCrowd(int people, int frameCount, long seed) {
    Random random = new Random(seed);
    float[][] identity = new float[people][];
    double[][] pos = new double[people][4]; // x, y, vx, vy in px per frame
    double[] size = new double[people];
    for (int p = 0; p < people; p++) {
      float[] v = new float[FaceCode.DIMENSIONS];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) random.nextGaussian();
      }
      identity[p] = FaceCode.normalise(v);
      size[p] = 60 + random.nextInt(60);
      pos[p] =
          new double[] {
            random.nextInt(WIDTH - 200),
            random.nextInt(HEIGHT - 200),
            random.nextGaussian() * 6,
            random.nextGaussian() * 3
          };
    }
    detections = new ArrayList<>(frameCount);
    frames = new ArrayList<>(frameCount);
    for (int f = 0; f < frameCount; f++) {
      List<Detection> dets = new ArrayList<>(people);
      FrameFaces.Builder frame =
          FrameFaces.newBuilder()
              .setStreamId("bench")
              .setSequence(f)
              .setMediaTimeUs(f * FRAME_US)
              .setWidth(WIDTH)
              .setHeight(HEIGHT)
              .setModelId("bench-codes");
      for (int p = 0; p < people; p++) {
        double[] s = pos[p];
        s[0] += s[2];
        s[1] += s[3];
        if (s[0] < 0 || s[0] + size[p] > WIDTH) {
          s[2] = -s[2];
          s[0] = Math.max(0, Math.min(WIDTH - size[p], s[0]));
        }
        if (s[1] < 0 || s[1] + size[p] * 1.2 > HEIGHT) {
          s[3] = -s[3];
          s[1] = Math.max(0, Math.min(HEIGHT - size[p] * 1.2, s[1]));
        }
        float[] v = identity[p].clone();
        for (int i = 0; i < v.length; i++) {
          v[i] += (float) (0.02 * random.nextGaussian());
        }
        byte[] code = FaceCode.quantise(FaceCode.normalise(v));
        float score = random.nextInt(10) == 0 ? 0.3f : 0.9f;
        BoundingBox box =
            new BoundingBox(
                s[0] + random.nextGaussian(), s[1] + random.nextGaussian(), size[p], size[p] * 1.2);
        dets.add(new Detection(box, score, FaceCode.normalise(FaceCode.dequantise(code))));
        frame.addFaces(
            Face.newBuilder()
                .setBox(
                    Box.newBuilder()
                        .setX((float) box.x())
                        .setY((float) box.y())
                        .setWidth((float) box.width())
                        .setHeight((float) box.height()))
                .setDetectionScore(score)
                .setQuality(0.5f)
                .setCode(ByteString.copyFrom(code)));
      }
      detections.add(dets);
      frames.add(frame.build());
    }
  }

  List<Detection> detections(int frame) {
    return detections.get(frame);
  }

  FrameFaces frame(int frame) {
    return frames.get(frame);
  }
}
