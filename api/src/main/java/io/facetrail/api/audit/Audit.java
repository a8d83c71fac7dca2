package io.facetrail.api.audit;

import io.facetrail.api.access.AccessGate;
import io.facetrail.api.access.Principal;
import io.javalin.http.Context;
import java.time.Clock;

/** Records what a request did in the {@link AuditLog}, naming its caller. */
public final class Audit {
  private final AuditLog log;
  private final Clock clock;

  public Audit(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  public AuditLog log() {
    return log;
  }

  /** Appends an entry for the request's caller; {@code target} is a person id or null. */
  public void record(Context ctx, String action, String target, String outcome, String detail) {
    Principal p = AccessGate.principal(ctx);
    log.append(
        new AuditEntry(clock.instant(), p.keyId(), p.keyName(), action, target, outcome, detail));
  }
}
