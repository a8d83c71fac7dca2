package io.facetrail.evaluation.identification;

import io.facetrail.faces.pipeline.AnalysedFace;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.ImageAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Computes, through the face pipeline, the face (code, quality, float embedding) of every photo of
 * the LFW identification protocol that the cache does not hold yet.
 */
public final class IdentificationEval {
  private static final int BATCH = 16;

  private final FacePipeline pipeline;
  private final CodeCache cache;
  private final Consumer<String> progress;

  IdentificationEval(FacePipeline pipeline, CodeCache cache, Consumer<String> progress) {
    this.pipeline = pipeline;
    this.cache = cache;
    this.progress = progress;
  }

  /** Computes the code of every image not yet cached (the face nearest the image centre). */
  void computeCodes(List<Path> images) {
    List<Path> todo = images.stream().filter(p -> !cache.contains(key(p))).toList();
    long started = System.nanoTime();
    for (int from = 0; from < todo.size(); from += BATCH) {
      List<Path> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
      List<byte[]> bytes = new ArrayList<>();
      for (Path p : batch) {
        try {
          bytes.add(Files.readAllBytes(p));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + p, e);
        }
      }
      List<ImageAnalysis> results = pipeline.analyseEncoded(bytes).images();
      for (int i = 0; i < batch.size(); i++) {
        cache.put(key(batch.get(i)), central(results.get(i)).map(CachedFace::of));
      }
      double rate = (from + batch.size()) / ((System.nanoTime() - started) / 1e9);
      progress.accept(
          String.format("%d/%d images, %.1f/s", from + batch.size(), todo.size(), rate));
    }
  }

  private static Optional<AnalysedFace> central(ImageAnalysis image) {
    // LFW images are centred on the person: a background face must not stand in for them.
    double cx = image.width() / 2.0;
    double cy = image.height() / 2.0;
    return image.faces().stream()
        .min(
            Comparator.comparingDouble(
                f -> Math.hypot(f.box().centreX() - cx, f.box().centreY() - cy)));
  }

  static String key(Path p) {
    return p.getParent().getFileName() + "/" + p.getFileName();
  }
}
