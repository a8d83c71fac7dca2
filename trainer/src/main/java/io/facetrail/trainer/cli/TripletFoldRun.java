package io.facetrail.trainer.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.embed.DlibResNet;
import io.facetrail.faces.embed.FaceEmbedder;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.model.PretrainedModel;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.faces.trained.ModelMetadata;
import io.facetrail.faces.trained.TrainableHead;
import io.facetrail.faces.weights.TfjsWeightLoader;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.trainer.augment.ChipAugmenter;
import io.facetrail.trainer.chips.Chip;
import io.facetrail.trainer.data.LfwFolds;
import io.facetrail.trainer.data.PkSampler;
import io.facetrail.trainer.features.FeatureCache;
import io.facetrail.trainer.features.TrunkFeatures;
import io.facetrail.trainer.head.HeadEmbedder;
import io.facetrail.trainer.protocol.FoldEvaluation;
import io.facetrail.trainer.protocol.FoldResult;
import io.facetrail.trainer.run.LossPlot;
import io.facetrail.trainer.run.RunFolder;
import io.facetrail.trainer.triplet.StepRecord;
import io.facetrail.trainer.triplet.TrainingSettings;
import io.facetrail.trainer.triplet.TripletTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The work of {@code facetrail train triplet}: chips, trunk features, then per held-out fold the
 * before/after evaluation around a fine-tuning run.
 */
final class TripletFoldRun {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TrainTripletCommand o;
  private final LfwFolds folds;
  private final FoldData data;

  TripletFoldRun(TrainTripletCommand options, LfwFolds folds) {
    this.o = options;
    this.folds = folds;
    this.data = new FoldData(folds, options.run.allPhotos);
  }

  void run(List<Integer> targets) {
    FacePipelineSettings settings = o.lfw.pipelineSettings();
    List<String> evalPhotos = data.evaluationPhotos();
    Set<String> needed = data.neededPhotos(evalPhotos, targets);
    Path chipFile = o.lfw.chipFile(settings);
    Map<String, Chip> chips = data.chips(settings, chipFile, needed);
    ResolvedDevice device = o.lfw.models.select();
    try (NDManager manager = NDManager.newBaseManager(device.device())) {
      DlibResNet base =
          new DlibResNet(
              manager,
              TfjsWeightLoader.load(
                  ModelCache.at(settings.modelsDir()).manifest(PretrainedModel.RECOGNITION)),
              FaceEmbedder.DEFAULT_DIVISOR);
      if (o.trainableUnits < 1 || o.trainableUnits > base.unitCount()) {
        throw new UserFacingException(
            "--trainable-units must be within 1-" + base.unitCount() + ", is " + o.trainableUnits);
      }
      int firstUnit = base.unitCount() - o.trainableUnits;
      ChipAugmenter augmenter = ChipAugmenter.defaults();
      TrunkFeatures trunk = new TrunkFeatures(manager, base, firstUnit, augmenter, o.run.seed, 32);
      int variants = 2 + o.run.augmented;
      String name =
          String.format(
              Locale.ROOT,
              "%s-trunk%d-aug%s-%s-%s-seed%d.features",
              chipFile.getFileName(),
              firstUnit,
              augmenter.maxScale(),
              augmenter.maxShift(),
              augmenter.maxColour(),
              o.run.seed);
      try (FeatureCache cache = FeatureCache.open(chipFile.resolveSibling(name), variants)) {
        Set<String> training = new LinkedHashSet<>(needed);
        training.removeAll(evalPhotos);
        List<Chip> evalChips = evalPhotos.stream().map(chips::get).toList();
        try (var bar = Progress.bar("trunk features (eval)", evalChips.size())) {
          trunk.fill(evalChips, 2, cache, bar::step);
        }
        List<Chip> trainChips = needed.stream().map(chips::get).toList();
        try (var bar = Progress.bar("trunk features (train)", trainChips.size())) {
          trunk.fill(trainChips, variants, cache, bar::step);
        }
        Shape shape = trunk.featureShape();
        for (int f : targets) {
          runFold(f, base, device, manager, cache, shape, evalPhotos, variants);
        }
      }
    }
  }

