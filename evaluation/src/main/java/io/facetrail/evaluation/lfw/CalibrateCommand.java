package io.facetrail.evaluation.lfw;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.evaluation.progress.ConsoleProgress;
import io.facetrail.faces.align.FaceAligner;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.faces.calibration.Calibrator;
import io.facetrail.faces.embed.FaceEmbedder;
import io.facetrail.faces.landmark.trees.TreeLandmarks;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.faces.pipeline.LandmarkModel;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code facetrail eval calibrate}: distance thresholds per false-accept rate from LFW. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Computes thresholds on 128-byte code distances for the false-accept rates of --fars"
          + " from every cross-identity pair of the LFW identities named in --fit-folds, checks"
          + " them on the (disjoint) identities of --check-folds, and writes the calibration table"
          + " (thresholds and rates only, no face data) as JSON.",
      "Uses the default pipeline (the shipped model's settings) and the same embedding cache as"
          + " `eval lfw`, or with --codes the codes another tool computed."
    })
public final class CalibrateCommand implements Callable<Integer> {
  @Option(
      names = "--lfw-dir",
      required = true,
      description = "LFW folder: holds lfw-deepfunneled/ and pairs.txt.")
  Path lfwDir;

  @Option(names = "--pairs", description = "Protocol file (default: pairs.txt in --lfw-dir).")
  Path pairs;

  @Option(
      names = "--fit-folds",
      defaultValue = "1-5",
      description = "Folds whose identities fix the thresholds (default: ${DEFAULT-VALUE}).")
  String fitFolds;

  @Option(
      names = "--check-folds",
      defaultValue = "6-10",
      description = "Folds whose identities check them (default: ${DEFAULT-VALUE}).")
  String checkFolds;

  @Option(
      names = "--photos",
      defaultValue = "all",
      description =
          "'all' photos of each identity, or only those named in the folds' 'pairs' (default: ${DEFAULT-VALUE}).")
  String photos;

  @Option(
      names = "--fars",
      split = ",",
      defaultValue = DEFAULT_FARS,
      description =
          "Target false-accept rates per comparison (default: a 1-2-5 grid from 1e-7 to 1e-1, the"
              + " range an FPIR of 1e-3..1e-1 needs for galleries of 1 to 10,000 persons). A rate"
              + " times the fit impostor pairs is the number of pairs the threshold rests on:"
              + " below about 10 it is coarse.")
  List<Double> fars;

  static final String DEFAULT_FARS =
      "1e-7,2e-7,5e-7,1e-6,2e-6,5e-6,1e-5,2e-5,5e-5,1e-4,2e-4,5e-4,1e-3,2e-3,5e-3,1e-2,2e-2,5e-2,1e-1";

  @Option(
      names = "--codes",
      paramLabel = "FILE",
      description =
          "Calibrate the codes in FILE (lines 'Person/Person_0001.jpg TAB base64 code ...', as"
              + " `facetrail eval identification --cache` writes them) instead of embedding the"
              + " photos; photos of the folds without a code are left out.")
  Path codes;

  @Option(
      names = "--out",
      required = true,
      description =
          "Where to write the table, e.g. faces/src/main/resources/io/facetrail/faces/calibration/dlib-r29-v1.json.")
  Path out;

