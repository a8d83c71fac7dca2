package io.facetrail.trainer.chips;

import io.facetrail.evaluation.lfw.PhotoFiles;
import io.facetrail.faces.align.FaceAligner;
import io.facetrail.faces.detect.SubjectLocator;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts the aligned chip of the subject of single-subject photos (LFW) with the face pipeline's own
 * detector, landmarks and alignment. The subject is found by {@link SubjectLocator}, as in {@code
 * facetrail eval lfw}, so evaluation chips match that evaluation.
 */
public final class ChipExtractor {
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
        "lfw-%s-s%s-p%s-m%d-%s-c%s-r%d.chips",
        s.detector(),
        s.minScore(),
        s.canvasPadding(),
        s.minFaceSize(),
        s.alignment(),
        SubjectLocator.MAX_OFFSET,
        FaceAligner.CHIP_REVISION);
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
    List<RgbImage> images = PhotoFiles.decode(root, names, "photo");
    List<SubjectLocator.Subject> subjects =
        new SubjectLocator(pipeline.detector(), pipeline.settings().scanSettings()).locate(images);
    List<List<float[]>> landmarks =
        pipeline.landmarks(images, subjects.stream().map(s -> List.of(s.detection())).toList());
    List<Chip> out = new ArrayList<>(names.size());
    for (int i = 0; i < images.size(); i++) {
      RgbImage chip = aligner.align(images.get(i), landmarks.get(i)).get(0);
      out.add(new Chip(names.get(i), subjects.get(i).source(), chip));
    }
    return out;
  }
}
