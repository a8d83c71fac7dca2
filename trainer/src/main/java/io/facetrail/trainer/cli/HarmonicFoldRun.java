package io.facetrail.trainer.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.embed.DlibResNet;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.faces.trained.ModelMetadata;
import io.facetrail.faces.trained.TrainableHead;
import io.facetrail.faces.trained.TrainedNetwork;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.trainer.augment.ChipAugmenter;
import io.facetrail.trainer.chips.Chip;
import io.facetrail.trainer.data.LfwFolds;
import io.facetrail.trainer.data.PkSampler;
import io.facetrail.trainer.features.FeatureCache;
import io.facetrail.trainer.features.TrunkFeatures;
import io.facetrail.trainer.harmonic.HarmonicTrainer;
import io.facetrail.trainer.harmonic.SpeedComparison;
import io.facetrail.trainer.harmonic.TeacherEmbeddings;
import io.facetrail.trainer.head.HeadEmbedder;
import io.facetrail.trainer.protocol.CompatibilityMatrix;
import io.facetrail.trainer.protocol.HeldOutCalibration;
import io.facetrail.trainer.run.RunFolder;
import io.facetrail.trainer.triplet.StepRecord;
import io.facetrail.trainer.triplet.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The work of {@code facetrail train harmonic}: chips; v1's full-resolution trunk features (shared
 * with {@code train triplet}'s cache) turned into v1 embeddings once; v2's low-resolution trunk
 * features; then per held-out fold the compatibility matrix before and after training, the speed
 * comparison and the saved model.
 */
final class HarmonicFoldRun {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Logger log = LoggerFactory.getLogger(HarmonicFoldRun.class);
  private static final int V1_HEAD_UNITS = 3;

  private final TrainHarmonicCommand o;
  private final LfwFolds folds;
  private final FoldData data;

  HarmonicFoldRun(TrainHarmonicCommand options, LfwFolds folds) {
    this.o = options;
    this.folds = folds;
    this.data = new FoldData(folds, options.run.allPhotos);
  }

  void run(List<Integer> targets) {
    FacePipelineSettings settings = o.lfw.pipelineSettings();
    Path chipFile = o.lfw.chipFile(settings);
    FoldData.Chips chips = data.chipsFor(settings, chipFile, targets);
    List<String> evalPhotos = chips.evalPhotos();
    List<Chip> evalChips = chips.evalChips();
    List<Chip> trainChips = chips.trainChips();
    ResolvedDevice device = o.lfw.models.select();
    try (NDManager manager = NDManager.newBaseManager(device.device())) {
      DlibResNet base = V1Network.load(manager, ModelCache.at(settings.modelsDir()));
      V1Network.checkTrainableUnits(base, o.trainableUnits);
      try {
        new TrainableHead(base, o.trainableUnits, o.droppedUnits());
      } catch (IllegalArgumentException e) {
        throw new UserFacingException("--drop-units: " + e.getMessage(), e);
      }
      int firstUnit = base.unitCount() - o.trainableUnits;
      ChipAugmenter augmenter = ChipAugmenter.defaults();
      int variants = 2 + o.run.augmented;
      TeacherEmbeddings teacher;
      Map<String, float[]> v1Codes;
      // v1: the full-resolution trunk, the same cache file as train triplet's.
      // v1's embeddings come from its trunk cut before the last V1_HEAD_UNITS units, whatever v2
      // trains: a small cached feature, and the same file train triplet uses by default.
      int v1Cut = base.unitCount() - V1_HEAD_UNITS;
      TrunkFeatures v1Trunk = new TrunkFeatures(manager, base, v1Cut, augmenter, o.run.seed, 32);
      try (FeatureCache cache =
          TrunkFeatureFile.open(chipFile, "", v1Cut, augmenter, o.run.seed, variants)) {
        TrunkFeatureFile.fill(v1Trunk, cache, evalChips, trainChips, variants, "v1");
        Shape shape = v1Trunk.featureShape();
        TrainableHead v1Head = new TrainableHead(base, V1_HEAD_UNITS);
        teacher =
            TeacherEmbeddings.compute(
                manager, v1Head, cache::get, shape, chips.trainPhotos(), variants, 96);
        v1Codes = new HeadEmbedder(manager, shape, cache::get, 64).embed(v1Head, evalPhotos);
      }
      TrunkFeatures v2Trunk =
          new TrunkFeatures(
              manager, base, firstUnit, augmenter, o.run.seed, 32, o.inputSize, o.reduction());
      String prefix = String.format(Locale.ROOT, "-%s%d", o.reduction().tag(), o.inputSize);
      try (FeatureCache cache =
          TrunkFeatureFile.open(chipFile, prefix, firstUnit, augmenter, o.run.seed, variants)) {
        TrunkFeatureFile.fill(
            v2Trunk,
            cache,
            evalChips,
            trainChips,
            variants,
            "v2 " + o.reduction().tag() + " " + o.inputSize + "px");
        Shape shape = v2Trunk.featureShape();
        List<RgbImage> speedChips =
            evalChips.subList(0, Math.min(o.speedBatch, evalChips.size())).stream()
                .map(Chip::image)
                .toList();
        for (int f : targets) {
          FoldContext context =
              new FoldContext(base, device, manager, cache, shape, teacher, v1Codes, variants);
          runFold(f, context, evalPhotos, speedChips);
        }
      }
    }
  }

