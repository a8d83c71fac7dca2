package io.facetrail.deploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards are well-formed for Grafana's provisioning: unique uids and panel ids, every query
 * on the data-source variable (so they work with any Prometheus data source), and every PromQL
 * readable. Whether the metrics exist is {@link DashboardMetricsIT}'s job.
 */
class DashboardFilesTest {
  @Test
  void thePipelineDashboardCoversWhatOperatorsWatch() {
    Path pipeline =
        Dashboards.files().stream()
            .filter(p -> p.getFileName().toString().equals("facetrail-pipeline.json"))
            .findFirst()
            .orElseThrow();
    String queries = Dashboards.queries(pipeline).toString();
    assertThat(queries)
        .contains("facetrail_ingest_frames_published_total")
        .contains("facetrail_embedder_frames_total")
        .contains("facetrail_tracker_frames_total")
        .contains("kafka_consumer_fetch_manager_records_lag_max")
        .contains("_seconds_bucket")
        .contains("facetrail_matcher_decisions_total")
        .contains("facetrail_dead_letters_total")
        .contains("facetrail_ingest_reconnects_total")
        .contains("facetrail_gallery_persons");
  }

  @Test
  void everyDashboardIsProvisionable() {
    List<Path> files = Dashboards.files();
    assertThat(files).hasSizeGreaterThanOrEqualTo(2);
    Set<String> uids = new HashSet<>();
    for (Path file : files) {
      JsonNode d = Dashboards.read(file);
      assertThat(uids.add(d.path("uid").asString())).as(file + " uid unique").isTrue();
      assertThat(d.path("title").asString()).as(file.toString()).isNotBlank();
      assertThat(d.path("templating").path("list").toString()).contains("\"type\":\"datasource\"");
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : Dashboards.panels(d)) {
        assertThat(ids.add(panel.path("id").asInt())).as(file + " panel id unique").isTrue();
        assertThat(panel.path("gridPos").path("w").asInt()).as(file.toString()).isBetween(1, 24);
        if (panel.path("type").asString().equals("row")) {
          continue;
        }
        assertThat(panel.path("datasource").path("uid").asString())
            .as(file + " / " + panel.path("title").asString())
            .isEqualTo("${datasource}");
        assertThat(panel.path("targets")).as(file.toString()).isNotEmpty();
      }
      for (DashboardQuery q : Dashboards.queries(file)) {
        assertThat(PromQl.selectors(q.expr())).as(q.toString()).isNotEmpty();
      }
    }
  }
}
