package io.facetrail.matcher.cli;

import io.facetrail.matcher.archive.ArchiveIndex;
import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.enrol.DetectedFace;
import io.facetrail.matcher.enrol.FaceAnalyzer;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.UnknownPersonException;
import io.facetrail.matcher.index.SearchMode;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code facetrail search PHOTO} and {@code facetrail search --person ID}: where a face appeared
 * across the track archive (every video indexed and every camera watched), ranked by distance.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the track archive by face: every archived track (video or camera, time range) ranked"
          + " by distance to the photo's face or to an enrolled person's codes, with each track's"
          + " decision.",
      "With --person, the tracks decided as that person are listed too, whatever their distance."
    })
final class SearchCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Mixin ArchiveOptions archive;
  @Mixin PhotoQueryOptions query;
  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Query what;

  /** A photo or a person, not both. */
  static final class Query {
    @Parameters(paramLabel = "PHOTO", description = "A photo of the face to look for")
    Path photo;

    @Option(names = "--person", paramLabel = "ID", description = "An enrolled person's id")
    String person;
  }

  @Option(
      names = {"-k", "--top"},
      defaultValue = "20",
      description = "Tracks to list (default ${DEFAULT-VALUE})")
  int k;

  @Option(
      names = "--thumbnails",
      paramLabel = "DIR",
      description = "Write each listed track's best face to DIR as <rank>.jpg")
  Path thumbnails;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "Embed the photo with the trained model in DIR instead of v1 (dlib-r29-v1)")
  Path model;

  @Override
  public Integer call() throws IOException {
    if (k < 1 || k > 10_000) {
      throw new UserFacingException("--top must be between 1 and 10000, got " + k);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Thresholds thresholds = Thresholds.of(query.far, gallery.models(model));
    Map<String, String> names = new java.util.HashMap<>();
    PersonRecord person =
        gallery.with(
            g -> {
              g.persons().forEach(p -> names.put(p.id(), p.name()));
              return what.person == null ? null : record(g, what.person);
            });
    try (TrackArchive a = archive.require(gallery, err)) {
      ArchiveIndex index = ArchiveIndex.load(a, thresholds.comparable(), 50_000, 10_000);
      List<ArchiveIndex.Hit> hits;
      double threshold;
      if (person != null) {
        hits = index.searchPerson(person.person().id(), person.codes(), k, SearchMode.AUTO);
        threshold = Double.NaN;
      } else {
        try (FaceAnalyzer analyzer = FaceAnalyzers.open(model)) {
          DetectedFace face = query.face(analyzer, what.photo);
          threshold = PhotoQueryOptions.threshold(thresholds, face.modelId());
          hits = index.search(face.code(), face.modelId(), k, SearchMode.AUTO);
        }
      }
      new SearchPrinter(out, names, threshold).print(hits);
      if (thumbnails != null) {
        writeThumbnails(a, hits, err);
      }
      err.printf(
          "searched %d archived tracks%s%n",
          index.size(),
          Double.isNaN(threshold)
              ? ""
              : String.format(", threshold %.4f at FAR %s per comparison", threshold, query.far));
    } catch (ArchiveUnavailableException e) {
      throw new UserFacingException("track archive unavailable: " + e.getMessage(), e);
    }
    return 0;
  }

  private static PersonRecord record(Gallery g, String id) {
    return g.record(id).orElseThrow(() -> new UnknownPersonException(id));
  }

  private void writeThumbnails(TrackArchive a, List<ArchiveIndex.Hit> hits, PrintWriter err)
      throws IOException {
    Files.createDirectories(thumbnails);
    int written = 0;
    for (int i = 0; i < hits.size(); i++) {
      byte[] jpeg =
          a.track(hits.get(i).entry().trackId()).map(t -> t.thumbnailJpeg()).orElse(new byte[0]);
      if (jpeg.length > 0) {
        Files.write(thumbnails.resolve((i + 1) + ".jpg"), jpeg);
        written++;
      }
    }
    err.printf("%d thumbnails written to %s%n", written, thumbnails);
  }
}