  private void runFold(
      int fold,
      DlibResNet base,
      ResolvedDevice device,
      NDManager manager,
      FeatureCache cache,
      Shape shape,
      List<String> evalPhotos,
      int variants) {
    long t0 = System.nanoTime();
    long cpu0 = CpuTime.processNanos();
    String id = String.format(Locale.ROOT, "v1-triplet-fold%d-seed%d", fold, o.run.seed);
    Path root = o.run.out != null ? o.run.out : RunFolder.defaultRoot();
    RunFolder run = new RunFolder(root.resolve(id));
    if (Files.exists(run.dir()) && !o.run.resume) {
      throw new UserFacingException(
          "run folder "
              + run.dir()
              + " exists: pass --resume to continue it, or another --seed or --out");
    }
    HeadEmbedder embedder = new HeadEmbedder(manager, shape, cache::get, 64);
    FoldResult before =
        FoldEvaluation.evaluate(
            folds,
            fold,
            embedder.embed(new TrainableHead(base, o.trainableUnits), evalPhotos)::get);
    Map<String, List<String>> byPerson = data.trainingPhotosByPerson(fold);
    PkSampler sampler = new PkSampler(byPerson, o.run.identities, o.run.faces, variants);
    TrainingSettings ts = o.run.settings(o.steps, o.learningRate, o.checkpointEvery);
    TrainableHead head = new TrainableHead(base, o.trainableUnits);
    List<StepRecord> history = new ArrayList<>();
    int firstStep = 1;
    if (o.run.resume && run.hasCheckpoint()) {
      RunFolder.Checkpoint cp = run.loadCheckpoint(head, manager);
      firstStep = cp.step() + 1;
      history.addAll(cp.history());
    }
    try (var bar = Progress.bar("triplet fold " + fold, o.steps)) {
      bar.stepTo(firstStep - 1L);
      new TripletTrainer(ts, sampler, cache::get, shape)
          .train(
              head,
              device.device(),
              firstStep,
              r -> {
                history.add(r);
                bar.step();
                bar.setExtraMessage(
                    String.format(
                        Locale.ROOT, "loss %.4f active %.2f", r.loss(), r.activeFraction()));
              },
              step -> {
                run.saveCheckpoint(head, step, history);
                LossPlot.write(run.dir().resolve("loss.png"), id, history, 20);
              });
    }
    FoldResult after = FoldEvaluation.evaluate(folds, fold, embedder.embed(head, evalPhotos)::get);
    ObjectNode line = JSON.createObjectNode();
    line.put("train", "triplet");
    line.put("modelId", id);
    ObjectNode config = line.putObject("config");
    config.put("baseModel", FacePipeline.MODEL_ID);
    config.put("fold", fold);
    config.put("trainableUnits", o.trainableUnits);
    config.put("steps", o.steps);
    config.put("identitiesPerBatch", o.run.identities);
    config.put("facesPerIdentity", o.run.faces);
    config.put("learningRate", o.learningRate);
    config.put("optimizer", "adam");
    config.put("margin", o.run.margin);
    config.put("variants", variants);
    config.put("allPhotos", o.run.allPhotos);
    config.put("seed", o.run.seed);
    config.put("device", device.describe());
    config.put("trainingIdentities", sampler.identityCount());
    config.put("trainingPhotos", byPerson.values().stream().mapToInt(List::size).sum());
    put(line.putObject("before"), before);
    put(line.putObject("after"), after);
    double lastLoss =
        history.stream()
            .skip(Math.max(0, history.size() - 20))
            .mapToDouble(StepRecord::loss)
            .average()
            .orElse(Double.NaN);
    double lastActive =
        history.stream()
            .skip(Math.max(0, history.size() - 20))
            .mapToDouble(StepRecord::activeFraction)
            .average()
            .orElse(Double.NaN);
    line.put("finalLoss", lastLoss);
    line.put("finalActiveFraction", lastActive);
    line.put("wallSeconds", Math.round((System.nanoTime() - t0) / 1e9));
    line.put("cpuSeconds", Math.round((CpuTime.processNanos() - cpu0) / 1e9));
    line.put("dir", run.dir().toString());
    // The fine-tuned space has moved away from v1's: comparable with nothing but itself, so a
    // matcher never compares its codes with a v1 gallery's (harmonic training is for that).
    ObjectNode metadata =
        new ModelMetadata(
                id,
                FacePipeline.MODEL_ID,
                DlibResNet.INPUT_SIZE,
                "none",
                o.trainableUnits,
                "model.params",
                List.of(),
                List.of())
            .toJson();
    metadata.put("createdAt", Instant.now().toString());
    metadata.put(
        "format",
        "DJL parameters (Block.saveParameters) of the last "
            + o.trainableUnits
            + " residual units and the dense layer of "
            + FacePipeline.MODEL_ID
            + "; the earlier layers are "
            + FacePipeline.MODEL_ID
            + "'s, unchanged");
    metadata.set("training", line.deepCopy());
    run.saveModel(head, metadata);
    System.out.println(JSON.writeValueAsString(line));
  }

  private static void put(ObjectNode node, FoldResult r) {
    node.put("heldOutAccuracy", r.heldOutAccuracy());
    node.put("threshold", r.threshold());
    node.put("trainingFoldsAccuracy", r.trainingAccuracy());
    node.put("heldOutBestThresholdAccuracy", r.heldOutBestAccuracy());
  }
}
