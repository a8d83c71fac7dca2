package io.facetrail.trainer.chips;

import io.facetrail.faces.align.FaceAligner;
import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.image.Images;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts the aligned chip of the subject of single-subject photos (LFW) with the face pipeline's own
 * detector, landmarks and alignment. The subject is the most central detection; when there is none,
 * the same fallbacks as the library's LFW evaluation apply (a retry at score 0.1 on a canvas padded
 * by 0.5, then a fixed central box), so evaluation chips match {@code facetrail eval lfw}.
 */
public final class ChipExtractor {
  static final float RETRY_SCORE = 0.1f;
  static final float RETRY_PADDING = 0.5f;

  private final FacePipeline pipeline;
  private final FaceAligner aligner;

  public ChipExtractor(FacePipeline pipeline) {
    this.pipeline = pipeline;
    this.aligner = new FaceAligner(pipeline.settings().alignment());
  }

  /**
   * The cache file name for chips cut with {@code s}: every setting that changes a chip is in it.
   */
  public static String cacheName(FacePipelineSettings s) {
    return String.format(
        Locale.ROOT,
        "lfw-%s-s%s-p%s-m%d-%s.chips",
        s.detector(),
        s.minScore(),
        s.canvasPadding(),
        s.minFaceSize(),
        s.alignment());
  }

  /** Cuts the chips of photos (paths relative to {@code root}) that the cache lacks. */
  public void extract(Path root, List<String> photos, ChipCache cache, Runnable onPhoto) {
    List<String> todo = new ArrayList<>();
    for (String p : photos) {
      if (cache.contains(p)) {
        onPhoto.run();
      } else {
        todo.add(p);
      }
    }
    int batch = 16;
    for (int start = 0; start < todo.size(); start += batch) {
      List<String> names = todo.subList(start, Math.min(todo.size(), start + batch));
      for (Chip c : cut(root, names)) {
        cache.put(c);
        onPhoto.run();
      }
      cache.flush();
    }
  }

  /** The chips of a few photos, in order. */
  public List<Chip> cut(Path root, List<String> names) {
    List<RgbImage> images = new ArrayList<>(names.size());
    for (String n : names) {
      Path file = root.resolve(n);
      try {
        images.add(Images.decode(Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new UserFacingException("cannot read photo " + file + ": " + e.getMessage(), e);
      }
    }
    ChipSource[] source = new ChipSource[images.size()];
    List<Detection> chosen = locate(images, source);
    List<List<float[]>> landmarks =
        pipeline.landmarks(images, chosen.stream().map(List::of).toList());
    List<Chip> out = new ArrayList<>(names.size());
    for (int i = 0; i < images.size(); i++) {
      RgbImage chip = aligner.align(images.get(i), landmarks.get(i)).get(0);
      out.add(new Chip(names.get(i), source[i], chip));
    }
    return out;
  }

  private List<Detection> locate(List<RgbImage> images, ChipSource[] source) {
    ScanSettings scan = pipeline.settings().scanSettings();
    List<List<Detection>> found = pipeline.detector().detect(images, scan);
    List<Detection> chosen = new ArrayList<>();
    List<Integer> retry = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      Detection d = mostCentral(found.get(i), images.get(i));
      chosen.add(d);
      source[i] = ChipSource.DETECTED;
      if (d == null) {
        retry.add(i);
      }
    }
    if (retry.isEmpty()) {
      return chosen;
    }
    List<RgbImage> again = retry.stream().map(images::get).toList();
    ScanSettings wide =
        new ScanSettings(RETRY_SCORE, scan.minFaceSize(), RETRY_PADDING, scan.tiling());
    List<List<Detection>> second = pipeline.detector().detect(again, wide);
    for (int k = 0; k < retry.size(); k++) {
      int i = retry.get(k);
      RgbImage im = images.get(i);
      Detection d = mostCentral(second.get(k), im);
      if (d != null) {
        source[i] = ChipSource.RETRY;
      } else {
        d =
            new Detection(
                new FaceBox(
                    0.28f * im.width(),
                    0.24f * im.height(),
                    0.44f * im.width(),
                    0.52f * im.height()),
                0f);
        source[i] = ChipSource.CENTRE_BOX;
      }
      chosen.set(i, d);
    }
    return chosen;
  }

  /** The detection nearest the image centre, or null. */
  static Detection mostCentral(List<Detection> dets, RgbImage image) {
    Detection best = null;
    double bestD = Double.MAX_VALUE;
    for (Detection d : dets) {
      double dx = d.box().centreX() - image.width() / 2.0;
      double dy = d.box().centreY() - image.height() / 2.0;
      double dist = dx * dx + dy * dy;
      if (dist < bestD) {
        bestD = dist;
        best = d;
      }
    }
    return best;
  }
}
