package io.facetrail.deploy.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import io.facetrail.deploy.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every YAML file of the deployment, and the chart as rendered, passes yamllint. */
class YamlLintTest {
  @TempDir Path work;

  private static Path config() {
    return RepositoryFiles.root().resolve("deploy").resolve("yamllint.yaml");
  }

  /** The YAML files in the repository; the chart's templates are Go templates, not YAML. */
  static List<Path> files() {
    List<Path> out = new ArrayList<>();
    out.addAll(RepositoryFiles.files(RepositoryFiles.docker(), YamlLintTest::isYaml));
    out.addAll(
        RepositoryFiles.files(
            RepositoryFiles.chart(), p -> isYaml(p) && !p.toString().contains("/templates/")));
    out.add(config());
    return out;
  }

  private static boolean isYaml(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  @Test
  void theDeploymentFilesAreClean() {
    String yamllint = YamlLint.require();
    List<Path> files = files();
    assertThat(files)
        .extracting(p -> RepositoryFiles.root().relativize(p).toString())
        .contains(
            "docker/docker-compose.yml",
            "docker/prometheus/prometheus.yml",
            "helm/facetrail/values.yaml",
            "helm/facetrail/Chart.yaml");
    assertThat(YamlLint.run(yamllint, config(), files)).isEmpty();
  }

  @Test
  void theRenderedChartIsClean() throws IOException {
    String yamllint = YamlLint.require();
    Path chart = RepositoryFiles.chart();
    Path full = chart.resolve("ci").resolve("gpu-autoscaling-monitoring-values.yaml");
    Path rendered = work.resolve("rendered.yaml");
    Files.writeString(
        rendered, new Helm(chart).template().withName("ft").withValuesFile(full).call());
    // Two rules follow the sources, not the output: the dashboards' JSON sits in ConfigMaps as
    // long lines (their length is checked in the sources), and Helm's toYaml writes sequences
    // without indenting them under their key, which YAML allows.
    Path relaxed = work.resolve("rendered-yamllint.yaml");
    Files.writeString(
        relaxed,
        "extends: "
            + config()
            + "\nrules:\n  line-length: disable\n"
            + "  indentation: {spaces: consistent, indent-sequences: whatever}\n");
    assertThat(YamlLint.run(yamllint, relaxed, List.of(rendered))).isEmpty();
  }

  @Test
  void theLinterFindsProblems() throws IOException {
    String yamllint = YamlLint.require();
    Path bad = work.resolve("bad.yaml");
    Files.writeString(bad, "a: 1\na: 2\nb:   [1,2]\n");
    assertThat(YamlLint.run(yamllint, config(), List.of(bad)))
        .anyMatch(l -> l.contains("key-duplicates"));
  }
}
