package io.facetrail.evaluation.lfw;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.align.AlignmentMethod;
import io.facetrail.faces.align.ChipJitter;
import io.facetrail.faces.align.FaceAligner;
import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.detect.SubjectLocator;
import io.facetrail.faces.detect.SubjectSource;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.landmark.trees.TreeLandmarks;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.LandmarkModel;
import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Embeds the subject of single-subject photos (LFW) with every chip variant asked for (landmark
 * model and alignment method), each chip also mirrored, caching the results: detection picks the
 * subject with {@link SubjectLocator}.
 */
final class PhotoEmbedder {
  private final FacePipeline pipeline;
  private final String divisor;
  private final double chipPadding;
  private final List<ChipVariant> variants;
  private final TreeLandmarks trees;
  private final List<ChipJitter.Move> jitter;
  private final EmbeddingCache cache;
  private final boolean readOnly;
  private final Map<SubjectSource, Integer> sources = new EnumMap<>(SubjectSource.class);

  PhotoEmbedder(
      FacePipeline pipeline,
      float divisor,
      double chipPadding,
      List<ChipVariant> variants,
      TreeLandmarks trees,
      int jitter,
      EmbeddingCache cache) {
    this.pipeline = pipeline;
    this.chipPadding = chipPadding;
    this.divisor = "d" + Math.round(divisor);
    this.variants = variants;
    this.trees = trees;
    this.jitter = jitter > 0 ? ChipJitter.moves(jitter, FaceAligner.CHIP_SIZE) : List.of();
    this.cache = cache;
    this.readOnly = cache.readOnly();
  }

  /** The cache key; variants that existed before landmark models were an option keep theirs. */
  private String key(String photo, ChipVariant v, boolean mirrored) {
    AlignmentMethod m = v.alignment();
    String padding =
        chipPadding == FaceAligner.DLIB_PADDING || m == AlignmentMethod.UNROTATED_BOX
            ? ""
            : "|p" + chipPadding;
    String landmarks = v.landmarks() == LandmarkModel.NETWORK ? "" : "|" + v.landmarks();
    return photo + "|" + m + "|" + divisor + padding + landmarks + (mirrored ? "|mirror" : "");
  }

  /** The key of the sum of a variant's jittered embeddings. */
  private String jitterKey(String photo, ChipVariant v) {
    return key(photo, v, false) + "|jitter" + jitter.size();
  }

  /** Whether the variant's chips are jittered too (every similarity-aligned one, when asked). */
  boolean jitters(ChipVariant v) {
    return !jitter.isEmpty() && v.alignment() != AlignmentMethod.UNROTATED_BOX;
  }

  private boolean cached(String p, ChipVariant v) {
    return cache.contains(key(p, v, true)) && (!jitters(v) || cache.contains(jitterKey(p, v)));
  }

  private static String sourceKey(String photo) {
    return photo + "|source";
  }

  private static String landmarkKey(String photo) {
    return photo + "|landmarks";
  }

  /** The chosen detection box (x, y, width, height, score), for landmark sources run later. */
  static String boxKey(String photo) {
    return photo + "|box";
  }

  /** Embeds the photos (paths relative to {@code root}) that are not cached yet. */
  void embed(Path root, List<String> photos, Runnable onPhoto) {
    List<String> todo = new ArrayList<>();
    for (String p : photos) {
      if (cache.contains(sourceKey(p)) && variants.stream().allMatch(v -> cached(p, v))) {
        count(SubjectSource.values()[(int) cache.get(sourceKey(p))[0]]);
        onPhoto.run();
      } else {
        todo.add(p);
      }
    }
    if (!todo.isEmpty() && readOnly) {
      throw new UserFacingException(
          todo.size() + " photos are not in the embedding cache yet (first: " + todo.get(0) + ")");
    }
    int batch = 16;
    for (int start = 0; start < todo.size(); start += batch) {
      List<String> names = todo.subList(start, Math.min(todo.size(), start + batch));
      embedBatch(root, names);
      cache.flush();
      names.forEach(n -> onPhoto.run());
    }
  }

