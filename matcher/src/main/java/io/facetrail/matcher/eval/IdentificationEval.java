package io.facetrail.matcher.eval;

import io.facetrail.faces.pipeline.AnalysedFace;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.ImageAnalysis;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.Match;
import io.facetrail.matcher.index.SearchMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the LFW identification protocol of {@link LfwSplit} through the face pipeline and the
 * gallery index, and reports rank-1 accuracy and, given a threshold, the true-accept rate of
 * enrolled queries and the open-set false-accept rate of strangers' queries.
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

  private static String key(Path p) {
    return p.getParent().getFileName() + "/" + p.getFileName();
  }

  /** The measured numbers; {@code threshold} may be NaN (no calibration: rank-1 only). */
  Map<String, Object> measure(LfwSplit split, String modelId, double threshold) {
    Instant t = Instant.EPOCH;
    List<PersonRecord> gallery = new ArrayList<>();
    int notEnrolled = 0;
    for (var e : split.enrolled().entrySet()) {
      Optional<byte[]> code = cache.get(key(e.getValue().get(0))).map(CachedFace::code);
      if (code.isEmpty()) {
        notEnrolled++;
        continue;
      }
      gallery.add(
          new PersonRecord(
              new Person(e.getKey(), e.getKey(), Map.of(), t, t),
              List.of(new StoredCode(e.getKey() + "-0", modelId, code.get(), "lfw", t))));
    }
    GalleryIndex index = GalleryIndex.withDefaults();
    index.replaceAll(gallery);
    int queries = 0;
    int noFace = 0;
    int rank1 = 0;
    int accepted = 0;
    for (var e : split.enrolled().entrySet()) {
      if (index.nameOf(e.getKey()).isEmpty()) {
        continue;
      }
      for (Path q : e.getValue().subList(1, e.getValue().size())) {
        Optional<byte[]> code = cache.get(key(q)).map(CachedFace::code);
        if (code.isEmpty()) {
          noFace++;
          continue;
        }
        queries++;
        Match best = index.search(code.get(), modelId, 1, SearchMode.EXACT).get(0);
        if (best.personId().equals(e.getKey())) {
          rank1++;
          accepted += best.distance() <= threshold ? 1 : 0;
        }
      }
    }
    int strangerQueries = 0;
    int falseAccepts = 0;
    for (List<Path> images : split.strangers().values()) {
      for (Path q : images) {
        Optional<byte[]> code = cache.get(key(q)).map(CachedFace::code);
        if (code.isEmpty()) {
          noFace++;
          continue;
        }
        strangerQueries++;
        falseAccepts +=
            index.search(code.get(), modelId, 1, SearchMode.EXACT).get(0).distance() <= threshold
                ? 1
                : 0;
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("enrolledPersons", index.personCount());
    r.put("personsNotEnrolledNoFace", notEnrolled);
    r.put("queries", queries);
    r.put("rank1Accuracy", ratio(rank1, queries));
    r.put("threshold", Double.isNaN(threshold) ? null : threshold);
    r.put("trueAcceptRate", Double.isNaN(threshold) ? null : ratio(accepted, queries));
    r.put("strangerPersons", split.strangers().size());
    r.put("strangerQueries", strangerQueries);
    r.put(
        "openSetFalseAcceptRate",
        Double.isNaN(threshold) ? null : ratio(falseAccepts, strangerQueries));
    r.put("imagesWithoutFace", noFace);
    return r;
  }

  private static double ratio(int a, int b) {
    return b == 0 ? Double.NaN : Math.round(a * 100_000.0 / b) / 100_000.0;
  }
}
