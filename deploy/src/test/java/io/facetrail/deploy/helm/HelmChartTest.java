package io.facetrail.deploy.helm;

import static io.facetrail.deploy.helm.Workloads.container;
import static io.facetrail.deploy.helm.Workloads.names;
import static io.facetrail.deploy.helm.Workloads.volume;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.facetrail.api.config.ApiConfig;
import io.facetrail.api.service.ApiPaths;
import io.facetrail.deploy.RepositoryFiles;
import io.facetrail.deploy.metrics.Dashboards;
import io.facetrail.embedder.config.EmbedderConfig;
import io.facetrail.faces.device.DeviceSetting;
import io.facetrail.ingest.config.IngestConfig;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.outbound.config.OutboundConfig;
import io.facetrail.tracker.service.TrackerConfig;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart rendered by Helm's own engine with the default values and with every optional part
 * switched on: each manifest parses strictly as its Kubernetes type, the objects fit together, and
 * the configuration each container would read loads in the real service.
 */
class HelmChartTest {
  private static final String PREFIX = Chart.RELEASE + "-facetrail-";
  private static Manifests defaults;
  private static Manifests full;

  @TempDir Path work;

  @BeforeAll
  static void render() {
    defaults = Chart.render(null);
    full = Chart.render(Chart.fullValues());
  }

  static Stream<Arguments> renders() {
    return Stream.of(Arguments.of("default values", defaults), Arguments.of("full values", full));
  }

