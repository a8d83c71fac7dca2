package io.facetrail.faces.eval;

import io.facetrail.faces.align.AlignmentMethod;
import io.facetrail.faces.align.FaceAligner;
import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.image.Images;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.landmark.trees.TreeLandmarks;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.LandmarkModel;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Embeds the subject of single-subject photos (LFW) with every chip variant asked for (landmark
 * model and alignment method), each chip also mirrored, caching the results: detection picks the
 * most central face, with the fallbacks of {@link FaceSource}.
 */
final class PhotoEmbedder {
  static final float RETRY_SCORE = 0.1f;
  static final float RETRY_PADDING = 0.5f;

  private final FacePipeline pipeline;
  private final String divisor;
  private final double chipPadding;
  private final List<ChipVariant> variants;
  private final TreeLandmarks trees;
  private final EmbeddingCache cache;
  private final boolean readOnly;
  private final Map<FaceSource, Integer> sources = new EnumMap<>(FaceSource.class);

  PhotoEmbedder(
      FacePipeline pipeline,
      float divisor,
      double chipPadding,
      List<ChipVariant> variants,
      TreeLandmarks trees,
      EmbeddingCache cache) {
    this.pipeline = pipeline;
    this.chipPadding = chipPadding;
    this.divisor = "d" + Math.round(divisor);
    this.variants = variants;
    this.trees = trees;
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
      if (cache.contains(sourceKey(p))
          && variants.stream().allMatch(v -> cache.contains(key(p, v, true)))) {
        count(FaceSource.values()[(int) cache.get(sourceKey(p))[0]]);
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
    List<RgbImage> images = new ArrayList<>(names.size());
    for (String n : names) {
      Path file = root.resolve(n);
      try {
        images.add(Images.decode(Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new UserFacingException("cannot read LFW image " + file + ": " + e.getMessage(), e);
      }
    }
    List<List<float[]>> landmarks = new ArrayList<>();
    FaceSource[] source = new FaceSource[images.size()];
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
        source[i] = FaceSource.values()[(int) cache.get(sourceKey(names.get(i)))[0]];
      }
    } else {
      List<Detection> chosen = locate(images, source);
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

  /** The chosen detection of each image, with its fallbacks; {@code source} says which. */
  private List<Detection> locate(List<RgbImage> images, FaceSource[] source) {
    ScanSettings scan = pipeline.settings().scanSettings();
    List<List<Detection>> found = pipeline.detector().detect(images, scan);
    List<Detection> chosen = new ArrayList<>();
    List<Integer> retry = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      Detection d = mostCentral(found.get(i), images.get(i));
      chosen.add(d);
      source[i] = FaceSource.DETECTED;
      if (d == null) {
        retry.add(i);
      }
    }
    if (!retry.isEmpty()) {
      List<RgbImage> again = retry.stream().map(images::get).toList();
      ScanSettings wide =
          new ScanSettings(RETRY_SCORE, scan.minFaceSize(), RETRY_PADDING, scan.tiling());
      List<List<Detection>> second = pipeline.detector().detect(again, wide);
      for (int k = 0; k < retry.size(); k++) {
        int i = retry.get(k);
        Detection d = mostCentral(second.get(k), images.get(i));
        if (d != null) {
          source[i] = FaceSource.RETRY;
        } else {
          RgbImage im = images.get(i);
          d =
              new Detection(
                  new FaceBox(
                      0.28f * im.width(),
                      0.24f * im.height(),
                      0.44f * im.width(),
                      0.52f * im.height()),
                  0f);
          source[i] = FaceSource.CENTRE_BOX;
        }
        chosen.set(i, d);
      }
    }
    return chosen;
  }

  private void embedChips(
      List<String> names,
      List<RgbImage> images,
      List<List<float[]>> landmarks,
      FaceSource[] source) {
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
        RgbImage chip =
            new FaceAligner(v.alignment(), chipPadding).align(images.get(i), points).get(0);
        chips.add(chip);
        chips.add(chip.mirrored());
      }
    }
    float[][] e = pipeline.embedPlain(chips);
    int k = 0;
    for (int i = 0; i < images.size(); i++) {
      for (ChipVariant v : variants) {
        cache.put(key(names.get(i), v, false), e[k++]);
        cache.put(key(names.get(i), v, true), e[k++]);
      }
      cache.put(sourceKey(names.get(i)), new float[] {source[i].ordinal()});
      count(source[i]);
    }
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

  private void count(FaceSource s) {
    sources.merge(s, 1, Integer::sum);
  }

  Map<FaceSource, Integer> sources() {
    return sources;
  }

  /** The mean of a photo's embeddings over several variants (each as below), normalised. */
  float[] embedding(String photo, List<ChipVariant> several, boolean flip) {
    if (several.size() == 1) {
      return embedding(photo, several.get(0), flip);
    }
    float[] sum = new float[io.facetrail.contracts.code.FaceCode.DIMENSIONS];
    for (ChipVariant v : several) {
      float[] e = embedding(photo, v, flip);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += e[i];
      }
    }
    return io.facetrail.contracts.code.FaceCode.normalise(sum);
  }

  /** The embedding of a photo for a variant, averaged with its mirror image when {@code flip}. */
  float[] embedding(String photo, ChipVariant v, boolean flip) {
    float[] a = cache.get(key(photo, v, false));
    if (!flip) {
      return a;
    }
    float[] b = cache.get(key(photo, v, true));
    float[] sum = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return io.facetrail.contracts.code.FaceCode.normalise(sum);
  }
}
