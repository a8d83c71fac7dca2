package io.facetrail.evaluation.detection;

import io.facetrail.evaluation.lfw.LfwLayout;
import io.facetrail.evaluation.pose.FaceExtent;
import io.facetrail.evaluation.pose.HeadPose;
import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.image.ImageDecodeException;
import io.facetrail.faces.image.Images;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.pipeline.FacePipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Source faces from LFW's deep-funneled photos, grouped by yaw. The ground truth comes from the
 * landmark network alone, never from a detector, so that a face every detector misses still gets
 * its pose: the funnelled photos centre their subject, so the network runs on LFW's fixed central
 * box, then once more on a box around its own first points.
 */
final class FaceSamples {
  private static final int BATCH = 32;

  private FaceSamples() {}

  /**
   * Reads photos in a shuffled order until every yaw bucket holds {@code perBucket} faces or the
   * photos run out.
   */
  static Map<YawBucket, List<FaceSample>> load(
      FacePipeline faces, Path lfwDir, int perBucket, long seed, Runnable onPhoto) {
    List<Path> photos = photos(lfwDir);
    Collections.shuffle(photos, new Random(seed));
    Map<YawBucket, List<FaceSample>> out = new EnumMap<>(YawBucket.class);
    for (YawBucket b : YawBucket.values()) {
      out.put(b, new ArrayList<>());
    }
    for (int start = 0; start < photos.size() && !full(out, perBucket); start += BATCH) {
      List<Path> batch = photos.subList(start, Math.min(photos.size(), start + BATCH));
      List<RgbImage> images = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Path p : batch) {
        onPhoto.run();
        try {
          images.add(Images.decode(Files.readAllBytes(p)));
          names.add(p.getFileName().toString());
        } catch (ImageDecodeException e) {
          System.err.println("eval detection: skipping " + p + ": " + e.getMessage());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + p, e);
        }
      }
      List<float[]> points = refinedLandmarks(faces, images);
      for (int i = 0; i < images.size(); i++) {
        double yaw = Math.abs(HeadPose.yawDegrees(points.get(i)));
        YawBucket bucket = YawBucket.of(yaw);
        FaceBox face = FaceExtent.of(points.get(i));
        if (bucket != null
            && out.get(bucket).size() < perBucket
            && plausible(points.get(i), face, images.get(i))) {
          out.get(bucket).add(new FaceSample(names.get(i), images.get(i), face, yaw));
        }
      }
    }
    return out;
  }

  /**
   * Whether the landmarks describe an upright face where the funnelled photo has it: the network
   * always returns 68 points, also on a hand, a hat or a blur, and such a box would be ground truth
   * for a face that is not there. Eyes above the nose tip above the mouth above the chin, a box
   * between a square on its side and a narrow profile, of LFW's usual size, near the centre.
   */
  static boolean plausible(float[] p, FaceBox face, RgbImage photo) {
    float eyes = Math.max(p[2 * 36 + 1], p[2 * 45 + 1]);
    boolean ordered =
        eyes < p[2 * 30 + 1] && p[2 * 30 + 1] < p[2 * 57 + 1] && p[2 * 57 + 1] < p[2 * 8 + 1];
    double aspect = face.height() / Math.max(1e-3, face.width());
    double share = face.height() / photo.height();
    double offset =
        Math.hypot(face.centreX() - photo.width() / 2.0, face.centreY() - photo.height() / 2.0)
            / photo.height();
    return ordered
        && aspect >= 0.9
        && aspect <= 2.2
        && share >= 0.3
        && share <= 0.8
        && offset <= 0.15;
  }

  private static boolean full(Map<YawBucket, List<FaceSample>> out, int perBucket) {
    return out.values().stream().allMatch(l -> l.size() >= perBucket);
  }

  private static List<float[]> refinedLandmarks(FacePipeline faces, List<RgbImage> images) {
    List<List<Detection>> boxes = new ArrayList<>();
    for (RgbImage im : images) {
      boxes.add(
          List.of(
              new Detection(
                  new FaceBox(
                      0.28f * im.width(),
                      0.24f * im.height(),
                      0.44f * im.width(),
                      0.52f * im.height()),
                  1f)));
    }
    List<List<float[]>> first = faces.networkLandmarks(images, boxes);
    List<List<Detection>> refined = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      FaceBox e = FaceExtent.of(first.get(i).get(0));
      float side = Math.max(e.width(), e.height());
      refined.add(
          List.of(
              new Detection(
                  new FaceBox(e.centreX() - side / 2, e.centreY() - side / 2, side, side)
                      .clippedTo(images.get(i).width(), images.get(i).height()),
                  1f)));
    }
    List<List<float[]>> second = faces.networkLandmarks(images, refined);
    List<float[]> out = new ArrayList<>();
    second.forEach(l -> out.add(l.get(0)));
    return out;
  }

  private static List<Path> photos(Path lfwDir) {
    Path root = LfwLayout.images(lfwDir);
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> list =
          new ArrayList<>(
              s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jpg"))
                  .sorted()
                  .toList());
      if (list.isEmpty()) {
        throw new IllegalArgumentException("no .jpg photos under " + root);
      }
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }
}
