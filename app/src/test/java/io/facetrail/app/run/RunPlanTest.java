package io.facetrail.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.embedder.config.DetectionProfile;
import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.runtime.config.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the run decides is set over the stages' own configurations, typed and validated once. */
class RunPlanTest {
  @TempDir Path dir;

  private RunPlan plan(RunSettings s, Map<String, String> env) {
    return RunPlan.of(s, TestPlans.BROKER, env);
  }

  @Test
  void bothStagesUseTheInProcessBrokerUnderTheConfiguredTopicPrefix() {
    RunPlan p =
        plan(
            TestPlans.settings(dir).build(),
            Map.of(
                "FACETRAIL_KAFKA_TOPIC_PREFIX", "lobby.",
                "FACETRAIL_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SSL"));
    assertThat(p.embedder().kafka().bootstrapServers()).isEqualTo(TestPlans.BROKER);
    assertThat(p.embedder().kafka().topicPrefix()).isEqualTo("lobby.");
    // A cluster's client settings would not fit the in-process broker.
    assertThat(p.embedder().kafka().properties()).isEmpty();
    assertThat(p.matcher().kafka()).isEqualTo(p.embedder().kafka());
  }

  @Test
  void theRunsGroupApplicationAndStateFolderAndNoEndpoints() {
    RunPlan p =
        plan(TestPlans.settings(dir).build(), Map.of("FACETRAIL_CONSUMER_GROUP_ID", "theirs"));
    EmbedderConfig e = p.embedder();
    MatcherConfig m = p.matcher();
    assertThat(e.consumer().groupId()).isEqualTo(RunPlan.EMBEDDER_GROUP);
    assertThat(e.consumer().instanceId()).isEqualTo("run");
    assertThat(m.applicationId()).isEqualTo(RunPlan.STREAMS_APP);
    assertThat(m.stateDir()).isEqualTo(dir.resolve("streams").toString());
    assertThat(e.http().enabled()).isFalse();
    assertThat(m.http().enabled()).isFalse();
  }

  @Test
  void theRunsOptionsReachTheirStages() {
    RunPlan p =
        plan(
            TestPlans.settings(dir)
                .optRate(new IdentityRate(1e-3, 1e-5))
                .optDevice(DeviceSetting.parse("gpu:1"))
                .optDetection(DetectionProfile.FAST)
                .build(),
            Map.of("FACETRAIL_DECISION_MIN_GOOD_FRAMES", "5"));
    assertThat(p.embedder().faces().device())
        .isEqualTo(new DeviceSetting(DeviceSetting.Kind.GPU, 1));
    assertThat(p.embedder().faces().tiling()).isFalse();
    assertThat(p.matcher().decision().fpir()).isEqualTo(1e-3);
    assertThat(p.matcher().decision().falseAcceptRate()).isEqualTo(1e-5);
    assertThat(p.matcher().decision().minGoodFrames()).isEqualTo(5);
    GallerySettings g = p.matcher().gallery();
    assertThat(g.store()).isEqualTo(GallerySettings.Store.LOCAL);
    assertThat(g.localDir()).isEqualTo(dir.resolve("gallery").toAbsolutePath().toString());
  }

  @Test
  void ratesNotGivenAreTheConfiguredOnes() {
    Map<String, String> env =
        Map.of("FACETRAIL_DECISION_FALSE_ACCEPT_RATE", "1e-4", "FACETRAIL_DECISION_FPIR", "0.5");
    RunPlan p = plan(TestPlans.settings(dir).build(), env);
    assertThat(p.matcher().decision().falseAcceptRate()).isEqualTo(1e-4);
    assertThat(p.matcher().decision().fpir()).isEqualTo(0.5);
    // Given, --fpir is the last word on its setting; --far not given keeps the variable's.
    RunPlan given =
        plan(TestPlans.settings(dir).optRate(new IdentityRate(1e-3, null)).build(), env);
    assertThat(given.matcher().decision().fpir()).isEqualTo(1e-3);
    assertThat(given.matcher().decision().falseAcceptRate()).isEqualTo(1e-4);
    assertThat(plan(TestPlans.settings(dir).build(), Map.of()).matcher().decision().fpir())
        .isEqualTo(IdentityRate.DEFAULT_FPIR);
  }

  @Test
  void aRedisGalleryKeepsTheConfiguredKeyPrefix() {
    RunPlan p =
        plan(
            TestPlans.settings(dir)
                .setGallery(GalleryTarget.parse("redis://cache.example:6380/3"))
                .build(),
            Map.of("FACETRAIL_GALLERY_REDIS_KEY_PREFIX", "lobby:gallery"));
    GallerySettings g = p.matcher().gallery();
    assertThat(g.store()).isEqualTo(GallerySettings.Store.REDIS);
    assertThat(g.redis().host()).isEqualTo("cache.example");
    assertThat(g.redis().port()).isEqualTo(6380);
    assertThat(g.redis().database()).isEqualTo(3);
    assertThat(g.redis().keyPrefix()).isEqualTo("lobby:gallery");
    // Known before the broker runs, the same as the matcher's.
    RunSettings s =
        TestPlans.settings(dir)
            .setGallery(GalleryTarget.parse("redis://cache.example:6380/3"))
            .build();
    GallerySettings early =
        RunPlan.gallery(s, Map.of("FACETRAIL_GALLERY_REDIS_KEY_PREFIX", "lobby:gallery"));
    assertThat(early.store()).isEqualTo(g.store());
    assertThat(early.redis().host()).isEqualTo(g.redis().host());
    assertThat(early.redis().database()).isEqualTo(g.redis().database());
    assertThat(early.redis().keyPrefix()).isEqualTo(g.redis().keyPrefix());
  }

  @Test
  void problemsOfTheOptionsAndOfTheVariablesAreListedTogether() {
    RunSettings s = TestPlans.settings(dir).optEmbeddingModel(dir.resolve("no-model")).build();
    assertThatThrownBy(() -> plan(s, Map.of("FACETRAIL_BATCHING_MAX_FRAMES", "0")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("faces.embeddingModel")
        .hasMessageContaining("batching.maxFrames");
  }

  @Test
  void theDeviceOptionIsCheckedWhenParsedAndReachesTheEmbedder() {
    PipelineOptions o = new PipelineOptions();
    new CommandLine(o).parseArgs("--device", "gpu:2");
    RunSettings s = o.settings(dir).build();
    assertThat(s.device()).isEqualTo(new DeviceSetting(DeviceSetting.Kind.GPU, 2));
    assertThat(plan(s, Map.of()).embedder().faces().device()).isEqualTo(s.device());
    // Not given, the configuration's (auto unless configured).
    assertThat(plan(TestPlans.settings(dir).optDevice(null).build(), Map.of()).embedder().faces())
        .extracting(f -> f.device().kind())
        .isEqualTo(DeviceSetting.Kind.AUTO);
    assertThatThrownBy(() -> new CommandLine(new PipelineOptions()).parseArgs("--device", "tpu"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("device 'tpu' is not one of cpu, gpu, gpu:N");
  }
}
