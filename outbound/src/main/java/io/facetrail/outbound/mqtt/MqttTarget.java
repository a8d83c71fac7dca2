package io.facetrail.outbound.mqtt;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.outbound.config.MqttSettings;
import io.facetrail.outbound.deadletter.FailedDelivery;
import io.facetrail.outbound.deadletter.OutboundDeadLetters;
import io.facetrail.outbound.delivery.Backoff;
import io.facetrail.outbound.delivery.Delivery;
import io.facetrail.outbound.delivery.DeliveryMetrics;
import io.facetrail.outbound.delivery.Target;
import io.facetrail.runtime.http.Health;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT broker as a target: a bounded queue and one thread that connects (again and again, with
 * back-off, while the broker is away) and publishes each event in order, waiting for the broker's
 * acknowledgement before taking the next. An event is finished only once acknowledged, so events
 * read while the broker is away wait in the queue, and a full queue stops the reading (through
 * {@link #hasRoom()}): none is dropped.
 */
public final class MqttTarget implements Target {
  private static final Logger log = LoggerFactory.getLogger(MqttTarget.class);

  public static final String NAME = "mqtt";

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  /** How long the thread waits for an event before checking the connection again. */
  private static final Duration IDLE_CHECK = Duration.ofSeconds(1);

  private final MqttSettings settings;
  private final MqttTopics topics;
  private final MqttConnection connection;
  private final Backoff backoff;
  private final OutboundDeadLetters deadLetters;
  private final DeliveryMetrics metrics;
  private final BlockingQueue<Delivery> queue;
  private final Thread thread;
  private volatile Delivery current;
  private volatile String problem = "not connected yet";
  private volatile boolean closing;

  private MqttTarget(MqttSettings settings, OutboundDeadLetters deadLetters, MeterRegistry registry)
      throws MqttException {
    this.settings = settings;
    this.topics = new MqttTopics(settings.topicPrefix());
    this.connection = new MqttConnection(settings, topics.status());
    this.backoff = Backoff.of(settings.reconnect());
    this.deadLetters = deadLetters;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.metrics = new DeliveryMetrics(registry, NAME, this::pending);
    this.thread = new Thread(this::run, "outbound-mqtt");
    this.thread.setDaemon(true);
  }

  /**
   * Starts the thread, which connects in the background: a broker that is away at start delays the
   * events, not the service.
   *
   * @throws IllegalArgumentException when Paho refuses the server URI or client id
   */
  public static MqttTarget start(
      MqttSettings settings, OutboundDeadLetters deadLetters, MeterRegistry registry) {
    MqttTarget target;
    try {
      target = new MqttTarget(settings, deadLetters, registry);
    } catch (MqttException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "mqtt.serverUri '" + settings.serverUri() + "' cannot be used: " + e.getMessage(), e);
    }
    target.thread.start();
    return target;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(IdentityEvent event) {
    return true;
  }

  @Override
  public boolean hasRoom() {
    return queue.remainingCapacity() > 0;
  }

  @Override
  public void submit(Delivery delivery) {
    if (!queue.offer(delivery)) {
      throw new IllegalStateException("submit without room: hasRoom() must be asked first");
    }
  }

  @Override
  public int pending() {
    return queue.size() + (current == null ? 0 : 1);
  }

  @Override
  public Health.Status status() {
    String p = problem;
    return p == null
        ? Health.Status.up("connected to " + settings.serverUri() + ", " + pending() + " pending")
        : Health.Status.down(p + ", " + pending() + " pending");
  }

  private void run() {
    int connectFailures = 0;
    int publishFailures = 0;
    try {
      while (!closing) {
        if (!connection.isConnected()) {
          try {
            connection.connect();
            problem = null;
            log.info(
                "MQTT connected to {}{}",
                settings.serverUri(),
                connectFailures == 0 ? "" : " after " + connectFailures + " failed attempts");
            connectFailures = 0;
          } catch (MqttException e) {
            if (closing) {
              // Paho swallows the interrupt of close(): without this the back-off below would
              // sleep through it.
              return;
            }
            connectFailures++;
            problem = "cannot connect to " + settings.serverUri() + ": " + e.getMessage();
            if (connectFailures == 1) {
              log.warn("MQTT: {}; retrying with back-off", problem);
            }
            Thread.sleep(backoff.delay(connectFailures).toMillis());
            continue;
          }
        }
        if (current == null) {
          current = queue.poll(IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
          if (current == null) {
            continue;
          }
        }
        try {
          publish(current);
          metrics.delivered(current.receivedNanos());
          publishFailures = 0;
          Delivery finished = current;
          current = null;
          finished.done();
        } catch (MqttException e) {
          if (closing) {
            return;
          }
          // The same event again after the wait: over a new connection when this one was lost.
          publishFailures++;
          metrics.retried();
          problem =
              connection.isConnected()
                  ? "publishing failed: " + e.getMessage()
                  : "connection to " + settings.serverUri() + " lost";
          log.warn("MQTT: publishing an event failed ({}); trying again", e.getMessage());
          Thread.sleep(backoff.delay(publishFailures).toMillis());
        } catch (IllegalArgumentException e) {
          // A topic MQTT cannot carry (a stream id over 64 KB): no retry can help.
          deadLetter(current, e);
          current = null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void publish(Delivery delivery) throws MqttException {
    IdentityEvent event = delivery.event();
    connection.publish(
        topics.event(event.streamId(), event.type()),
        delivery.body(),
        connection.qos(),
        connection.retain());
    Optional<String> person = LastPerson.after(event);
    if (person.isPresent()) {
      connection.publish(
          topics.lastPerson(event.streamId()),
          person.get().getBytes(StandardCharsets.UTF_8),
          1,
          true);
    }
  }

  private void deadLetter(Delivery delivery, IllegalArgumentException error)
      throws InterruptedException {
    try {
      deadLetters
          .publish(delivery.record(), new FailedDelivery(NAME, "", "topic_too_long", 0, error))
          .get();
      metrics.deadLettered();
      delivery.done();
    } catch (ExecutionException e) {
      log.error(
          "MQTT: cannot write to the dead-letter topic {}: {}",
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
    connection.close();
  }
}