  private record FoldContext(
      DlibResNet base,
      ResolvedDevice device,
      NDManager manager,
      FeatureCache v2Features,
      Shape v2Shape,
      TeacherEmbeddings teacher,
      Map<String, float[]> v1Codes,
      int variants) {}

  private void runFold(
      int fold, FoldContext c, List<String> evalPhotos, List<RgbImage> speedChips) {
    long t0 = System.nanoTime();
    long cpu0 = CpuTime.processNanos();
    String id =
        String.format(
            Locale.ROOT,
            "dlib-r29-%s%d%s-v2-fold%d-seed%d",
            o.reduction().tag(),
            o.inputSize,
            o.droppedUnits().isEmpty() ? "" : "-drop" + o.droppedTag(),
            fold,
            o.run.seed);
    RunFolder run = o.run.runFolder(id);
    HeadEmbedder v2Embedder = new HeadEmbedder(c.manager(), c.v2Shape(), c.v2Features()::get, 64);
    CompatibilityMatrix before =
        CompatibilityMatrix.evaluate(
            folds,
            fold,
            c.v1Codes(),
            v2Embedder.embed(
                new TrainableHead(c.base(), o.trainableUnits, o.droppedUnits()), evalPhotos));
    log.info("fold {} before training: {}", fold, before.summary());
    Map<String, List<String>> byPerson = data.trainingPhotosByPerson(fold);
    PkSampler sampler = new PkSampler(byPerson, o.run.identities, o.run.faces, c.variants());
    TrainingSettings ts = o.run.settings(o.steps, o.learningRate, o.checkpointEvery);
    TrainableHead head = new TrainableHead(c.base(), o.trainableUnits, o.droppedUnits());
    long trainStart = System.nanoTime();
    List<StepRecord> history =
        CheckpointedTraining.run(
            "harmonic fold " + fold,
            o.steps,
            o.run.resume,
            run,
            id,
            head,
            c.manager(),
            new HarmonicTrainer(
                ts, sampler, c.v2Features()::get, c.v2Shape(), c.teacher()::get, o.tieWeight));
    long trainingWall = Math.round((System.nanoTime() - trainStart) / 1e9);
    Map<String, float[]> v2Codes = v2Embedder.embed(head, evalPhotos);
    CompatibilityMatrix after = CompatibilityMatrix.evaluate(folds, fold, c.v1Codes(), v2Codes);
    log.info("fold {} after training: {}", fold, after.summary());
    ModelMetadata metadata =
        new ModelMetadata(
            id,
            o.teacher,
            o.inputSize,
            o.reduction().tag(),
            o.trainableUnits,
            "model.params",
            List.of(o.teacher),
            List.copyOf(o.droppedUnits()));
    HarmonicReport report = new HarmonicReport(o, c.device(), sampler.identityCount(), byPerson);
    ObjectNode line = report.line(id, fold, c.variants(), before, after, history, trainingWall);
    ObjectNode model = metadata.toJson();
    model.set("training", line.deepCopy());
    run.saveModel(head, model);
    HeldOutCalibration.Tables tables =
        HeldOutCalibration.write(run.dir(), id, o.teacher, folds, fold, c.v1Codes(), v2Codes);
    HarmonicReport.putCalibration(line, tables);
    // The speed comparison runs the model as saved: read back from its folder.
    if (o.speedRounds > 0) {
      TrainedNetwork v2 =
          TrainedNetwork.load(c.base(), ModelMetadata.read(run.dir()), run.dir(), c.manager());
      SpeedComparison.Result speed =
          new SpeedComparison(c.manager())
              .measure(
                  c.base(),
                  v2,
                  o.inputSize,
                  o.reduction(),
                  speedChips,
                  o.speedRounds,
                  o.speedSeconds);
      HarmonicReport.putSpeed(line, speed, c.device().threads());
    }
    line.put("wallSeconds", Math.round((System.nanoTime() - t0) / 1e9));
    line.put("cpuSeconds", Math.round((CpuTime.processNanos() - cpu0) / 1e9));
    line.put("dir", run.dir().toString());
    model.set("training", line.deepCopy());
    run.saveModel(head, model);
    System.out.println(JSON.writeValueAsString(line));
  }
}