  private void embedBatch(Path root, List<String> names) {
    List<RgbImage> images = PhotoFiles.decode(root, names, "LFW image");
    List<List<float[]>> landmarks = new ArrayList<>();
    SubjectSource[] source = new SubjectSource[images.size()];
    boolean allKnown = true;
    for (int i = 0; i < images.size(); i++) {
      float[] known = cache.get(landmarkKey(names.get(i)));
      allKnown &=
          known != null
              && cache.contains(sourceKey(names.get(i)))
              && cache.contains(boxKey(names.get(i)));
      landmarks.add(known == null ? null : List.of(known));
    }
    if (allKnown) {
      // Detection and landmarks are cached: only new embedding variants are computed.
      for (int i = 0; i < images.size(); i++) {
        source[i] = SubjectSource.values()[(int) cache.get(sourceKey(names.get(i)))[0]];
      }
    } else {
      List<SubjectLocator.Subject> subjects =
          new SubjectLocator(pipeline.detector(), pipeline.settings().scanSettings())
              .locate(images);
      List<Detection> chosen = new ArrayList<>(subjects.size());
      for (int i = 0; i < subjects.size(); i++) {
        chosen.add(subjects.get(i).detection());
        source[i] = subjects.get(i).source();
      }
      landmarks = pipeline.networkLandmarks(images, chosen.stream().map(List::of).toList());
      for (int i = 0; i < images.size(); i++) {
        FaceBox b = chosen.get(i).box();
        cache.put(
            boxKey(names.get(i)),
            new float[] {b.x(), b.y(), b.width(), b.height(), chosen.get(i).score()});
        cache.put(landmarkKey(names.get(i)), landmarks.get(i).get(0));
      }
    }
    embedChips(names, images, landmarks, source);
  }

  private void embedChips(
      List<String> names,
      List<RgbImage> images,
      List<List<float[]>> landmarks,
      SubjectSource[] source) {
    List<RgbImage> chips = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      List<float[]> net = landmarks.get(i);
      List<float[]> dlib = null;
      for (ChipVariant v : variants) {
        List<float[]> points = net;
        if (v.landmarks() == LandmarkModel.TREES) {
          if (dlib == null) {
            dlib = trees.refine(images.get(i), net);
          }
          points = dlib;
        }
        FaceAligner aligner = new FaceAligner(v.alignment(), chipPadding);
        RgbImage chip = aligner.align(images.get(i), points).get(0);
        chips.add(chip);
        chips.add(chip.mirrored());
        if (jitters(v)) {
          chips.addAll(aligner.jittered(images.get(i), points.get(0), jitter));
        }
      }
    }
    float[][] e = pipeline.embedPlain(chips);
    int k = 0;
    for (int i = 0; i < images.size(); i++) {
      for (ChipVariant v : variants) {
        cache.put(key(names.get(i), v, false), e[k++]);
        cache.put(key(names.get(i), v, true), e[k++]);
        if (jitters(v)) {
          float[] sum = new float[e[k].length];
          for (int j = 0; j < jitter.size(); j++) {
            add(sum, e[k++]);
          }
          cache.put(jitterKey(names.get(i), v), sum);
        }
      }
      cache.put(sourceKey(names.get(i)), new float[] {source[i].ordinal()});
      count(source[i]);
    }
  }

  private void count(SubjectSource s) {
    sources.merge(s, 1, Integer::sum);
  }

  Map<SubjectSource, Integer> sources() {
    return sources;
  }

  /** The number of jittered chips per face (0: none). */
  int jitterCount() {
    return jitter.size();
  }

  /** The mean of a photo's embeddings over several variants (each as below), normalised. */
  float[] embedding(String photo, List<ChipVariant> several, Augmentation aug) {
    if (several.size() == 1) {
      return embedding(photo, several.get(0), aug);
    }
    float[] sum = new float[FaceCode.DIMENSIONS];
    for (ChipVariant v : several) {
      add(sum, embedding(photo, v, aug));
    }
    return FaceCode.normalise(sum);
  }

  /**
   * The embedding of a photo for a variant: the plain chip's, or the normalised mean over the plain
   * chip and its mirror image ({@link Augmentation#FLIP}), over the jittered chips ({@link
   * Augmentation#JITTER}) or over all of them ({@link Augmentation#FLIP_AND_JITTER}).
   */
  float[] embedding(String photo, ChipVariant v, Augmentation aug) {
    float[] a = cache.get(key(photo, v, false));
    if (aug == Augmentation.NONE) {
      return a;
    }
    float[] sum = new float[a.length];
    if (aug.flip()) {
      add(sum, a);
      add(sum, cache.get(key(photo, v, true)));
    }
    if (aug.jitter()) {
      add(sum, cache.get(jitterKey(photo, v)));
    }
    return FaceCode.normalise(sum);
  }

  private static void add(float[] sum, float[] e) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += e[i];
    }
  }
}