  @Option(
      names = "--model",
      description =
          "Folder of a trained embedding model (model.json) to calibrate instead of v1; its"
              + " identities must not have been trained on (a harmonic v2 writes its own tables"
              + " from its held-out fold).")
  Path model;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "PyTorch threads, 0 for all (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--cache-dir",
      description = "Embedding cache folder (default: ~/.cache/facetrail/lfw).")
  Path cacheDir;

  @Option(names = "--cached-only", description = "Use cached embeddings only (read-only).")
  boolean cachedOnly;

  @Override
  public Integer call() throws IOException {
    Path images = lfwDir.resolve("lfw-deepfunneled");
    LfwPairs protocol = LfwPairs.read(LfwLayout.pairsFile(lfwDir, pairs));
    Map<String, Integer> ids = new HashMap<>();
    List<String> fit = photosOf(EvalLfwCommand.select(protocol.folds(), fitFolds), images, ids);
    List<String> check = photosOf(EvalLfwCommand.select(protocol.folds(), checkFolds), images, ids);
    double[] targets = fars.stream().mapToDouble(Double::doubleValue).toArray();
    if (codes != null) {
      if (model != null) {
        throw new UserFacingException(
            "--codes calibrates codes of " + FacePipeline.MODEL_ID + "; leave out --model");
      }
      Map<String, byte[]> known = CodeFile.read(codes);
      String source = source(" photos with a face, codes of " + codes.getFileName());
      write(
          Calibrator.calibrate(
              FacePipeline.MODEL_ID,
              source,
              samples(fit, ids, known),
              samples(check, ids, known),
              targets));
      return 0;
    }
    Set<String> all = new LinkedHashSet<>(fit);
    all.addAll(check);
    FacePipelineSettings settings =
        FacePipelineSettings.defaults().withBatches(1, 64, threads).withEmbeddingModel(model);
    ChipVariant method = new ChipVariant(settings.landmarks(), settings.alignment());
    try (FacePipeline pipeline = FacePipeline.create(settings);
        EmbeddingCache cache =
            new EmbeddingCache(
                EmbeddingCache.file(cacheDir, settings, pipeline.modelId()), cachedOnly)) {
      PhotoEmbedder embedder =
          new PhotoEmbedder(
              pipeline,
              FaceEmbedder.DEFAULT_DIVISOR,
              FaceAligner.DLIB_PADDING,
              List.of(method),
              settings.landmarks() == LandmarkModel.TREES && !cachedOnly
                  ? TreeLandmarks.load(ModelCache.at(settings.modelsDir()))
                  : null,
              0,
              cache);
      try (ProgressBar bar = ConsoleProgress.bar("LFW photos", all.size())) {
        embedder.embed(images, new ArrayList<>(all), bar::step);
      }
      CalibrationTable table =
          Calibrator.calibrate(
              pipeline.modelId(),
              source(
                  " photos, full pipeline with "
                      + method.label()
                      + (settings.flip() ? " + flip" : "")),
              samples(fit, ids, embedder, method, settings.flip()),
              samples(check, ids, embedder, method, settings.flip()),
              targets);
      write(table);
    }
    return 0;
  }

  private void write(CalibrationTable table) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, table.toJson() + "\n");
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode line = mapper.createObjectNode();
    line.put("eval", "calibrate");
    line.put("modelId", table.modelId());
    line.put("source", table.source());
    var points = line.putArray("points");
    table.points().forEach(p -> points.add(mapper.valueToTree(p)));
    line.put("out", out.toAbsolutePath().toString());
    System.out.println(mapper.writeValueAsString(line));
  }

  private static List<Calibrator.Sample> samples(
      List<String> photos, Map<String, Integer> ids, Map<String, byte[]> codes) {
    List<Calibrator.Sample> s = new ArrayList<>(photos.size());
    for (String p : photos) {
      byte[] code = codes.get(p);
      if (code != null) {
        s.add(new Calibrator.Sample(ids.get(p.substring(0, p.indexOf('/'))), code));
      }
    }
    return s;
  }

  private List<String> photosOf(
      List<List<LfwPairs.Pair>> folds, Path images, Map<String, Integer> ids) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    for (var fold : folds) {
      for (var p : fold) {
        ids.computeIfAbsent(p.nameA(), k -> ids.size());
        ids.computeIfAbsent(p.nameB(), k -> ids.size());
        if (photos.equals("pairs")) {
          out.add(LfwPairs.imagePath(p.nameA(), p.indexA()));
          out.add(LfwPairs.imagePath(p.nameB(), p.indexB()));
        } else if (photos.equals("all")) {
          for (String name : new String[] {p.nameA(), p.nameB()}) {
            try (Stream<Path> files = Files.list(images.resolve(name))) {
              files.map(f -> name + "/" + f.getFileName()).sorted().forEach(out::add);
            }
          }
        } else {
          throw new UserFacingException("--photos must be 'all' or 'pairs', got '" + photos + "'");
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static List<Calibrator.Sample> samples(
      List<String> photos, Map<String, Integer> ids, PhotoEmbedder e, ChipVariant m, boolean flip) {
    List<Calibrator.Sample> s = new ArrayList<>(photos.size());
    for (String p : photos) {
      String name = p.substring(0, p.indexOf('/'));
      s.add(
          new Calibrator.Sample(
              ids.get(name),
              FaceCode.quantise(e.embedding(p, m, flip ? Augmentation.FLIP : Augmentation.NONE))));
    }
    return s;
  }

  /**
   * Where a table's numbers come from: the folds, the photo count and {@code how} they were got.
   */
  private String source(String how) {
    return "LFW deep-funneled, identities of folds "
        + fitFolds
        + " (fit) and "
        + checkFolds
        + " (check), "
        + photos
        + how;
  }
}
