package io.facetrail.outbound.webhook;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.outbound.config.EventFilter;
import io.facetrail.outbound.config.WebhookSettings;
import io.facetrail.outbound.deadletter.FailedDelivery;
import io.facetrail.outbound.deadletter.OutboundDeadLetters;
import io.facetrail.outbound.delivery.Backoff;
import io.facetrail.outbound.delivery.Delivery;
import io.facetrail.outbound.delivery.DeliveryMetrics;
import io.facetrail.outbound.delivery.Target;
import io.facetrail.runtime.http.Health;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook: a bounded queue and one thread that POSTs its events one after the other, in the
 * order read (so every track's events arrive in topic order), retrying each with back-off until it
 * is delivered, refused for good, or out of attempts; then it goes to the dead-letter topic and the
 * next event is sent. A full queue sends further events straight to the dead-letter topic, so that
 * a webhook that is down never holds back the others.
 */
public final class WebhookTarget implements Target {
  private static final Logger log = LoggerFactory.getLogger(WebhookTarget.class);

  /** How long {@link #close()} waits for the thread to end. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final WebhookSettings settings;
  private final EventFilter filter;
  private final WebhookSender sender;
  private final Backoff backoff;
  private final OutboundDeadLetters deadLetters;
  private final DeliveryMetrics metrics;
  private final BlockingQueue<Delivery> queue;
  private final AtomicInteger inProgress = new AtomicInteger();
  private final Thread thread;
  private volatile String lastFailure;
  private volatile boolean closing;

  private WebhookTarget(
      int index,
      WebhookSettings settings,
      OutboundDeadLetters deadLetters,
      MeterRegistry registry,
      Clock clock) {
    this.name = "webhook-" + index;
    this.settings = settings;
    this.filter = settings.filter();
    this.sender = new WebhookSender(settings, WebhookSender.client(settings), clock);
    this.backoff = Backoff.of(settings.backoff());
    this.deadLetters = deadLetters;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.metrics = new DeliveryMetrics(registry, name, this::pending);
    this.thread = new Thread(this::run, "outbound-" + name);
    this.thread.setDaemon(true);
  }

  /**
   * Starts the webhook's thread.
   *
   * @param index the webhook's place in the configuration: its name is {@code webhook-<index>}
   */
  public static WebhookTarget start(
      int index,
      WebhookSettings settings,
      OutboundDeadLetters deadLetters,
      MeterRegistry registry,
      Clock clock) {
    WebhookTarget target = new WebhookTarget(index, settings, deadLetters, registry, clock);
    target.thread.start();
    log.info("Webhook {} to {} started", target.name, settings.host());
    if ("http".equalsIgnoreCase(settings.url().getScheme())
        && !isLoopback(settings.url().getHost())) {
      // Events name people: on a network, a plain-http receiver exposes them to anyone on the path.
      log.warn(
          "Webhook {} sends identity events unencrypted (http://) to {}: use https:// beyond this"
              + " machine",
          target.name,
          settings.host());
    }
    return target;
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("::1");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean accepts(IdentityEvent event) {
    return filter.accepts(event);
  }

  @Override
  public boolean hasRoom() {
    return true;
  }

  @Override
  public void submit(Delivery delivery) {
    if (queue.offer(delivery)) {
      return;
    }
    FailedDelivery failure =
        new FailedDelivery(
            name,
            settings.host(),
            "queue_full",
            0,
            new QueueFullException(settings.queueCapacity()));
    // Asynchronous: this is the thread reading the identity topic, which must not wait.
    deadLetters.publish(
        delivery.record(),
        failure,
        () -> {
          metrics.deadLettered();
          delivery.done();
        });
  }

  @Override
  public int pending() {
    return queue.size() + inProgress.get();
  }

  @Override
  public Health.Status status() {
    String failure = lastFailure;
    String detail = settings.host() + ", " + pending() + " pending";
    // A receiver that is down is not this service's fault: it stays ready, and says so.
    return Health.Status.up(
        failure == null ? detail : detail + ", last attempt failed: " + failure);
  }

  private void run() {
    try {
      while (!closing) {
        Delivery delivery = queue.take();
        inProgress.set(1);
        try {
          deliver(delivery);
        } finally {
          inProgress.set(0);
        }
      }
    } catch (InterruptedException e) {
      // close(): the delivery in progress is abandoned; its offset stays uncommitted.
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(Delivery delivery) throws InterruptedException {
    Attempt attempt;
    int number = 0;
    while (true) {
      number++;
      attempt = sender.send(delivery.event(), delivery.body(), number);
      if (attempt.kind() == Attempt.Kind.DELIVERED) {
        if (lastFailure != null) {
          log.info("Webhook {} ({}) delivers again", name, settings.host());
        }
        lastFailure = null;
        metrics.delivered(delivery.receivedNanos());
        delivery.done();
        return;
      }
      boolean last = attempt.kind() == Attempt.Kind.PERMANENT || number >= settings.maxAttempts();
      if (lastFailure == null && !last) {
        // Once per run of failures, not per attempt: a receiver that is down must not flood the
        // log (each dead letter is logged).
        log.warn(
            "Webhook {} ({}): attempt failed: {}; retrying with back-off",
            name,
            settings.host(),
            attempt.error().getMessage());
      }
      lastFailure = attempt.status();
      if (last) {
        break;
      }
      metrics.retried();
      Thread.sleep(backoff.delay(number, attempt.retryAfter()).toMillis());
    }
    FailedDelivery failure =
        new FailedDelivery(name, settings.host(), attempt.status(), number, attempt.error());
    try {
      // Waited for: the next event of this webhook goes out only once this one is safe.
      deadLetters.publish(delivery.record(), failure).get();
      metrics.deadLettered();
      delivery.done();
    } catch (ExecutionException e) {
      // Not done: the offset is not committed, and the event is read again at the next start.
      log.error(
          "Webhook {}: cannot write to the dead-letter topic {}: {}",
          name,
          deadLetters.topic(),
          e.getCause().toString());
    }
  }

  @Override
  public void close() {
    closing = true;
    thread.interrupt();
    try {
      thread.join(CLOSE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      log.warn("Webhook {} still busy {} after close", name, CLOSE_TIMEOUT);
    }
  }
}
