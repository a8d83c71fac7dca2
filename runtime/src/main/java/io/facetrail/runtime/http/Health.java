package io.facetrail.runtime.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Liveness and readiness of a service. Readiness is the conjunction of named checks (Kafka
 * connected, models warmed up, gallery loaded) and of the service having finished starting: the
 * endpoint comes up first so that an orchestrator can watch the start, and a service whose checks
 * are not all registered yet must not answer ready (the embedder once did for a moment before its
 * models were warm). A component that fails for good marks the service not live, so an orchestrator
 * restarts it.
 */
public final class Health {
  /** The result of one check. */
  public record Status(boolean up, String detail) {
    public static Status up(String detail) {
      return new Status(true, detail);
    }

    public static Status down(String detail) {
      return new Status(false, detail);
    }
  }

  /** The check that holds readiness back until the service says it has started. */
  public static final String STARTUP_CHECK = "startup";

  private final Map<String, Supplier<Status>> readiness = new ConcurrentHashMap<>();
  private final Map<String, Supplier<Status>> informational = new ConcurrentHashMap<>();
  private volatile String fatal;
  private volatile boolean started;

  public Health() {
    readiness.put(STARTUP_CHECK, () -> started ? Status.up("started") : Status.down("starting"));
  }

  /**
   * Marks the start as complete: every readiness check the service needs is registered and its
   * processing runs. Until then the service is not ready, whatever its other checks say.
   */
  public void started() {
    started = true;
  }

  /** Adds or replaces a readiness check. */
  public void readinessCheck(String name, Supplier<Status> check) {
    readiness.put(name, check);
  }

  /**
   * Adds or replaces a check that is reported but does not decide readiness: a part whose loss
   * degrades the service without making it useless (the API's live events while the broker is down:
   * persons, photos and recent events are still served, so an orchestrator must keep routing to
   * it).
   */
  public void informationalCheck(String name, Supplier<Status> check) {
    informational.put(name, check);
  }

  /** Every informational check's status, in name order. */
  public Map<String, Status> informational() {
    return evaluate(informational);
  }

  /** Marks the service as failed for good: not live, not ready. */
  public void fatal(String reason) {
    this.fatal = reason;
  }

  public boolean isLive() {
    return fatal == null;
  }

  /** Every readiness check's status, in name order. */
  public Map<String, Status> readiness() {
    Map<String, Status> out = new LinkedHashMap<>();
    if (fatal != null) {
      out.put("fatal", Status.down(fatal));
    }
    out.putAll(evaluate(readiness));
    return out;
  }

  private static Map<String, Status> evaluate(Map<String, Supplier<Status>> checks) {
    Map<String, Status> out = new LinkedHashMap<>();
    checks.keySet().stream()
        .sorted()
        .forEach(
            name -> {
              Status s;
              try {
                s = checks.get(name).get();
              } catch (RuntimeException e) {
                s = Status.down("check failed: " + e.getMessage());
              }
              out.put(name, s);
            });
    return out;
  }

  public boolean isReady() {
    return isLive() && readiness().values().stream().allMatch(Status::up);
  }
}
