package io.facetrail.outbound.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The meters of one target. Every series is registered when the target starts, at 0, so that
 * Prometheus's {@code increase()} sees the first delivery: {@code
 * facetrail_outbound_deliveries_total{target,result}}, {@code
 * facetrail_outbound_delivery_seconds{target}} and {@code facetrail_outbound_pending{target}}.
 */
public final class DeliveryMetrics {
  static final String DELIVERIES = "facetrail.outbound.deliveries";
  static final String DELIVERY_TIME = "facetrail.outbound.delivery";
  static final String PENDING = "facetrail.outbound.pending";

  /** What became of one attempt or one event at a target. */
  public enum Result {
    /** The target took the event. */
    DELIVERED,
    /** An attempt failed and will be repeated after a back-off. */
    RETRIED,
    /** The event went to the dead-letter topic (attempts exhausted, refused, or queue full). */
    DEAD_LETTERED;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Counter delivered;
  private final Counter retried;
  private final Counter deadLettered;
  private final Timer deliveryTime;

  /**
   * @param pending the target's deliveries queued or in progress
   */
  public DeliveryMetrics(MeterRegistry registry, String target, Supplier<Number> pending) {
    this.delivered = counter(registry, target, Result.DELIVERED);
    this.retried = counter(registry, target, Result.RETRIED);
    this.deadLettered = counter(registry, target, Result.DEAD_LETTERED);
    this.deliveryTime =
        Timer.builder(DELIVERY_TIME)
            .description(
                "Time from reading an identity event to its delivery at the target, retries"
                    + " included")
            .tag("target", target)
            .register(registry);
    Gauge.builder(PENDING, pending)
        .description("Identity events queued for the target or being delivered")
        .tag("target", target)
        .register(registry);
  }

  private static Counter counter(MeterRegistry registry, String target, Result result) {
    return Counter.builder(DELIVERIES)
        .description(
            "Identity event deliveries by target and result: delivered, retried (one failed"
                + " attempt), dead_lettered")
        .tag("target", target)
        .tag("result", result.tag())
        .register(registry);
  }

  /** The event reached the target; {@code receivedNanos} is when it was read. */
  public void delivered(long receivedNanos) {
    delivered.increment();
    deliveryTime.record(Duration.ofNanos(System.nanoTime() - receivedNanos));
  }

  public void retried() {
    retried.increment();
  }

  public void deadLettered() {
    deadLettered.increment();
  }
}
