package io.facetrail.matcher.cli;

import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.cluster.Cluster;
import io.facetrail.matcher.cluster.UnknownClusters;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.text.DisplayText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code facetrail clusters list}: the clusters of unknown faces in the track archive. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the clusters of unknown faces: tracks that named nobody, grouped across cameras and"
          + " videos (largest first). Each line: cluster id, tracks, streams, first and last"
          + " archived.",
      "`facetrail clusters show ID` lists a cluster's tracks; `facetrail clusters name ID --as"
          + " NAME` enrols the person."
    })
final class ClustersListCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Mixin ArchiveOptions archive;
  @Spec CommandSpec spec;

  @Option(
      names = "--min-tracks",
      defaultValue = "1",
      description = "Only clusters of at least this many tracks (default: ${DEFAULT-VALUE}).")
  int minTracks;

  @Option(names = "--json", description = "One JSON object per cluster.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MatcherConfig config = gallery.config().withGallery(gallery.settings());
    try (TrackArchive a = archive.require(gallery, err)) {
      UnknownClusters clusters = ClusterLoading.load(a, config, ClusterLoading.thresholds(config));
      List<Cluster> shown =
          clusters.clusters().stream().filter(c -> c.size() >= minTracks).toList();
      for (Cluster c : shown) {
        out.println(json ? ClusterJson.of(c) : line(c));
      }
      err.printf(
          "%d clusters (%d shown) of %d unknown tracks%n",
          clusters.clusterCount(), shown.size(), clusters.size());
    } catch (ArchiveUnavailableException e) {
      throw new UserFacingException("track archive unavailable: " + e.getMessage(), e);
    }
    return 0;
  }

  private static String line(Cluster c) {
    return String.format(
        "%s\t%s\t%s (%s)\tarchived %s .. %s",
        c.id(),
        count(c.size(), "track"),
        count(c.streams().size(), "stream"),
        DisplayText.safe(String.join(", ", c.streams().stream().sorted().limit(3).toList()))
            + (c.streams().size() > 3 ? ", ..." : ""),
        c.firstArchived(),
        c.lastArchived());
  }

  static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
