package io.facetrail.matcher.cli;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.GalleryCatchUp;
import io.facetrail.matcher.archive.Redecider;
import io.facetrail.matcher.archive.Redecision;
import io.facetrail.matcher.archive.RetroactiveEvents;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.GalleryChanges;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.SearchMode;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.matcher.stream.MatcherWiring;
import io.facetrail.runtime.cli.UserFacingException;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.text.DisplayText;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code facetrail archive redecide}: every archived track decided again against the gallery as it
 * is now, from its stored codes (no video is decoded); what changed is printed (as identity events
 * with {@code retroactive: true} with {@code --json}) and stored, and archived tracks of persons no
 * longer in the gallery are erased.
 */
@Command(
    name = "redecide",
    mixinStandardHelpOptions = true,
    description = {
      "Decide every archived track again against the gallery as it is now, from its stored codes"
          + " (no video is decoded). Changed decisions are printed and stored; tracks of persons"
          + " erased from the gallery are erased from the archive.",
      "The matcher service does this by itself after each gallery change; this command is for"
          + " archives written by runs and index, and for changes made while no matcher ran."
    })
final class ArchiveRedecideCommand implements Callable<Integer> {
  @Mixin GalleryOptions gallery;
  @Mixin ArchiveOptions archive;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print each changed decision as its identity event")
  boolean json;

  @Option(
      names = "--publish",
      description =
          "Also publish the events to the identity topic of the matcher configuration's Kafka")
  boolean publish;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MatcherConfig config = gallery.config().withGallery(gallery.settings());
    Thresholds thresholds;
    try {
      thresholds = MatcherWiring.thresholds(config);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
    GalleryIndex index =
        new GalleryIndex(
            thresholds.comparable(),
            ForkJoinPool.commonPool(),
            config.gallery().fastThreshold(),
            config.gallery().fastCandidates());
    try (TrackArchive a = archive.require(gallery, err)) {
      long started = System.nanoTime();
      AtomicReference<GalleryChanges.Cursor> cursor = new AtomicReference<>();
      Redecision r =
          gallery.with(
              g -> {
                // Read before the snapshot, as GalleryCatchUp does: a change made meanwhile is
                // caught up with by the next run or index.
                cursor.set(g.cursor());
                index.replaceAll(g.snapshot());
                int erased = GalleryCatchUp.eraseAbsent(a, g);
                if (erased > 0) {
                  err.printf(
                      "%d archived tracks of persons erased from the gallery deleted%n", erased);
                }
                return new Redecider(
                        new DecisionPolicy(config.decision()), thresholds, SearchMode.AUTO)
                    .redecide(a::forEach, index, null, Set.of(), Instant.now());
              });
      List<IdentityEvent> events = new ArrayList<>();
      for (Redecision.Change c : r.changes()) {
        IdentityEvent e = RetroactiveEvents.of(c, index, Instant.now());
        events.add(e);
        out.println(json ? IdentityEventSerde.toJson(e) : line(e));
      }
      if (publish && !events.isEmpty()) {
        send(config, events);
        err.printf("%d events published%n", events.size());
      }
      a.updateDecisions(r.updates());
      // Every decision is now up to date with this gallery state: run and index need not catch up.
      a.galleryCursor(cursor.get());
      err.printf(
          "re-decided %d archived tracks against %d persons in %.1f s: %d changed%s%n",
          r.examined(),
          index.personCount(),
          (System.nanoTime() - started) / 1e9,
          r.changes().size(),
          r.undecidable() > 0 ? ", " + r.undecidable() + " of a model without calibration" : "");
    } catch (ArchiveUnavailableException e) {
      throw new UserFacingException("track archive unavailable: " + e.getMessage(), e);
    }
    return 0;
  }

  static String line(IdentityEvent e) {
    String now =
        e.person() == null
            ? "unknown"
            : "identified "
                + (e.person().name() == null ? "?" : DisplayText.safe(e.person().name()));
    String before =
        e.previousPerson() == null
            ? "unknown"
            : (e.previousPerson().name() == null
                ? "an erased person"
                : DisplayText.safe(e.previousPerson().name()));
    return String.format(
        "%s\t%s\tnow %s (was %s)%s",
        DisplayText.safe(e.streamId()),
        DisplayText.safe(e.trackId()),
        now,
        before,
        e.distance() == null ? "" : String.format(", distance %.3f", e.distance()));
  }

  static void send(MatcherConfig config, List<IdentityEvent> events) throws Exception {
    Topic<String, IdentityEvent> topic = config.kafka().topics().identity();
    try (KafkaProducer<String, IdentityEvent> producer =
        new KafkaProducer<>(
            KafkaClients.producer(config.kafka(), "facetrail-archive-redecide"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (IdentityEvent e : events) {
        sent.add(producer.send(new ProducerRecord<>(topic.name(), e.trackId(), e)));
      }
      for (java.util.concurrent.Future<?> f : sent) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new UserFacingException(
          "publishing to " + topic(config) + " failed: " + e.getCause().getMessage(), e);
    }
  }

  private static String topic(MatcherConfig config) {
    return config.kafka().topics().identity().name();
  }
}
