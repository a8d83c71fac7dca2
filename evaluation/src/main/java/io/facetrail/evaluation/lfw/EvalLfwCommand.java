package io.facetrail.evaluation.lfw;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.evaluation.progress.ConsoleProgress;
import io.facetrail.faces.align.AlignmentMethod;
import io.facetrail.faces.cli.ModelRunOptions;
import io.facetrail.faces.landmark.trees.TreeLandmarks;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.pipeline.DetectorKind;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.faces.pipeline.LandmarkModel;
import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code facetrail eval lfw}: LFW verification with the full pipeline on raw images. */
@Command(
    name = "lfw",
    mixinStandardHelpOptions = true,
    description = {
      "Face verification on LFW with the full pipeline (detect, landmarks, align, embed) on the raw"
          + " deep-funneled images, by LFW's k-fold protocol: the threshold is chosen on k-1 folds"
          + " and applied to the held-out one.",
      "Reports, per alignment method, with and without flip augmentation, on float embeddings and"
          + " on 128-byte codes: mean and std accuracy, mean threshold, TAR at FAR=1e-3; counts"
          + " images whose face needed a fallback; writes a ROC chart; ends with one JSON line.",
      "Embeddings are cached (--cache-dir), so a rerun only computes what is new."
    })
public final class EvalLfwCommand implements Callable<Integer> {
  @Option(
      names = "--lfw-dir",
      required = true,
      description = "LFW folder: holds lfw-deepfunneled/ (or is it).")
  Path lfwDir;

  @Option(names = "--pairs", description = "Protocol file (default: pairs.txt in --lfw-dir).")
  Path pairs;

  @Option(
      names = "--folds",
      defaultValue = "1-10",
      description = "Folds to use, e.g. 1-3 (design choices) or 1-10 (default).")
  String folds;

