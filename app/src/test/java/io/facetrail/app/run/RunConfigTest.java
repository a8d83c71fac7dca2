package io.facetrail.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.embedder.config.DetectionProfile;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.runtime.config.InvalidConfigurationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One key space for every stage of a run: {@code --config} sections, {@code --set} keys, the
 * services' {@code FACETRAIL_*} variables, the run's options over them, and the keys the run sets
 * itself refused.
 */
class RunConfigTest {
  @TempDir Path dir;

  private RunSettings.Builder settings(Path file, Map<String, String> sets) {
    return TestPlans.settings(dir).optConfig(new RunConfigSource(file, sets));
  }

  private RunPlan plan(RunSettings s, Map<String, String> env) {
    return RunPlan.of(s, TestPlans.BROKER, env);
  }

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("run.yaml"), yaml);
  }

  @Test
  void laterSourcesWinDefaultsFileVariablesSetThenTheOption() throws IOException {
    Path f = file("matcher:\n  decision:\n    fpir: 0.002\n");
    Map<String, String> env = Map.of("FACETRAIL_DECISION_FPIR", "0.003");
    Map<String, String> set = Map.of("matcher.decision.fpir", "0.004");
    double defaults = plan(settings(null, Map.of()).build(), Map.of()).matcher().decision().fpir();
    assertThat(defaults).isEqualTo(IdentityRate.DEFAULT_FPIR);
    assertThat(plan(settings(f, Map.of()).build(), Map.of()).matcher().decision().fpir())
        .isEqualTo(0.002);
    assertThat(plan(settings(f, Map.of()).build(), env).matcher().decision().fpir())
        .isEqualTo(0.003);
    assertThat(plan(settings(f, set).build(), env).matcher().decision().fpir()).isEqualTo(0.004);
    RunSettings withOption = settings(f, set).optRate(new IdentityRate(0.005, null)).build();
    assertThat(plan(withOption, env).matcher().decision().fpir()).isEqualTo(0.005);
  }

  @Test
  void everyShorthandWinsOverTheSetOfItsKey() {
    Map<String, String> set = new LinkedHashMap<>();
    set.put("embedder.faces.device", "gpu:3");
    set.put("embedder.faces.tiling", "true");
    set.put("matcher.decision.falseAcceptRate", "1e-3");
    RunPlan p =
        plan(
            settings(null, set)
                .optDevice(DeviceSetting.parse("cpu"))
                .optDetection(DetectionProfile.FAST)
                .optRate(new IdentityRate(null, 1e-5))
                .build(),
            Map.of());
    assertThat(p.embedder().faces().device()).isEqualTo(DeviceSetting.parse("cpu"));
    assertThat(p.embedder().faces().tiling()).isFalse();
    assertThat(p.matcher().decision().falseAcceptRate()).isEqualTo(1e-5);
    // Without the options the --set values stand.
    RunPlan without = plan(settings(null, set).optDevice(null).build(), Map.of());
    assertThat(without.embedder().faces().device()).isEqualTo(DeviceSetting.parse("gpu:3"));
    assertThat(without.matcher().decision().falseAcceptRate()).isEqualTo(1e-3);
  }

  @Test
  void eachSectionReachesItsStage() throws IOException {
    Path f =
        file(
            """
            embedder:
              faces:
                minScore: 0.45
              batching:
                maxFrames: 4
            tracker:
              tracking:
                minHits: 4
            matcher:
              clusters:
                joinShare: 0.6
            """);
    Map<String, String> set = Map.of("matcher.decision.marginRatio", "0.8");
    RunPlan p = plan(settings(f, set).build(), Map.of("FACETRAIL_TRACKING_LOW_CONFIRM_HITS", "6"));
    assertThat(p.embedder().faces().minScore()).isEqualTo(0.45);
    assertThat(p.embedder().batching().maxFrames()).isEqualTo(4);
    assertThat(p.tracking().minHits()).isEqualTo(4);
    assertThat(p.tracking().lowConfirmHits()).isEqualTo(6);
    assertThat(p.matcher().clusters().joinShare()).isEqualTo(0.6);
    assertThat(p.matcher().decision().marginRatio()).isEqualTo(0.8);
  }

  @Test
  void aKeyWithoutItsStageIsUnknown() {
    assertThatThrownBy(
            () -> plan(settings(null, Map.of("decision.fpir", "1e-3")).build(), Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("decision: unknown setting");
  }

  @Test
  void keysTheRunSetsItselfAreRefusedByName() throws IOException {
    Map<String, String> set = new LinkedHashMap<>();
    set.put("embedder.kafka.bootstrapServers", "kafka:9092");
    set.put("embedder.consumer.groupId", "mine");
    set.put("matcher.applicationId", "mine");
    set.put("matcher.kafka.topicPrefix", "other.");
    set.put("matcher.gallery.redis.host", "cache");
    Path f = file("embedder:\n  http:\n    port: 9000\nmatcher:\n  stateDir: /tmp/state\n");
    assertThatThrownBy(() -> plan(settings(f, set).build(), Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .satisfies(
            e ->
                assertThat(((InvalidConfigurationException) e).problems())
                    .containsExactlyInAnyOrder(
                        "embedder.kafka.bootstrapServers: cannot be set (--set"
                            + " embedder.kafka.bootstrapServers): "
                            + RunConfig.BROKER,
                        "embedder.consumer.groupId: cannot be set (--set"
                            + " embedder.consumer.groupId): "
                            + RunConfig.GROUP,
                        "matcher.applicationId: cannot be set (--set matcher.applicationId): "
                            + RunConfig.STREAMS,
                        "matcher.kafka.topicPrefix: cannot be set (--set"
                            + " matcher.kafka.topicPrefix): "
                            + RunConfig.MATCHER_KAFKA,
                        "matcher.gallery.redis.host: cannot be set (--set"
                            + " matcher.gallery.redis.host): "
                            + RunConfig.GALLERY,
                        "embedder.http: cannot be set (in " + f + "): " + RunConfig.NO_ENDPOINT,
                        "matcher.stateDir: cannot be set (in " + f + "): " + RunConfig.STREAMS));
  }

  @Test
  void theServicesVariablesForWhatTheRunSetsAreIgnored() {
    RunPlan p =
        plan(
            settings(null, Map.of()).build(),
            Map.of(
                "FACETRAIL_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "FACETRAIL_HTTP_PORT", "not-a-port",
                "FACETRAIL_APPLICATION_ID", "theirs"));
    assertThat(p.embedder().kafka().bootstrapServers()).isEqualTo(TestPlans.BROKER);
    assertThat(p.matcher().applicationId()).isEqualTo(RunPlan.STREAMS_APP);
    assertThat(p.embedder().http().enabled()).isFalse();
  }

  @Test
  void everyProblemOfEveryStageIsListedAtOnceByItsFullKey() {
    Map<String, String> set = new LinkedHashMap<>();
    set.put("embedder.batching.maxFrames", "0");
    set.put("tracker.tracking.minHits", "-1");
    set.put("matcher.decision.fpir", "7");
    set.put("matcher.clusters.joinShare", "lots");
    assertThatThrownBy(() -> plan(settings(null, set).build(), Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .satisfies(
            e ->
                assertThat(((InvalidConfigurationException) e).problems())
                    .extracting(p -> p.substring(0, p.indexOf(':')))
                    .containsExactlyInAnyOrder(
                        "embedder.batching.maxFrames",
                        "tracker.tracking.minHits",
                        "matcher.decision.fpir",
                        "matcher.clusters.joinShare"));
  }

  @Test
  void printedConfigurationShowsTheOptionsMasksSecretsAndLeavesOutTheRunsOwnKeys() {
    RunSettings s =
        settings(null, Map.of("matcher.gallery.redis.password", "hunter2"))
            .setGallery(GalleryTarget.parse("redis://lobby:s3cret@cache.example:6380/2"))
            .optRate(new IdentityRate(1e-3, null))
            .optDetection(DetectionProfile.FAST)
            .build();
    StringWriter out = new StringWriter();
    assertThat(PipelineOptions.printConfig(s, Map.of(), new PrintWriter(out))).isZero();
    String yaml = out.toString();
    assertThat(yaml)
        .contains("embedder:", "tracker:", "matcher:", "minHits: 3", "joinShare: 0.5")
        .contains("fpir: \"0.001\"", "tiling: \"false\"", "password: \"******\"")
        .contains("# Redis redis://lobby:******@cache.example:6380/2 (--gallery)")
        .doesNotContain("hunter2", "s3cret", "bootstrapServers", "applicationId", "groupId")
        .doesNotContain("http:", "stateDir", "store: \"REDIS\"");
  }

  @Test
  void thePrintedConfigurationIsAConfigFileForTheSameRun() throws IOException {
    RunSettings s =
        settings(null, Map.of("tracker.tracking.minHits", "4", "embedder.kafka.topicPrefix", "a."))
            .optRate(new IdentityRate(2e-3, null))
            .build();
    StringWriter out = new StringWriter();
    PipelineOptions.printConfig(s, Map.of(), new PrintWriter(out));
    Path printed = Files.writeString(dir.resolve("printed.yaml"), out.toString());
    RunPlan again = plan(settings(printed, Map.of()).build(), Map.of());
    assertThat(again).isEqualTo(plan(s, Map.of()));
  }

  @Test
  void aPropertiesFileUsesTheSameKeys() throws IOException {
    Path f =
        Files.write(
            dir.resolve("run.properties"),
            List.of("matcher.decision.fpir=0.002", "tracker.tracking.minHits=5"));
    RunPlan p = plan(settings(f, Map.of()).build(), Map.of());
    assertThat(p.matcher().decision().fpir()).isEqualTo(0.002);
    assertThat(p.tracking().minHits()).isEqualTo(5);
  }
}
