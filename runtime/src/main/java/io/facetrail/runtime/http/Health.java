package io.facetrail.runtime.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Liveness and readiness of a service. Readiness is the conjunction of named checks (Kafka
 * connected, models warmed up, gallery loaded); a component that fails for good marks the service
 * not live, so an orchestrator restarts it.
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

  private final Map<String, Supplier<Status>> readiness = new ConcurrentHashMap<>();
  private volatile String fatal;

  /** Adds or replaces a readiness check. */
  public void readinessCheck(String name, Supplier<Status> check) {
    readiness.put(name, check);
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
    readiness.keySet().stream()
        .sorted()
        .forEach(
            name -> {
              Status s;
              try {
                s = readiness.get(name).get();
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
