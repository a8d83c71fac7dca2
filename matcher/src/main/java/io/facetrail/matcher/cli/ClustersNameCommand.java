package io.facetrail.matcher.cli;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.Redecider;
import io.facetrail.matcher.archive.Redecision;
import io.facetrail.matcher.archive.RetroactiveEvents;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.cluster.Cluster;
import io.facetrail.matcher.cluster.ClusterMember;
import io.facetrail.matcher.cluster.UnknownClusters;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.InvalidNameException;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.SearchMode;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.text.DisplayText;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
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
    if (faces < 1 || faces > 100) {
      throw new UserFacingException("--faces must be between 1 and 100, got " + faces);
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
      List<ClusterMember> best =
          clusters.members(c.id()).stream()
              .sorted(Comparator.comparingInt(ClusterMember::goodFrames).reversed())
              .limit(faces)
              .toList();
      Instant now = Instant.now();
      GalleryIndex index =
          new GalleryIndex(
              thresholds.comparable(),
              ForkJoinPool.commonPool(),
              config.gallery().fastThreshold(),
              config.gallery().fastCandidates());
      long started = System.nanoTime();
      Named named =
          gallery.with(
              g -> {
                Person p;
                try {
                  p = g.createPerson(name, Map.of("cluster", c.id()));
                } catch (InvalidNameException e) {
                  throw new UserFacingException(e.getMessage(), e);
                }
                List<StoredCode> codes = new ArrayList<>();
                for (ClusterMember m : best) {
                  codes.add(
                      new StoredCode(
                          "cluster-" + c.id() + "-" + codes.size(),
                          m.modelId(),
                          m.aggregate(),
                          "cluster " + c.id() + ", track " + m.trackId(),
                          now));
                }
                g.addCodes(p.id(), codes);
                index.replaceAll(g.snapshot());
                PersonRecord record = g.record(p.id()).orElseThrow();
                Redecision r =
                    new Redecider(
                            new DecisionPolicy(config.decision()), thresholds, SearchMode.AUTO)
                        .redecide(a::forEach, index, List.of(record), Set.of(p.id()), now);
                return new Named(p, r);
              });
      a.updateDecisions(named.redecision().updates());
      List<IdentityEvent> events = new ArrayList<>();
      int ofCluster = 0;
      Set<String> members = Set.copyOf(c.trackIds());
      for (Redecision.Change ch : named.redecision().changes()) {
        IdentityEvent e = RetroactiveEvents.of(ch, index, Instant.now());
        events.add(e);
        if (members.contains(ch.track().trackId()) && ch.after().identified()) {
          ofCluster++;
        }
        out.println(
            json
                ? io.facetrail.contracts.identity.IdentityEventSerde.toJson(e)
                : ArchiveRedecideCommand.line(e));
      }
      if (publish && !events.isEmpty()) {
        ArchiveRedecideCommand.send(config, events);
        err.printf("%d events published%n", events.size());
      }
      err.printf(
          "enrolled %s as %s from %d tracks of cluster %s; %d of its %d tracks now identified"
              + " as them, %d other archived tracks changed (%.1f s)%n",
          DisplayText.safe(named.person().name()),
          named.person().id(),
          best.size(),
          c.id(),
          ofCluster,
          c.size(),
          named.redecision().changes().size() - ofCluster,
          (System.nanoTime() - started) / 1e9);
    } catch (ArchiveUnavailableException e) {
      throw new UserFacingException("track archive unavailable: " + e.getMessage(), e);
    }
    return 0;
  }

  private record Named(Person person, Redecision redecision) {}
}