  @Test
  void lintsCleanInStrictMode() {
    LintResult result = Chart.lint();
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void defaultValuesRunTheCpuPipelineWithoutOptionalParts() {
    assertThat(names(defaults.all(Deployment.class)))
        .containsExactlyInAnyOrder(
            PREFIX + "embedder", PREFIX + "tracker", PREFIX + "matcher", PREFIX + "api");
    assertThat(defaults.all(HorizontalPodAutoscaler.class)).isEmpty();
    assertThat(defaults.all(ServiceMonitor.class)).isEmpty();
    // The one claim by default: the api's keys and audit log, which nothing else could rebuild.
    assertThat(names(defaults.all(PersistentVolumeClaim.class))).containsExactly(PREFIX + "api");
    Container embedder = container(defaults.get(Deployment.class, PREFIX + "embedder"));
    assertThat(embedder.getImage()).isEqualTo("facetrail-embedder:0.1.0");
    assertThat(embedder.getResources().getLimits()).doesNotContainKey("nvidia.com/gpu");
    assertThat(defaults.get(Deployment.class, PREFIX + "embedder").getSpec().getReplicas())
        .isEqualTo(2);
  }

  @Test
  void theGpuEmbedderRequestsGpusOnGpuNodesWithTheGpuImage() {
    Deployment d = full.get(Deployment.class, PREFIX + "embedder");
    PodSpec pod = d.getSpec().getTemplate().getSpec();
    Container c = container(d);
    assertThat(c.getImage()).isEqualTo("registry.example.com/facetrail-embedder-gpu:0.1.0");
    assertThat(c.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(pod.getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
    assertThat(pod.getTolerations()).anyMatch(t -> "nvidia.com/gpu".equals(t.getKey()));
    assertThat(pod.getInitContainers())
        .singleElement()
        .satisfies(
            init -> {
              assertThat(init.getImage()).isEqualTo("registry.example.com/facetrail-models:0.1.0");
              assertThat(init.getArgs()).containsExactly("models", "fetch", "--dir", "/models");
            });
    assertThat(volume(d, "models").getPersistentVolumeClaim().getClaimName())
        .isEqualTo(full.all(PersistentVolumeClaim.class).get(0).getMetadata().getName());
    // The autoscaler owns the replica count.
    assertThat(d.getSpec().getReplicas()).isNull();
  }

  @Test
  void theEmbedderAndMatcherScaleOnCpuAndConsumerLag() {
    assertThat(names(full.all(HorizontalPodAutoscaler.class)))
        .containsExactlyInAnyOrder(PREFIX + "embedder", PREFIX + "matcher");
    for (HorizontalPodAutoscaler hpa : full.all(HorizontalPodAutoscaler.class)) {
      String target = hpa.getSpec().getScaleTargetRef().getName();
      assertThat(full.find(Deployment.class, target)).isPresent();
      List<MetricSpec> metrics = hpa.getSpec().getMetrics();
      assertThat(metrics).extracting(MetricSpec::getType).containsExactly("Resource", "External");
      assertThat(metrics.get(0).getResource().getName()).isEqualTo("cpu");
      var external = metrics.get(1).getExternal();
      assertThat(external.getMetric().getName()).isEqualTo("facetrail_consumer_lag");
      assertThat(external.getMetric().getSelector().getMatchLabels())
          .containsEntry("service", target.substring(PREFIX.length()));
    }
  }

  @Test
  void theServiceMonitorsScrapeEveryServiceOnceKeepingItsServiceLabel() {
    List<ServiceMonitor> monitors = full.all(ServiceMonitor.class);
    assertThat(full.all(Service.class)).hasSize(6);
    for (Service service : full.all(Service.class)) {
      Map<String, String> labels = service.getMetadata().getLabels();
      List<ServiceMonitor> scraping =
          monitors.stream().filter(m -> selects(m.getSpec().getSelector(), labels)).toList();
      assertThat(scraping).as(service.getMetadata().getName()).hasSize(1);
      ServiceMonitor monitor = scraping.get(0);
      assertThat(monitor.getMetadata().getLabels())
          .containsEntry("release", "kube-prometheus-stack");
      Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
      assertThat(endpoint.getPort()).isEqualTo("http");
      assertThat(endpoint.getPath()).isEqualTo("/metrics");
      assertThat(endpoint.getHonorLabels()).isTrue();
      // /metrics is protected in these values: the pipeline services take the API token, the
      // api only its own API keys (a viewer key made for Prometheus).
      String component = labels.get("app.kubernetes.io/component");
      assertThat(endpoint.getAuthorization().getCredentials().getKey())
          .as(service.getMetadata().getName())
          .isEqualTo(component.equals("api") ? "api-metrics-key" : "api-token");
    }
    // Unprotected, one monitor scrapes every service, the api included.
    Manifests open = Chart.renderWith("serviceMonitor.enabled", true);
    ServiceMonitor only = open.all(ServiceMonitor.class).get(0);
    assertThat(open.all(ServiceMonitor.class)).hasSize(1);
    assertThat(open.all(Service.class))
        .hasSize(4)
        .allSatisfy(
            s ->
                assertThat(selects(only.getSpec().getSelector(), s.getMetadata().getLabels()))
                    .isTrue());
  }

  @Test
  void ingestNeverRunsTwiceAndKeepsCameraPasswordsInASecret() {
    Deployment d = full.get(Deployment.class, PREFIX + "ingest");
    assertThat(d.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(volume(d, "config").getSecret().getSecretName()).isEqualTo(PREFIX + "ingest");
    assertThat(full.all(ConfigMap.class))
        .noneMatch(m -> String.valueOf(m.getData()).contains("not-a-real-camera-password"));
  }

  @Test
  void theDashboardsShipAsConfigMapsForGrafanasSidecar() {
    List<ConfigMap> maps =
        full.all(ConfigMap.class).stream()
            .filter(m -> "1".equals(m.getMetadata().getLabels().get("grafana_dashboard")))
            .toList();
    List<Path> files = Dashboards.files();
    assertThat(maps).hasSameSizeAs(files);
    for (Path file : files) {
      String name = file.getFileName().toString();
      assertThat(maps)
          .anySatisfy(
              m -> assertThat(m.getData().get(name)).isEqualTo(RepositoryFiles.read(file).strip()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void everyDeploymentIsProbedLockedDownAndSelectedByItsServiceAndBudget(
      String values, Manifests m) {
    for (Deployment d : m.all(Deployment.class)) {
      String name = d.getMetadata().getName();
      Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
      assertThat(podLabels)
          .as(name)
          .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
      Service service = m.get(Service.class, name);
      assertThat(podLabels).as(name).containsAllEntriesOf(service.getSpec().getSelector());
      assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
      PodDisruptionBudget pdb = m.get(PodDisruptionBudget.class, name);
      assertThat(pdb.getSpec().getSelector().getMatchLabels())
          .isEqualTo(d.getSpec().getSelector().getMatchLabels());

      PodSpec pod = d.getSpec().getTemplate().getSpec();
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
      assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isEqualTo(10001L);
      Container c = container(d);
      String command = c.getName().equals("api") ? "serve" : c.getName();
      assertThat(c.getArgs())
          .as(name)
          .containsExactly(command, "--config", "/etc/facetrail/config.yaml");
      assertThat(c.getPorts()).as(name).anyMatch(p -> "http".equals(p.getName()));
      assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
      assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
      assertProbe(name, c.getLivenessProbe(), "/health/live");
      assertProbe(name, c.getStartupProbe(), "/health/live");
      assertProbe(name, c.getReadinessProbe(), "/health/ready");

      Set<String> volumes = new HashSet<>();
      pod.getVolumes().forEach(v -> volumes.add(v.getName()));
      Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream())
          .flatMap(x -> x.getVolumeMounts().stream())
          .forEach(mount -> assertThat(volumes).as(name).contains(mount.getName()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void everyManifestHasTheReleaseLabels(String values, Manifests m) {
    for (HasMetadata o : m.all()) {
      assertThat(o.getMetadata().getLabels())
          .as(o.getKind() + " " + o.getMetadata().getName())
          .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
          .containsEntry("app.kubernetes.io/part-of", "facetrail");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void theConfigurationEveryContainerReadsLoadsInItsService(String values, Manifests m) {
    for (Deployment d : m.all(Deployment.class)) {
      assertThat(RenderedConfigs.load(d, m, work)).as(d.getMetadata().getName()).isNotNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renders")
  void containersBindEveryInterfaceAndKeepStateOnTheirVolume(String values, Manifests m) {
    // Outside containers the services bind loopback and keep state per user; a pod must say so.
    for (Deployment d : m.all(Deployment.class)) {
      Object config = RenderedConfigs.load(d, m, work);
      String name = d.getMetadata().getName();
      if (config instanceof IngestConfig c) {
        assertThat(c.http().host()).as(name).isEqualTo("0.0.0.0");
      } else if (config instanceof EmbedderConfig c) {
        assertThat(c.http().host()).as(name).isEqualTo("0.0.0.0");
      } else if (config instanceof TrackerConfig c) {
        assertThat(c.http().host()).as(name).isEqualTo("0.0.0.0");
        assertThat(c.streams().stateDir()).as(name).startsWith("/var/lib/facetrail/");
      } else if (config instanceof MatcherConfig c) {
        assertThat(c.http().host()).as(name).isEqualTo("0.0.0.0");
        assertThat(c.stateDir()).as(name).startsWith("/var/lib/facetrail/");
      } else if (config instanceof OutboundConfig c) {
        assertThat(c.http().host()).as(name).isEqualTo("0.0.0.0");
      } else if (config instanceof ApiConfig c) {
        assertThat(c.http().host()).as(name).isEqualTo("0.0.0.0");
        assertThat(ApiPaths.keysFile(c.access()))
            .as(name)
            .startsWithRaw(Path.of("/var/lib/facetrail"));
      } else {
        throw new AssertionError("unexpected configuration " + config.getClass());
      }
    }
  }

  @Test
  void credentialsReachTheServicesAsSecretsNotConfiguration() {
    EmbedderConfig embedder =
        (EmbedderConfig)
            RenderedConfigs.load(full.get(Deployment.class, PREFIX + "embedder"), full, work);
    assertThat(embedder.kafka().secrets().get("sasl.jaas.config").reveal())
        .contains("ScramLoginModule");
    assertThat(embedder.http().apiToken().reveal()).isEqualTo("0123456789abcdef0123");
    assertThat(embedder.kafka().retention().frames()).isEqualTo(java.time.Duration.ofHours(1));
    // A value given for one topic leaves the others at the chart's defaults.
    assertThat(embedder.kafka().retention().identity()).isEqualTo(java.time.Duration.ofDays(3));
    assertThat(embedder.faces().device()).isEqualTo(DeviceSetting.parse("gpu"));
    assertThat(embedder.consumer().instanceId()).isEqualTo(PodEnvironment.POD_NAME);

    MatcherConfig matcher =
        (MatcherConfig)
            RenderedConfigs.load(full.get(Deployment.class, PREFIX + "matcher"), full, work);
    assertThat(matcher.gallery().redis().password().reveal())
        .isEqualTo("not-a-real-redis-password");
    assertThat(matcher.gallery().redis().host()).isEqualTo("redis-master.redis");

    IngestConfig ingest =
        (IngestConfig)
            RenderedConfigs.load(full.get(Deployment.class, PREFIX + "ingest"), full, work);
    assertThat(ingest.sources()).hasSize(2);

    for (ConfigMap map : full.all(ConfigMap.class)) {
      assertThat(String.valueOf(map.getData()))
          .as(map.getMetadata().getName())
          .doesNotContain(
              "not-a-real-password",
              "not-a-real-redis-password",
              "0123456789abcdef0123",
              "not-a-real-metrics-key");
    }
  }

  /** Whether a label selector (match labels and set-based requirements) selects {@code labels}. */
  private static boolean selects(LabelSelector selector, Map<String, String> labels) {
    if (selector.getMatchLabels() != null
        && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
      return false;
    }
    for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
      String value = labels.get(r.getKey());
      boolean in = value != null && r.getValues().contains(value);
      boolean ok =
          switch (r.getOperator()) {
            case "In" -> in;
            case "NotIn" -> !in;
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new AssertionError("unknown selector operator " + r.getOperator());
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static void assertProbe(String deployment, Probe probe, String path) {
    assertThat(probe).as(deployment + " probe on " + path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).as(deployment).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).as(deployment).isEqualTo("http");
  }
}
