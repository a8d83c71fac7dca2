package io.facetrail.matcher.cli;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.cluster.Cluster;
import io.facetrail.matcher.cluster.UnknownClusters;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.text.DisplayText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facetrail clusters show ID}: a cluster of unknown faces, track by track. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show a cluster of unknown faces: each of its tracks (oldest first) with its stream or"
          + " video, time range and good frames; --thumbnails writes each track's best face.",
      "An id the cluster had before it merged into another still finds it."
    })
final class ClustersShowCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Mixin ArchiveOptions archive;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The cluster id (c + 12 hex digits).")
  String id;

  @Option(
      names = "--thumbnails",
      paramLabel = "DIR",
      description = "Write each track's best face as DIR/<n>.jpg (n: its line, from 1).")
  Path thumbnails;

  @Option(names = "--json", description = "The cluster as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MatcherConfig config = gallery.config().withGallery(gallery.settings());
    try (TrackArchive a = archive.require(gallery, err)) {
      UnknownClusters clusters = ClusterLoading.load(a, config, ClusterLoading.thresholds(config));
      Cluster c =
          clusters
              .cluster(id)
              .orElseThrow(
                  () ->
                      new UserFacingException(
                          "no cluster " + DisplayText.safe(id) + " in " + a.describe()));
      if (!c.id().equals(id)) {
        err.printf("%s merged into %s%n", DisplayText.safe(id), c.id());
      }
      if (json) {
        out.println(ClusterJson.of(c));
      } else {
        out.printf(
            "%s: %s in %s, %d good frames%n",
            c.id(),
            ClustersListCommand.count(c.size(), "track"),
            ClustersListCommand.count(c.streams().size(), "stream"),
            c.goodFrames());
        int n = 0;
        for (String trackId : c.trackIds()) {
          n++;
          Optional<ArchivedTrack> t = a.track(trackId);
          out.println(
              t.map(x -> line(x)).orElse(DisplayText.safe(trackId) + "\t(no longer archived)"));
          if (thumbnails != null && t.isPresent() && t.get().thumbnailJpeg().length > 0) {
            Files.createDirectories(thumbnails);
            Files.write(thumbnails.resolve(n + ".jpg"), t.get().thumbnailJpeg());
          }
        }
        if (thumbnails != null) {
          err.printf("thumbnails written to %s%n", thumbnails);
        }
      }
    } catch (ArchiveUnavailableException e) {
      throw new UserFacingException("track archive unavailable: " + e.getMessage(), e);
    }
    return 0;
  }

  private static String line(ArchivedTrack t) {
    return String.format(
        "%s\t%s\t%s-%s\t%d good frames\tarchived %s",
        DisplayText.safe(t.streamId()),
        DisplayText.safe(t.trackId()),
        time(t.firstSeen()),
        time(t.lastSeen()),
        t.goodFrames(),
        t.archivedAt());
  }

  /** A media time as m:ss.s (videos and streams both carry one). */
  private static String time(Moment m) {
    double s = m.mediaTimeUs() / 1e6;
    return String.format("%d:%04.1f", (long) (s / 60), s % 60);
  }
}
