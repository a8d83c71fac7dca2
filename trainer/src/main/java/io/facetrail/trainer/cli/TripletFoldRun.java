package io.facetrail.trainer.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.facetrail.faces.device.ResolvedDevice;
import io.facetrail.faces.embed.DlibResNet;
import io.facetrail.faces.model.ModelCache;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.faces.trained.ModelMetadata;
import io.facetrail.faces.trained.TrainableHead;
import io.facetrail.trainer.augment.ChipAugmenter;
import io.facetrail.trainer.data.LfwFolds;
import io.facetrail.trainer.data.PkSampler;
import io.facetrail.trainer.features.FeatureCache;
import io.facetrail.trainer.features.TrunkFeatures;
import io.facetrail.trainer.head.HeadEmbedder;
import io.facetrail.trainer.protocol.FoldEvaluation;
import io.facetrail.trainer.protocol.FoldResult;
import io.facetrail.trainer.run.RunFolder;
import io.facetrail.trainer.triplet.StepRecord;
import io.facetrail.trainer.triplet.TrainingSettings;
import io.facetrail.trainer.triplet.TripletTrainer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    FoldData.Chips chips = data.chipsFor(settings, o.lfw.chipFile(settings), targets);
    ResolvedDevice device = o.lfw.models.select();
    try (NDManager manager = NDManager.newBaseManager(device.device())) {
      DlibResNet base = V1Network.load(manager, ModelCache.at(settings.modelsDir()));
      V1Network.checkTrainableUnits(base, o.trainableUnits);
      int firstUnit = base.unitCount() - o.trainableUnits;
      ChipAugmenter augmenter = ChipAugmenter.defaults();
      TrunkFeatures trunk = new TrunkFeatures(manager, base, firstUnit, augmenter, o.run.seed, 32);
      int variants = 2 + o.run.augmented;
      try (FeatureCache cache =
          TrunkFeatureFile.open(chips.chipFile(), "", firstUnit, augmenter, o.run.seed, variants)) {
        TrunkFeatureFile.fill(trunk, cache, chips.evalChips(), chips.trainChips(), variants, "");
        Shape shape = trunk.featureShape();
        for (int f : targets) {
          runFold(f, base, device, manager, cache, shape, chips.evalPhotos(), variants);
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
    RunFolder run = o.run.runFolder(id);
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
    List<StepRecord> history =
        CheckpointedTraining.run(
            "triplet fold " + fold,
            o.steps,
            o.run.resume,
            run,
            id,
            head,
            manager,
            new TripletTrainer(ts, sampler, cache::get, shape));
    FoldResult after = FoldEvaluation.evaluate(folds, fold, embedder.embed(head, evalPhotos)::get);
    ObjectNode line = JSON.createObjectNode();
    line.put("train", "triplet");
    line.put("modelId", id);
    ObjectNode config = line.putObject("config");
    config.put("baseModel", FacePipeline.MODEL_ID);
    TrainingLine.putOptimiser(config, o.run, fold, o.trainableUnits, o.steps, o.learningRate);
    config.put("variants", variants);
    config.put("allPhotos", o.run.allPhotos);
    config.put("seed", o.run.seed);
    config.put("device", device.describe());
    config.put("trainingIdentities", sampler.identityCount());
    config.put("trainingPhotos", byPerson.values().stream().mapToInt(List::size).sum());
    put(line.putObject("before"), before);
    put(line.putObject("after"), after);
    TrainingLine.putFinal(line, history);
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