  @Option(
      names = "--alignments",
      split = ",",
      defaultValue = "DLIB_33,UNROTATED_BOX",
      description =
          "Alignment methods to compare: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  List<AlignmentMethod> alignments;

  @Option(
      names = "--landmarks",
      split = ",",
      defaultValue = "NETWORK",
      description =
          "Landmark models to compare, each with every alignment: ${COMPLETION-CANDIDATES}"
              + " (default: ${DEFAULT-VALUE}).")
  List<LandmarkModel> landmarkModels;

  @Option(
      names = "--detector",
      defaultValue = "SSD",
      description = "SSD or TINY (default: ${DEFAULT-VALUE}).")
  DetectorKind detector;

  @Option(
      names = "--min-score",
      defaultValue = "0.5",
      description = "Detection threshold (default: ${DEFAULT-VALUE}).")
  double minScore;

  @Option(
      names = "--canvas-padding",
      defaultValue = "0.25",
      description = "Whole-image pass border per side (default: ${DEFAULT-VALUE}).")
  double canvasPadding;

  @Option(
      names = "--divisor",
      defaultValue = "256",
      description =
          "Embedding input divisor, 256 (dlib) or 255 (the npm fork) (default: ${DEFAULT-VALUE}).")
  float divisor;

  @Mixin ModelRunOptions models = new ModelRunOptions();

  @Option(
      names = "--model",
      description =
          "Folder of a trained embedding model (model.json, as train harmonic writes it) to"
              + " evaluate instead of v1. A trained model has seen the people of every fold but"
              + " its held-out one: give that fold's neighbours only (e.g. --folds 1-2 for fold 1"
              + " would still include fold 2's trained people), or use the trainer's own report.")
  Path model;

  @Option(
      names = "--cache-dir",
      description = "Embedding cache folder (default: ~/.cache/facetrail/lfw).")
  Path cacheDir;

  @Option(
      names = "--chip-padding",
      defaultValue = "0.25",
      description =
          "Border around the template face in the chip (dlib: 0.25) (default: ${DEFAULT-VALUE}).")
  double chipPadding;

  @Option(
      names = "--jitter",
      defaultValue = "0",
      description =
          "Jittered chips per face (dlib's test-time augmentation: slightly rotated, zoomed, shifted"
              + " and half of them mirrored), reported averaged alone and with the plain and"
              + " mirrored chip; 0 for none (default: ${DEFAULT-VALUE}).")
  int jitter;

  @Option(
      names = "--cached-only",
      description =
          "Report from the embedding cache alone (read-only, e.g. while another run appends to it);"
              + " fails if a photo is missing.")
  boolean cachedOnly;

  @Option(
      names = "--roc",
      defaultValue = "lfw-roc.png",
      description = "ROC chart file (default: ${DEFAULT-VALUE}).")
  Path roc;

  @Override
  public Integer call() {
    Path images = LfwLayout.existingImages(lfwDir);
    Path pairsFile = LfwLayout.pairsFile(lfwDir, pairs);
    List<List<LfwPairs.Pair>> selected = select(LfwPairs.read(pairsFile).folds(), folds);
    LinkedHashSet<String> photos = new LinkedHashSet<>();
    for (var fold : selected) {
      for (var p : fold) {
        photos.add(LfwPairs.imagePath(p.nameA(), p.indexA()));
        photos.add(LfwPairs.imagePath(p.nameB(), p.indexB()));
      }
    }
    FacePipelineSettings settings =
        FacePipelineSettings.defaults()
            .withDevice(models.device())
            .withDetection(detector, minScore, canvasPadding)
            .withBatches(1, 64, models.threads())
            .withModelsDir(models.modelsDir())
            .withEmbeddingModel(model);
    long t0 = System.nanoTime();
    try (FacePipeline pipeline = FacePipeline.create(settings, divisor);
        EmbeddingCache cache =
            new EmbeddingCache(
                EmbeddingCache.file(cacheDir, settings, pipeline.modelId()), cachedOnly)) {
      TreeLandmarks trees =
          landmarkModels.contains(LandmarkModel.TREES) && !cachedOnly
              ? TreeLandmarks.load(ModelCache.at(settings.modelsDir()))
              : null;
      PhotoEmbedder embedder =
          new PhotoEmbedder(pipeline, divisor, chipPadding, variants(), trees, jitter, cache);
      try (ProgressBar bar = ConsoleProgress.bar("LFW photos", photos.size())) {
        embedder.embed(images, new ArrayList<>(photos), bar::step);
      }
      report(
          selected,
          embedder,
          pipeline.modelId(),
          photos.size(),
          (System.nanoTime() - t0) / 1e9,
          cache.file());
    }
    return 0;
  }

  private void report(
      List<List<LfwPairs.Pair>> selected,
      PhotoEmbedder e,
      String modelId,
      int photoCount,
      double seconds,
      Path cacheFile) {
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode json = mapper.createObjectNode();
    json.put("eval", "lfw");
    ObjectNode config = json.putObject("config");
    config.put("modelId", modelId);
    config.put("folds", folds);
    config.put("detector", detector.name());
    config.put("minScore", minScore);
    config.put("canvasPadding", canvasPadding);
    config.put("divisor", divisor);
    config.put("chipPadding", chipPadding);
    config.put("landmarks", landmarkModels.toString());
    config.put("jitter", jitter);
    config.put("device", models.device());
    config.put("pairs", selected.stream().mapToInt(List::size).sum());
    config.put("photos", photoCount);
    ObjectNode faces = json.putObject("faceSources");
    e.sources().forEach((k, v) -> faces.put(k.name().toLowerCase(Locale.ROOT), v));
    ObjectNode results = json.putObject("results");
    Map<String, double[][]> curves = new LinkedHashMap<>();
    System.out.printf(
        Locale.ROOT,
        "LFW %s: %d pairs, %d photos, faces %s%n",
        folds,
        config.get("pairs").asInt(),
        photoCount,
        e.sources());
    List<List<ChipVariant>> reported = new ArrayList<>();
    variants().forEach(v -> reported.add(List.of(v)));
    if (variants().size() > 1) {
      // All chips of a face averaged: test-time augmentation across variants.
      reported.add(variants());
    }
    for (List<ChipVariant> m : reported) {
      for (Augmentation aug : augmentations()) {
        if (aug.jitter() && !m.stream().allMatch(e::jitters)) {
          continue; // the unrotated box crop has no transform to jitter
        }
        for (boolean codes : new boolean[] {false, true}) {
          List<VerificationStats.Fold> fs = new ArrayList<>();
          for (var fold : selected) {
            double[] d = new double[fold.size()];
            boolean[] same = new boolean[fold.size()];
            for (int i = 0; i < fold.size(); i++) {
              var p = fold.get(i);
              float[] a = e.embedding(LfwPairs.imagePath(p.nameA(), p.indexA()), m, aug);
              float[] b = e.embedding(LfwPairs.imagePath(p.nameB(), p.indexB()), m, aug);
              d[i] =
                  codes
                      ? FaceCode.distance(FaceCode.quantise(a), FaceCode.quantise(b))
                      : FaceCode.distance(a, b);
              same[i] = p.same();
            }
            fs.add(new VerificationStats.Fold(d, same));
          }
          VerificationStats.KFold k = VerificationStats.kFold(fs);
          VerificationStats.Fold all = VerificationStats.merge(fs);
          double tar = VerificationStats.tarAtFar(all.distances(), all.same(), 1e-3);
          String label = m.size() == 1 ? m.get(0).label() : "ALL";
          String name = label + aug.suffix() + (codes ? "/code" : "/float");
          ObjectNode r = results.putObject(name);
          r.put("accuracyMean", k.mean());
          r.put("accuracyStd", k.std());
          r.put("threshold", k.meanThreshold());
          r.put("tarAtFar1e-3", tar);
          System.out.printf(
              Locale.ROOT,
              "%-28s accuracy %.2f%% +- %.2f  threshold %.4f  TAR@FAR=1e-3 %.2f%%%n",
              name,
              100 * k.mean(),
              100 * k.std(),
              k.meanThreshold(),
              100 * tar);
          if (!codes) {
            curves.put(
                (m.size() == 1 ? m.get(0).label() : "ALL") + aug.suffix().replace("+", " + "),
                VerificationStats.roc(all.distances(), all.same()));
          }
        }
      }
    }
    RocChart.write(roc, "LFW " + folds + " (" + modelId + ")", curves);
    json.put("roc", roc.toAbsolutePath().toString());
    json.put("cache", cacheFile.toString());
    json.put("seconds", Math.round(seconds));
    System.out.println(mapper.writeValueAsString(json));
  }

  /** The augmentations reported: jitter only when asked for. */
  private List<Augmentation> augmentations() {
    return jitter > 0
        ? List.of(Augmentation.values())
        : List.of(Augmentation.NONE, Augmentation.FLIP);
  }

  /** Every landmark model with every alignment method, in the order given. */
  private List<ChipVariant> variants() {
    List<ChipVariant> out = new ArrayList<>();
    for (LandmarkModel l : landmarkModels) {
      for (AlignmentMethod a : alignments) {
        out.add(new ChipVariant(l, a));
      }
    }
    return out;
  }

  /** Folds named by a range like {@code 1-3} or a single number, 1-based. */
  static <T> List<T> select(List<T> all, String range) {
    String[] ends = range.trim().split("-");
    try {
      int from = Integer.parseInt(ends[0].trim());
      int to = ends.length > 1 ? Integer.parseInt(ends[1].trim()) : from;
      if (from < 1 || to > all.size() || from > to || to - from < 1) {
        throw new UserFacingException(
            "--folds " + range + " must name at least two folds within 1-" + all.size());
      }
      return all.subList(from - 1, to);
    } catch (NumberFormatException e) {
      throw new UserFacingException("--folds must look like 1-10, got '" + range + "'");
    }
  }
}
