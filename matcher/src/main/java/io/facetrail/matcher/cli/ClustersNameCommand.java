package io.facetrail.matcher.cli;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.cluster.Cluster;
import io.facetrail.matcher.cluster.ClusterNaming;
import io.facetrail.matcher.cluster.UnknownClusters;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.InvalidNameException;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.text.DisplayText;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code facetrail clusters name ID --as NAME}: enrols the person of a cluster of unknown faces
 * from its best tracks, then re-decides the archive so that their past appearances are named.
 *
 * <p>Past tracks are named by the decision rule, not by membership: a track of the cluster that the
 * new person's codes do not match at the configured FPIR stays unknown (single linkage can hold a
 * track that resembles only one neighbour), and a track outside it that they do match is named.
 * Both are printed.
 */
@Command(
    name = "name",
    mixinStandardHelpOptions = true,
    description = {
      "Name a cluster of unknown faces: enrol NAME with the codes of the cluster's best tracks"
          + " (those with the most good frames), then decide every archived track again, so that"
          + " the person's past appearances are identified (retroactive events; printed, stored,"
          + " and with --publish sent to the identity topic).",
      "Tracks are named by the decision rule, as live ones are: a track of the cluster the new"
          + " codes do not match stays unknown, and is counted."
    })
final class ClustersNameCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Mixin ArchiveOptions archive;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The cluster id.")
  String id;

  @Option(names = "--as", required = true, paramLabel = "NAME", description = "The person's name.")
  String name;

  @Option(
      names = "--faces",
      defaultValue = "5",
      description = "Tracks whose aggregate codes are enrolled (default: ${DEFAULT-VALUE}).")
  int faces;

  @Option(names = "--json", description = "Print each changed decision as its identity event.")
  boolean json;

  @Option(
      names = "--publish",
      description = "Also publish the events to the identity topic of the configuration's Kafka.")
  boolean publish;

  @Override
  public Integer call() throws Exception {
    if (faces < 1 || faces > ClusterNaming.MAX_FACES) {
      throw new UserFacingException(
          "--faces must be between 1 and " + ClusterNaming.MAX_FACES + ", got " + faces);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MatcherConfig config = gallery.config().withGallery(gallery.settings());
    Thresholds thresholds = ClusterLoading.thresholds(config);
    try (TrackArchive a = archive.require(gallery, err)) {
      UnknownClusters clusters = ClusterLoading.load(a, config, thresholds);
      Cluster c =
          clusters
              .cluster(id)
              .orElseThrow(
                  () ->
                      new UserFacingException(
                          "no cluster " + DisplayText.safe(id) + " in " + a.describe()));
      ClusterNaming naming =
          new ClusterNaming(config.decision(), config.gallery(), thresholds, Clock.systemUTC());
      long started = System.nanoTime();
      ClusterNaming.Named named =
          gallery.with(
              g -> {
                try {
                  return naming.name(a, clusters, c, name, faces, g);
                } catch (InvalidNameException | ClusterNaming.NoGoodFacesException e) {
                  throw new UserFacingException(e.getMessage(), e);
                }
              });
      for (IdentityEvent e : named.events()) {
        out.println(json ? IdentityEventSerde.toJson(e) : ArchiveRedecideCommand.line(e));
      }
      if (publish && !named.events().isEmpty()) {
        ArchiveRedecideCommand.send(config, named.events());
        err.printf("%d events published%n", named.events().size());
      }
      err.printf(
          "enrolled %s as %s from %d tracks of cluster %s; %d of its %d tracks now identified"
              + " as them, %d other archived tracks changed (%.1f s)%n",
          DisplayText.safe(named.person().name()),
          named.person().id(),
          named.enrolledTracks().size(),
          c.id(),
          named.clusterTracksIdentified(),
          c.size(),
          named.otherChanges(),
          (System.nanoTime() - started) / 1e9);
    } catch (ArchiveUnavailableException e) {
      throw new UserFacingException("track archive unavailable: " + e.getMessage(), e);
    }
    return 0;
  }
}
