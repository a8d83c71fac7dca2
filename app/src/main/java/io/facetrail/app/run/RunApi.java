package io.facetrail.app.run;

import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.search.ArchiveAccess;
import io.facetrail.api.service.ApiService;
import io.facetrail.matcher.enrol.FaceAnalyzers;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API and console inside a run ({@code run --serve PORT}): the API's own defaults and
 * {@code FACETRAIL_*} settings (keys, audit log, limits), with the run's broker, gallery, decision
 * rules and clustering, so the console shows this run's events as they happen, edits its gallery
 * and shows the clusters its matcher forms.
 */
final class RunApi {
  private RunApi() {}

  static ApiService start(
      AllInOne pipeline, ServeOptions serve, Map<String, String> env, RunCameras cameras) {
    Map<String, String> settings = new LinkedHashMap<>(serve.settings());
    settings.put("http.port", Integer.toString(serve.port()));
    ApiConfig base = ApiConfig.loader().load(null, env, settings);
    RunPlan plan = pipeline.plan();
    ApiConfig config =
        base.withKafka(plan.embedder().kafka())
            .withGallery(plan.matcher().gallery())
            .withDecision(plan.matcher().decision())
            .withClusters(plan.matcher().clusters());
    return ApiService.start(
        config,
        FaceAnalyzers.open(),
        Clock.systemUTC(),
        List.of(cameras),
        ArchiveAccess.shared(pipeline::archive));
  }
}
