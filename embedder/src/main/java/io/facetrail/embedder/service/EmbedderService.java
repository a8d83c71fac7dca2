package io.facetrail.embedder.service;

import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.embedder.analyze.FacePipelineAnalyzer;
import io.facetrail.embedder.analyze.FrameAnalyzer;
import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.embedder.worker.ModelWorker;
import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.runtime.deadletter.DeadLetterPublisher;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.kafka.KafkaClients;
import io.facetrail.runtime.kafka.TopicAdmin;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedder in one process: the model worker and its consume-transform-produce loops. Start it
 * with {@link #start}; it runs until {@link #close()} or until a loop fails for good (fenced by a
 * newer instance, model worker failed), which {@link #awaitStop} reports.
 */
public final class EmbedderService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbedderService.class);

  private final ModelWorker worker;
  private final List<EmbedderLoop> loops = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<AutoCloseable> clientMetrics = new ArrayList<>();
  private final CountDownLatch stopped;
  private volatile Throwable failure;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbedderService(ModelWorker worker, int loopCount) {
    this.worker = worker;
    this.stopped = new CountDownLatch(loopCount);
  }

  /**
   * Loads the models, warms them up, creates missing topics and starts the loops.
   *
   * @param registry where the service's meters go
   * @param health readiness checks are added here; a fatal failure is reported here
   */
  public static EmbedderService start(
      EmbedderConfig config, MeterRegistry registry, Health health) {
    FacePipeline pipeline = FacePipeline.create(config.faces());
    EmbedderConfig.Output out = config.output();
    FrameAnalyzer analyzer =
        new FacePipelineAnalyzer(
            pipeline,
            new FacePipelineAnalyzer.Options(
                out.thumbnails(), out.thumbnailSize(), out.floatEmbeddings()),
            true);
    return start(config, analyzer, registry, health);
  }

  /** As {@link #start(EmbedderConfig, MeterRegistry, Health)} with a given analyzer. */
  public static EmbedderService start(
      EmbedderConfig config, FrameAnalyzer analyzer, MeterRegistry registry, Health health) {
    EmbedderMetrics metrics = new EmbedderMetrics(registry);
    EmbedderConfig.Worker w = config.worker();
    ModelWorker worker =
        new ModelWorker("0", analyzer, w.queueCapacity(), w.attempts(), w.retryBackoff(), metrics)
            .start();
    EmbedderService service = new EmbedderService(worker, config.consumer().loops());
    health.readinessCheck(
        "model",
        () ->
            worker.isWarm()
                ? Health.Status.up(analyzer.modelId() + " warmed up")
                : Health.Status.down(
                    worker.failure() != null ? worker.failure().getMessage() : "warming up"));
    try {
      if (!worker.awaitWarm(w.warmUpTimeout())) {
        String why = worker.failure() != null ? worker.failure().getMessage() : "warm-up timed out";
        worker.close();
        throw new IllegalStateException("embedder cannot start: " + why);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.close();
      throw new IllegalStateException("interrupted during warm-up", e);
    }
    TopicRegistry topics = config.kafka().topics();
    TopicAdmin.ensureTopics(
        config.kafka(),
        List.of(topics.frames(), topics.faces(), topics.deadLetters(Stage.EMBEDDER)));
    service.startLoops(config, topics, metrics, registry, health);
    return service;
  }

  private void startLoops(
      EmbedderConfig config,
      TopicRegistry topics,
      EmbedderMetrics metrics,
      MeterRegistry registry,
      Health health) {
    EmbedderConfig.Consumer c = config.consumer();
    String instance =
        c.instanceId() == null || c.instanceId().isBlank() ? hostName() : c.instanceId();
    DeadLetterPublisher deadLetters =
        new DeadLetterPublisher(Stage.EMBEDDER, topics, registry, Clock.systemUTC());
    for (int i = 0; i < c.loops(); i++) {
      String clientId = c.groupId() + "-" + instance + "-" + i;
      Map<String, Object> cp = FramesConsumerProperties.of(config, clientId);
      Map<String, Object> pp =
          KafkaClients.transactionalProducer(config.kafka(), clientId, clientId);
      pp.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) c.transactionTimeout().toMillis());
      KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer());
      for (KafkaClientMetrics cm :
          List.of(new KafkaClientMetrics(consumer), new KafkaClientMetrics(producer))) {
        cm.bindTo(registry);
        clientMetrics.add(cm);
      }
      EmbedderLoop loop =
          new EmbedderLoop(
              consumer,
              producer,
              topics,
              worker,
              deadLetters,
              metrics,
              config.batching().maxFrames(),
              config.batching().maxWait());
      Thread t =
          new Thread(
              () -> {
                try {
                  loop.run();
                } finally {
                  if (loop.failure() != null && failure == null) {
                    failure = loop.failure();
                    health.fatal("embedder loop failed: " + loop.failure().getMessage());
                    loops.forEach(EmbedderLoop::stop);
                  }
                  stopped.countDown();
                }
              },
              "embedder-loop-" + i);
      loops.add(loop);
      threads.add(t);
    }
    // Ready means processing: a restarted embedder whose consumers have not joined the group yet
    // (a dead member's session still holding its partitions) takes no frames, however warm.
    health.readinessCheck(
        "kafka",
        () -> {
          if (failure != null) {
            return Health.Status.down(failure.getMessage());
          }
          long joined = loops.stream().filter(EmbedderLoop::joined).count();
          return joined == loops.size()
              ? Health.Status.up(loops.size() + " loops running, joined the consumer group")
              : Health.Status.down(
                  "joining the consumer group (" + joined + " of " + loops.size() + " loops)");
        });
    threads.forEach(Thread::start);
    health.started();
    log.info(
        "Embedder {} running: {} loop(s), batches of up to {} frames, model {}",
        instance,
        loops.size(),
        config.batching().maxFrames(),
        worker.modelId());
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /**
   * Waits until every loop has stopped (after {@link #close()} or a failure).
   *
   * @return the failure that stopped the service, or null after a clean close
   */
  public Throwable awaitStop(Duration timeout) throws InterruptedException {
    stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return failure;
  }

  /** The failure that stopped the service, or null. */
  public Throwable failure() {
    return failure;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    loops.forEach(EmbedderLoop::stop);
    for (Thread t : threads) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (AutoCloseable cm : clientMetrics) {
      try {
        cm.close();
      } catch (Exception e) {
        log.debug("Closing client metrics failed: {}", e.toString());
      }
    }
    worker.close();
  }
}
