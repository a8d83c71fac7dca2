package io.facetrail.matcher.cli;

import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.Match;
import io.facetrail.matcher.index.SearchMode;
import io.facetrail.runtime.text.DisplayText;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facetrail gallery search PHOTO}: the nearest enrolled persons with distances. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Search the gallery with a photo: the top-k persons with distances, and whether each is"
            + " within the threshold for the chosen false-accept rate.")
final class GallerySearchCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Mixin PhotoQueryOptions query;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "Embed the photos with the trained model in DIR (model.json, e.g. a harmonic v2) instead"
              + " of v1 (dlib-r29-v1); the folder also counts as one of the gallery's models (gallery.models), so persons enrolled with a model it is compatible with are found")
  Path model;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PHOTO")
  Path photo;

  @Option(
      names = {"-k", "--top"},
      defaultValue = "5",
      description = "Persons to list (default ${DEFAULT-VALUE})")
  int k;

  @Override
  public Integer call() {
    try (FaceAnalyzer analyzer = FaceAnalyzers.open(model)) {
      DetectedFace face = query.face(analyzer, photo);
      Thresholds thresholds = Thresholds.of(query.far, gallery.models(model));
      double threshold = PhotoQueryOptions.threshold(thresholds, face.modelId());
      // Codes of other models count when a configured model folder declares them compatible and
      // the pair is calibrated; each row is judged by its pair's threshold.
      GalleryIndex index =
          new GalleryIndex(thresholds.comparable(), ForkJoinPool.commonPool(), 0, 10_000);
      gallery.with(
          g -> {
            index.replaceAll(g.snapshot());
            return null;
          });
      List<Match> top = index.search(face.code(), face.modelId(), k, SearchMode.EXACT);
      var out = spec.commandLine().getOut();
      int rank = 1;
      for (Match m : top) {
        double t = thresholds.thresholdFor(face.modelId(), m.modelId());
        out.printf(
            "%d\t%s\t%s\tdistance %.4f\t%s%s%n",
            rank++,
            DisplayText.safe(m.personId()),
            DisplayText.safe(m.name()),
            m.distance(),
            m.distance() <= t ? "match" : "no match",
            m.modelId().equals(face.modelId())
                ? ""
                : String.format("\t(enrolled with %s, threshold %.4f)", m.modelId(), t));
      }
      out.printf(
          "threshold %.4f at FAR %s, model %s, %d persons searched%n",
          threshold, query.far, face.modelId(), index.personCount());
      return 0;
    }
  }
}
