package io.facetrail.app.run;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.Topic;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.embedder.analyze.FacePipelineAnalyzer;
import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.embedder.service.EmbedderService;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.ingest.engine.IngestEngine;
import io.facetrail.ingest.engine.IngestListener;
import io.facetrail.ingest.engine.StreamHandle;
import io.facetrail.ingest.sampling.SamplingPolicy;
import io.facetrail.ingest.source.SourceSpec;
import io.facetrail.matcher.archive.ArchiveSettings;
import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.matcher.stream.MatcherTopology;
import io.facetrail.matcher.stream.MatcherWiring;
import io.facetrail.runtime.deadletter.StreamsDeadLetters;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.facetrail.runtime.streams.StreamsHost;
import io.facetrail.tracker.stream.TrackerPart;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every stage of the pipeline in this JVM: the in-process broker, the embedder (its model worker
 * shares the face pipeline used for enrolment), the tracker and the matcher in one Streams
 * application, the ingest engine and a reader of the identity topic. {@link #start} brings them up
 * in dependency order; {@link #close()} takes them down in reverse.
 */
public final class AllInOne implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AllInOne.class);

  /** How long the run waits for its tracking/matching application to be ready. */
  static final Duration STREAMS_START = Duration.ofMinutes(2);

  private final Deque<AutoCloseable> open = new ArrayDeque<>();
  private RunPlan plan;
  private KafkaSettings kafka;
  private TopicRegistry topics;
  private FacePipeline pipeline;
  private volatile MatcherWiring matcher;
  private StreamsHost streams;
  private IngestEngine ingest;
  private int enrolled;
  private Duration galleryWait = RunSettings.GALLERY_WAIT;
  private String galleryName = "the gallery";

  /**
   * Starts everything up to (not including) the inputs: the gallery is checked first, then the
   * broker starts, whose address the stages' configurations ({@link RunPlan}) are made with.
   *
   * @param env the environment the stages' {@code FACETRAIL_*} settings are read from
   * @throws io.facetrail.runtime.config.InvalidConfigurationException when those settings are
   *     invalid
   * @throws io.facetrail.runtime.cli.UserFacingException when the gallery cannot be used (nothing
   *     else is started then)
   */
  public void start(
      RunSettings s, Map<String, String> env, MeterRegistry registry, RunConsole console) {
    if (plan == null) {
      startBroker(s, env);
    }

    console.status("loading the face models (" + plan.embedder().faces().device() + ")");
    pipeline = FacePipeline.create(plan.embedder().faces());
    open.push(pipeline);
    console.status(pipeline.device().line());

    // Before the matcher opens the archive (and rebuilds its clusters of unknown faces from it):
    // decisions taken against an older gallery are brought up to date first.
    RunArchive.catchUpAtStart(plan.matcher(), console);
    matcher = openMatcher(plan.matcher(), registry, console);
    open.push(matcher);
    if (s.enrolDir() != null) {
      console.status("enrolling the persons of " + s.enrolDir());
      enrolled = FolderEnrolment.enrol(s.enrolDir(), pipeline, matcher.gallery(), console.report());
    }

    console.status("warming the models up");
    EmbedderConfig.Output out = plan.embedder().output();
    FacePipelineAnalyzer analyzer =
        new FacePipelineAnalyzer(
            pipeline,
            new FacePipelineAnalyzer.Options(
                out.thumbnails(), out.thumbnailSize(), out.floatEmbeddings()),
            false);
    EmbedderService embedder =
        EmbedderService.start(plan.embedder(), analyzer, registry, new Health());
    open.push(embedder);

    streams = startStreams(registry);
    open.push(streams);
  }

  /**
   * The run's track archive, once the matcher is open and when it archives (the console searches it
   * instead of opening a local archive this process already holds).
   */
  Optional<TrackArchive> archive() {
    MatcherWiring m = matcher;
    return m == null ? Optional.empty() : m.archive();
  }

  /**
   * The matcher's wiring with its track archive; when the archive cannot be opened (a local one in
   * use by another run), the run goes on without archiving and says so.
   */
  private static MatcherWiring openMatcher(
      MatcherConfig c, MeterRegistry registry, RunConsole console) {
    MatcherWiring w;
    try {
      w = MatcherWiring.open(c, Clock.systemUTC(), registry);
    } catch (ArchiveUnavailableException e) {
      console.status(e.getMessage() + ": this run's tracks are not archived");
      ArchiveSettings off =
          c.archive().withStore(ArchiveSettings.Store.OFF, "", c.archive().redis());
      return MatcherWiring.open(c.withArchive(off), Clock.systemUTC(), registry);
    }
    w.archive().ifPresent(a -> console.status("archiving tracks in " + a.describe()));
    return w;
  }

  /**
   * The first part of {@link #start}: the gallery is checked, the broker started and its topics
   * created, so that what reads the topics (the console of {@code run --serve}) can start before
   * the face models load.
   *
   * @throws io.facetrail.runtime.cli.UserFacingException when the gallery cannot be used (nothing
   *     is started then)
   */
  public void startBroker(RunSettings s, Map<String, String> env) {
    galleryWait = s.galleryWait();
    galleryName = s.gallery().describe();
    GalleryCheck.reachable(RunPlan.gallery(s, env), Clock.systemUTC());
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(s.workDir().resolve("kafka"), 0, Map.of());
    open.push(broker);
    plan = RunPlan.of(s, broker.bootstrapServers(), env);
    kafka = plan.embedder().kafka();
    topics = kafka.topics();
    TopicAdmin.ensureTopics(kafka, topics.all());
  }

  /** Closes {@code c} with the pipeline, before the broker started ahead of it. */
  void closeWith(AutoCloseable c) {
    open.push(c);
  }

  /** The stages' configurations, once {@link #start} has made them. */
  public RunPlan plan() {
    if (plan == null) {
      throw new IllegalStateException("the run has not started");
    }
    return plan;
  }

  /**
   * The tracker and the matcher in one Streams application, hosted like the services' ({@link
   * StreamsHost}): the run waits at most {@link #STREAMS_START} for it to be ready.
   */
  private StreamsHost startStreams(MeterRegistry registry) {
    TrackerPart tracker = new TrackerPart(topics, plan.tracking());
    StreamsBuilder builder = new StreamsBuilder();
    tracker.addTo(builder, registry);
    MatcherTopology.addTo(builder, topics, matcher.dependencies());
    Map<String, Object> props =
        KafkaClients.streams(kafka, plan.matcher().applicationId(), plan.matcher().stateDir());
    Map<String, StreamsDeadLetters.Route> routes = new LinkedHashMap<>(tracker.deadLetterRoutes());
    routes.put(
        topics.tracks().name(),
        new StreamsDeadLetters.Route(Stage.MATCHER, topics.deadLetters(Stage.MATCHER).name()));
    props.putAll(
        StreamsDeadLetters.properties(
            Stage.MATCHER, topics.deadLetters(Stage.MATCHER).name(), routes, registry));
    return StreamsHost.builder("tracking/matching", builder.build(), props).start(STREAMS_START);
  }

  /** Starts the reader of the identity topic. */
  public IdentityFeed follow(Consumer<IdentityEvent> listener) {
    IdentityFeed feed = new IdentityFeed(kafka, topics.identity(), listener).start();
    open.push(feed);
    return feed;
  }

  /** Starts a reader of the tracks topic (observations, starts and ends of tracks). */
  public TopicFeed<TrackEvent> followTracks(Consumer<TrackEvent> listener) {
    return feed(topics.tracks(), "facetrail-run-tracks", listener);
  }

  /** Starts a reader of the faces topic, which tells how far the face analysis has got. */
  public TopicFeed<FacesRecord> followFaces(Consumer<FacesRecord> listener) {
    return feed(topics.faces(), "facetrail-run-faces", listener);
  }

  private <V> TopicFeed<V> feed(Topic<String, V> topic, String group, Consumer<V> listener) {
    TopicFeed<V> feed = new TopicFeed<>(kafka, topic, group, listener);
    feed.begin();
    open.push(feed);
    return feed;
  }

  /** Starts one stream per input; their stream ids map to the inputs as given. */
  public Map<String, StreamHandle> ingest(
      RunSettings s, MeterRegistry registry, IngestListener listener) {
    openIngest(registry, listener);
    Map<String, StreamHandle> handles = new LinkedHashMap<>();
    for (String input : s.inputs()) {
      StreamHandle h = startStream(input, s.fps());
      handles.put(h.id(), h);
    }
    return handles;
  }

  /** Creates the ingest engine; streams are then started one by one with {@link #startStream}. */
  public void openIngest(MeterRegistry registry, IngestListener listener) {
    ingest =
        IngestEngine.builder()
            .setKafka(kafka)
            .optMeterRegistry(registry)
            .optListener(listener)
            .build();
    open.push(ingest);
  }

  /** Starts one input, sampled at {@code fps} frames per second of media time. */
  public StreamHandle startStream(String input, double fps) {
    return ingest.start(SourceSpec.builder(input).optSampling(SamplingPolicy.fps(fps)).build());
  }

  /**
   * Waits until every stage has processed everything its input holds: the embedder all frames, the
   * tracker all faces, the matcher all tracks (and decided every one), and the identity reader all
   * events.
   */
  public DrainResult drain(IdentityFeed feed, Duration timeout) throws InterruptedException {
    return drain(List.of(feed), timeout);
  }

  /**
   * Waits until every stage and every one of {@code feeds} has processed everything its input holds
   * and no identity decision is held back.
   */
  public DrainResult drain(Collection<? extends TopicFeed<?>> feeds, Duration timeout)
      throws InterruptedException {
    return drain(feeds, timeout, () -> false, timeout);
  }

  /**
   * Like {@link #drain(Collection, Duration)}, but once {@code stopping} turns true (Ctrl-C) waits
   * at most {@code grace} longer: the user wants the summary of what is done, not of everything.
   * Decisions held back while the gallery is unreachable are waited for at most the run's {@link
   * RunSettings#galleryWait()} once everything else has drained ({@link DrainWatch}).
   */
  public DrainResult drain(
      Collection<? extends TopicFeed<?>> feeds,
      Duration timeout,
      BooleanSupplier stopping,
      Duration grace)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean cut = false;
    DrainWatch watch = new DrainWatch(galleryWait);
    try (GroupProgress progress = new GroupProgress(kafka)) {
      while (System.nanoTime() < deadline) {
        if (streams != null && streams.failed()) {
          // The host gave up on threads that kept failing: nothing will drain any more.
          throw new IllegalStateException(
              "the tracking/matching application stopped: its stream threads kept failing (see"
                  + " the log)");
        }
        if (!cut && stopping.getAsBoolean()) {
          cut = true;
          deadline = Math.min(deadline, System.nanoTime() + grace.toNanos());
        }
        boolean caughtUp =
            progress.caughtUp(RunPlan.EMBEDDER_GROUP, topics.frames().name())
                && progress.caughtUp(RunPlan.STREAMS_APP, topics.faces().name())
                && progress.caughtUp(RunPlan.STREAMS_APP, topics.tracks().name())
                && feeds.stream().allMatch(TopicFeed::caughtUp);
        switch (watch.look(
            System.nanoTime(), caughtUp, caughtUp ? undecided() : OptionalLong.empty())) {
          case DONE -> {
            return new DrainResult(true, 0, galleryName);
          }
          case GAVE_UP -> {
            log.info(
                "{} track decision(s) still held back {} after the pipeline drained: giving up",
                watch.undecided(),
                galleryWait);
            return new DrainResult(false, watch.undecided(), galleryName);
          }
          case WAIT -> Thread.sleep(250);
        }
      }
    }
    return new DrainResult(false, 0, galleryName);
  }

  /**
   * Tracks whose identity decision the matcher holds back (its pending store, read across every
   * task); empty while the store cannot be queried (a rebalance), to be asked again.
   */
  private OptionalLong undecided() {
    if (streams == null) {
      return OptionalLong.of(0);
    }
    try {
      ReadOnlyKeyValueStore<String, byte[]> pending =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                  MatcherTopology.PENDING_STORE, QueryableStoreTypes.keyValueStore()));
      long n = 0;
      try (KeyValueIterator<String, byte[]> it = pending.all()) {
        for (; it.hasNext(); it.next()) {
          n++;
        }
      }
      return OptionalLong.of(n);
    } catch (InvalidStateStoreException e) {
      log.debug("Held-back decisions cannot be counted now: {}", e.getMessage());
      return OptionalLong.empty();
    }
  }

  /** Persons the {@code --enroll} folder added to the gallery. */
  public int enrolled() {
    return enrolled;
  }

  /** The run's gallery (enrol into it; the matcher picks changes up within moments). */
  public io.facetrail.matcher.gallery.Gallery gallery() {
    return matcher.gallery();
  }

  /**
   * The gallery version the matcher's index holds now (empty before its first load): what the
   * decisions from here on are made against, until the gallery changes.
   */
  public java.util.Optional<io.facetrail.matcher.gallery.GalleryVersion> galleryVersion() {
    return matcher.sync().version();
  }

  /** The run's topics. */
  public TopicRegistry topics() {
    return topics;
  }

  /** The in-process broker's settings, for clients of the benchmark. */
  public KafkaSettings kafka() {
    return kafka;
  }

  /** Persons in the gallery. */
  public int galleryPersons() {
    return matcher.index().personCount();
  }

  /** Every stream started so far. */
  public List<StreamHandle> streams() {
    return ingest == null ? List.of() : ingest.streams();
  }

  /** Stops every stage, in the reverse order of their start. */
  @Override
  public void close() {
    while (!open.isEmpty()) {
      AutoCloseable c = open.pop();
      try {
        c.close();
      } catch (Exception e) {
        log.warn("Closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
