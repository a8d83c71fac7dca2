package io.facetrail.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.deploy.RepositoryFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The rules the Dockerfiles must keep, checked without building them. */
class DockerfileTest {
  /**
   * Service targets and the command each one runs; the configuration file its port comes from is
   * named after the target.
   */
  private static final Map<String, String> SERVICES =
      Map.of(
          "ingest",
          "ingest",
          "embedder",
          "embedder",
          "tracker",
          "tracker",
          "matcher",
          "matcher",
          "api",
          "serve",
          "outbound",
          "outbound");

  private static final Pattern PINNED =
      Pattern.compile("[^:@\\s]+(:[^:@\\s]*\\d[^:@\\s]*)?(@sha256:[0-9a-f]{64})?");
  private static final Pattern HEALTH_URL =
      Pattern.compile("FACETRAIL_HEALTH_URL=http://127\\.0\\.0\\.1:(\\d+)/health/ready");

  private static Dockerfile cpu() {
    return Dockerfile.parse(RepositoryFiles.docker().resolve("Dockerfile"));
  }

  private static Dockerfile gpu() {
    return Dockerfile.parse(RepositoryFiles.docker().resolve("embedder-gpu.Dockerfile"));
  }

  @Test
  void theParserJoinsContinuationsAndSkipsComments() {
    List<Instruction> list =
        Dockerfile.instructions(
            "# syntax=docker/dockerfile:1.7\nFROM a:1 AS b\nRUN one \\\n  # inside\n    two\nUSER 1\n");
    assertThat(list)
        .containsExactly(
            new Instruction("FROM", "a:1 AS b", 2),
            new Instruction("RUN", "one two", 3),
            new Instruction("USER", "1", 6));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile", "embedder-gpu.Dockerfile"})
  void buildsInStagesFromPinnedBaseImages(String name) {
    Dockerfile d = Dockerfile.parse(RepositoryFiles.docker().resolve(name));
    assertThat(d.stages()).as(name + " is multi-stage").hasSizeGreaterThanOrEqualTo(2);
    assertThat(d.stage("build")).as(name + " has a build stage").isPresent();
    assertThat(d.stage("build").orElseThrow().base())
        .startsWith("eclipse-temurin:17")
        .contains("-jdk");
    assertThat(String.valueOf(d.stage("build").orElseThrow().last("RUN").orElseThrow()))
        .contains("./mvnw");
    for (Stage s : d.stages()) {
      if (!d.isStage(s.base())) {
        assertPinned(name, s.base());
      }
      for (Instruction copy : s.all("COPY")) {
        Matcher m = Pattern.compile("--from=(\\S+)").matcher(copy.arguments());
        if (m.find() && !d.isStage(m.group(1))) {
          assertPinned(name, m.group(1));
        }
      }
    }
  }

  private static void assertPinned(String file, String image) {
    assertThat(image)
        .as(file + ": base image " + image + " has a version tag")
        .matches(PINNED)
        .contains(":");
    assertThat(image).as(file).doesNotEndWith(":latest");
  }

  @Test
  void everyServiceImageRunsAsNonRootWithAHealthCheckOnItsReadiness() {
    Dockerfile d = cpu();
    for (var e : SERVICES.entrySet()) {
      Stage stage =
          d.stage(e.getKey()).orElseThrow(() -> new AssertionError("no target " + e.getKey()));
      assertRuntime(d, stage, e.getKey(), e.getValue());
      assertThat(d.chain(stage).get(0).base()).as(e.getKey()).contains("-jre-");
      assertThat(d.environment(stage)).contains("JAVA_OPTS=");
    }
    Stage models = d.stage("models").orElseThrow();
    assertNonRoot(d, models);
    assertThat(d.effective(models, "HEALTHCHECK").orElseThrow().arguments()).isEqualTo("NONE");
    assertThat(d.effective(models, "CMD").orElseThrow().arguments())
        .isEqualTo("[\"models\", \"fetch\", \"--dir\", \"/models\"]");
  }

  @Test
  void theGpuImageBakesInLibtorch271ForCuda128AndDefaultsToTheGpu() {
    Dockerfile d = gpu();
    Stage last = d.stages().get(d.stages().size() - 1);
    assertThat(last.name()).isEqualTo("embedder-gpu");
    assertThat(last.base()).startsWith("nvidia/cuda:12.8").contains("runtime");
    assertRuntime(d, last, "embedder", "embedder");
    assertThat(last.all("COPY").toString()).contains("--from=eclipse-temurin:17").contains("-jre-");
    String env = d.environment(last);
    assertThat(env)
        .contains("PYTORCH_LIBRARY_PATH=/opt/libtorch/lib")
        .contains("PYTORCH_FLAVOR=cu128")
        .contains("DJL_OFFLINE=true")
        .contains("FACETRAIL_FACES_DEVICE=gpu");
    String libtorch = d.stage("libtorch").orElseThrow().instructions().toString();
    assertThat(libtorch).contains("2.7.1%2Bcu128").contains("sha256sum -c");
    assertThat(last.all("COPY").toString()).contains("/opt/libtorch/lib/");
  }

  @Test
  void theApiImageKeepsItsKeysAndAuditLogOnTheDataVolumeForEveryCommand() {
    Dockerfile d = cpu();
    Map<String, String> env = d.variables(d.stage("api").orElseThrow());
    // Variables rather than api.yaml: `facetrail api-keys create` in the same image (no --config)
    // must write the file the server reads.
    assertThat(env)
        .containsEntry("FACETRAIL_ACCESS_KEYS_FILE", "/var/lib/facetrail/api-keys.json")
        .containsEntry("FACETRAIL_ACCESS_AUDIT_FILE", "/var/lib/facetrail/audit.jsonl")
        .containsEntry("FACETRAIL_MODELS_DIR", "/models")
        .containsEntry("JAVA_OPTS", "-XX:MaxRAMPercentage=45 -XX:+ExitOnOutOfMemoryError");
    // The runtime image creates the folder owned by the service user, so a new volume is too.
    assertThat(d.stage("runtime").orElseThrow().all("RUN").toString())
        .contains("mkdir -p /models /var/lib/facetrail")
        .contains("chown facetrail:facetrail /models /var/lib/facetrail");
  }

  private static void assertRuntime(Dockerfile d, Stage stage, String service, String command) {
    String where = d.file().getFileName() + " target " + stage.name();
    assertNonRoot(d, stage);
    Instruction health =
        d.effective(stage, "HEALTHCHECK")
            .orElseThrow(() -> new AssertionError(where + ": no HEALTHCHECK"));
    assertThat(health.arguments()).as(where).contains("CMD curl -fsS \"$FACETRAIL_HEALTH_URL\"");
    Matcher url = HEALTH_URL.matcher(d.environment(stage));
    assertThat(url.find()).as(where + " sets FACETRAIL_HEALTH_URL").isTrue();
    int port = configuredPort(service);
    assertThat(Integer.parseInt(url.group(1)))
        .as(where + " health port = http.port")
        .isEqualTo(port);
    assertThat(d.effective(stage, "EXPOSE").orElseThrow().arguments())
        .isEqualTo(Integer.toString(port));
    assertThat(d.effective(stage, "ENTRYPOINT").orElseThrow().arguments())
        .as(where)
        .isEqualTo("[\"/usr/local/bin/facetrail\"]");
    assertThat(d.effective(stage, "CMD").orElseThrow().arguments())
        .as(where)
        .isEqualTo("[\"" + command + "\", \"--config\", \"/etc/facetrail/" + service + ".yaml\"]");
  }

  private static void assertNonRoot(Dockerfile d, Stage stage) {
    String user = d.effective(stage, "USER").map(Instruction::arguments).orElse("root");
    assertThat(user.split(":")[0])
        .as(d.file().getFileName() + " target " + stage.name() + " user")
        .isNotIn("root", "0", "");
  }

  private static int configuredPort(String service) {
    Path config = RepositoryFiles.docker().resolve("config").resolve(service + ".yaml");
    return YAMLMapper.builder()
        .build()
        .readTree(RepositoryFiles.read(config))
        .path("http")
        .path("port")
        .asInt();
  }

  @Test
  void theEntryPointRunsTheCliWithTheLaunchersJvmFlags() {
    String entrypoint = RepositoryFiles.read(RepositoryFiles.docker().resolve("entrypoint.sh"));
    String launcher = RepositoryFiles.read(RepositoryFiles.root().resolve("facetrail"));
    // The flags of the java command line, not those of the build the launcher may run first.
    launcher = launcher.substring(launcher.indexOf("exec java"));
    Matcher flag = Pattern.compile("-D[a-z.]+=\\S+").matcher(launcher);
    int flags = 0;
    while (flag.find()) {
      assertThat(entrypoint).as("entrypoint.sh passes " + flag.group()).contains(flag.group());
      flags++;
    }
    assertThat(flags).as("flags found in ./facetrail").isPositive();
    assertThat(entrypoint).contains("exec java").contains("io.facetrail.app.FacetrailCli \"$@\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile.dockerignore", "embedder-gpu.Dockerfile.dockerignore"})
  void theBuildContextLeavesOutBuildOutputsHistoryAndModels(String file) {
    List<String> rules =
        RepositoryFiles.read(RepositoryFiles.docker().resolve(file))
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertThat(rules).contains(".git", "**/target", "models");
  }
}
