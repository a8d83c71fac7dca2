package io.facetrail.api.photos;

import io.facetrail.api.access.Role;
import io.facetrail.api.audit.Audit;
import io.facetrail.api.config.LimitSettings;
import io.facetrail.api.server.ApiRoutes;
import io.facetrail.api.server.QueryParams;
import io.facetrail.matcher.enrol.DetectedFace;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code POST /api/v1/verify} (two photos: same person?) and {@code POST /api/v1/identify} (one
 * photo: who, with the top-k persons). Both are searches of biometric data and are audited.
 */
public final class PhotoRoutes implements ApiRoutes {
  private final PhotoAnalysis analysis;
  private final Identification identification;
  private final LimitSettings limits;
  private final Audit audit;

  public PhotoRoutes(
      PhotoAnalysis analysis, Identification identification, LimitSettings limits, Audit audit) {
    this.analysis = analysis;
    this.identification = identification;
    this.limits = limits;
    this.audit = audit;
  }

  @Override
  public void addTo(Javalin app) {
    app.post("/api/v1/verify", this::verify, Role.VIEWER);
    app.post("/api/v1/identify", this::identify, Role.VIEWER);
  }

  private void verify(Context ctx) {
    try (UploadBatch a = UploadBatch.read(ctx, "photoA", 1, limits);
        UploadBatch b = UploadBatch.read(ctx, "photoB", 1, limits)) {
      DetectedFace fa = analysis.largestFace(a.only());
      DetectedFace fb = analysis.largestFace(b.only());
      Map<String, Object> body = identification.verify(fa, fb);
      audit.record(ctx, "photo.verify", null, "ok", null);
      ctx.json(body);
    }
  }

  private void identify(Context ctx) {
    int k = QueryParams.intParam(ctx, "k", 5, 1, limits.maxTopK());
    try (UploadBatch batch = UploadBatch.read(ctx, "photo", 1, limits)) {
      DetectedFace face = analysis.largestFace(batch.only());
      Map<String, Object> body = identification.identify(face, k);
      @SuppressWarnings("unchecked")
      Map<String, Object> person = (Map<String, Object>) body.get("person");
      audit.record(
          ctx,
          "photo.identify",
          person == null ? null : (String) person.get("id"),
          "ok",
          "decision " + body.get("decision"));
      ctx.json(body);
    }
  }
}
